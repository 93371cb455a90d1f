/**
 * The Direct Line v3 subset the stock Web Chat bundle needs, served by the bot itself (polling):
 * tokens/generate, tokens/refresh, conversations, and post/get activities. A token grants exactly
 * one conversation, so a client can neither read nor write another citizen's chat.
 */
import type { Request, Response, Server } from "restify";
import type { Logger } from "../core/log.ts";
import { bearer, type DirectLineTokens } from "./direct-line-token.ts";
import type { LocalChatAdapter, Logic } from "./local-chat.adapter.ts";
import type { RateLimit } from "./rate-limit.ts";
import { errorFields, logId } from "./turn-pipeline.ts";

export const DIRECT_LINE_BASE = "/v3/directline";

export interface DirectLineDeps {
  adapter: LocalChatAdapter;
  tokens: DirectLineTokens;
  logic: Logic;
  /** Per conversation: turns a client may post. */
  turnLimit: RateLimit;
  /** Per client address: new conversations. */
  conversationLimit: RateLimit;
  clientAddress(req: Request): string;
  log: Logger;
}

export function mountDirectLine(server: Server, deps: DirectLineDeps): void {
  const { adapter, tokens, log } = deps;
  const base = DIRECT_LINE_BASE;
  const session = (conversationId: string) => ({ conversationId, userId: `citizen-${conversationId}`, ...tokens.issue(conversationId) });
  /** The conversation the bearer token grants, or null; with `id` it must be that conversation. */
  const granted = (req: Request, id?: string): string | null => {
    const conversationId = tokens.verify(bearer(req.header("authorization")));
    return conversationId && (!id || id === conversationId) ? conversationId : null;
  };

  server.post(`${base}/tokens/generate`, async (req: Request, res: Response) => {
    const retryAfter = await deps.conversationLimit.take(deps.clientAddress(req));
    if (retryAfter !== null) return tooMany(res, retryAfter);
    res.send(200, session(adapter.createConversation()));
  });

  server.post(`${base}/tokens/refresh`, async (req: Request, res: Response) => {
    const id = granted(req);
    if (!id) return forbidden(res);
    res.send(200, session(id));
  });

  // DirectLineJS starts (or resumes) the conversation here; the bot gets its conversationUpdate once.
  server.post(`${base}/conversations`, async (req: Request, res: Response) => {
    const id = granted(req);
    if (!id) return forbidden(res);
    try {
      await adapter.start(id, deps.logic);
    } catch (err) {
      log.error({ action: "directline_start", conversation: logId(`webchat:${id}`), ...errorFields(err) }, "conversation start failed");
    }
    res.send(201, session(id));
  });

  server.get(`${base}/conversations/:id`, async (req: Request, res: Response) => {
    const id = granted(req, req.params.id);
    if (!id) return forbidden(res);
    res.send(200, session(id));
  });

  server.post(`${base}/conversations/:id/activities`, async (req: Request, res: Response) => {
    const id = granted(req, req.params.id);
    if (!id) return forbidden(res);
    const retryAfter = await deps.turnLimit.take(id);
    if (retryAfter !== null) return tooMany(res, retryAfter);
    const body = req.body && typeof req.body === "object" ? req.body : {};
    try {
      res.send(200, { id: await adapter.receive(id, body, deps.logic) });
    } catch (err) {
      log.error({ action: "directline_post", conversation: logId(`webchat:${id}`), ...errorFields(err) }, "turn failed");
      res.send(502, { error: { code: "BotError", message: "The bot could not process the activity." } });
    }
  });

  server.get(`${base}/conversations/:id/activities`, async (req: Request, res: Response) => {
    const id = granted(req, req.params.id);
    if (!id) return forbidden(res);
    const watermark = Math.max(0, Number(req.query?.watermark ?? 0) || 0);
    res.send(200, adapter.activitiesSince(id, watermark));
  });
}

function forbidden(res: Response): void {
  res.send(403, { error: { code: "TokenInvalid", message: "Missing, invalid or expired token." } });
}

function tooMany(res: Response, retryAfterSeconds: number): void {
  res.header("retry-after", String(retryAfterSeconds));
  res.send(429, { error: { code: "TooManyRequests", message: "Too many requests; retry later." } });
}
