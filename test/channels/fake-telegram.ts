/**
 * A local stand-in for the Telegram Bot API: records every call (method + JSON body) and answers
 * like Telegram does. `failNext` makes the next call of a method fail with a given error.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface BotApiCall {
  token: string;
  method: string;
  body: Record<string, any>;
  result: unknown;
}

export interface FakeTelegram {
  url: string;
  calls: BotApiCall[];
  /** Calls of one method, in order. */
  of(method: string): Record<string, any>[];
  failNext(method: string, reply: { error_code: number; description: string; parameters?: Record<string, unknown> }): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeTelegram(): Promise<FakeTelegram> {
  const calls: BotApiCall[] = [];
  const failures = new Map<string, object>();
  let messageId = 100;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const [, token = "", method = ""] = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "") ?? [];
      const body = raw ? JSON.parse(raw) : {};
      const failure = failures.get(method);
      failures.delete(method);
      res.setHeader("content-type", "application/json");
      if (failure) {
        calls.push({ token, method, body, result: null });
        res.statusCode = (failure as { error_code: number }).error_code;
        res.end(JSON.stringify({ ok: false, ...failure }));
        return;
      }
      const result = method === "sendMessage" ? { message_id: ++messageId, chat: { id: body.chat_id }, text: body.text } : method === "getWebhookInfo" ? { url: "https://example.org/telegram/webhook", pending_update_count: 3, last_error_date: 1764000000, last_error_message: "Wrong response from the webhook: 401 Unauthorized" } : method === "getMe" ? { id: 123456, is_bot: true, username: "terminbot" } : true;
      calls.push({ token, method, body, result });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    of: (method) => calls.filter((c) => c.method === method).map((c) => c.body),
    failNext: (method, reply) => void failures.set(method, reply),
    reset: () => void calls.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
