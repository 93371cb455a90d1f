/**
 * Optional Azure mode of the website chat: the page asks us for a token, we exchange our Direct Line
 * secret for a per-conversation token at Azure, so the secret never reaches the browser.
 */
import { randomUUID } from "node:crypto";
import type { Request, Response, Server } from "restify";
import type { Logger } from "../core/log.ts";
import type { RateLimit } from "./rate-limit.ts";

export interface AzureTokenDeps {
  domain: string;
  secret: string;
  conversationLimit: RateLimit;
  clientAddress(req: Request): string;
  log: Logger;
  fetch?: typeof fetch;
}

export function mountAzureTokenRoute(server: Server, deps: AzureTokenDeps): void {
  const doFetch = deps.fetch ?? fetch;
  server.post("/chat/azure-token", async (req: Request, res: Response) => {
    const retryAfter = await deps.conversationLimit.take(deps.clientAddress(req));
    if (retryAfter !== null) {
      res.header("retry-after", String(retryAfter));
      res.send(429, { error: "TOO_MANY_REQUESTS" });
      return;
    }
    // Azure binds the token to this user id; "dl_" marks it as ours for Direct Line.
    const userId = `dl_${randomUUID()}`;
    try {
      const response = await doFetch(`${deps.domain}/tokens/generate`, {
        method: "POST",
        headers: { authorization: `Bearer ${deps.secret}`, "content-type": "application/json" },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw Object.assign(new Error("token exchange failed"), { code: `AZURE_${response.status}` });
      const session = (await response.json()) as { token: string; conversationId: string; expires_in: number };
      res.send(200, { token: session.token, conversationId: session.conversationId, expires_in: session.expires_in, userId });
    } catch (err) {
      deps.log.error({ action: "azure_token", code: (err as { code?: string }).code ?? "AZURE_UNREACHABLE" }, "Direct Line token exchange failed");
      res.send(502, { error: "DIRECT_LINE_UNAVAILABLE" });
    }
  });
}
