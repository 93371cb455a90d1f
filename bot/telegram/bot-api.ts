/**
 * A minimal Telegram Bot API client on fetch: POST JSON to `<base>/bot<token>/<method>`.
 * Honours 429 `retry_after` once (Telegram's flood control, about one message per second per
 * chat); other failures throw a TelegramApiError carrying the method and Telegram's error code,
 * never the token or the message text.
 */

export interface BotApiOptions {
  token: string;
  apiBaseUrl: string;
  fetch?: typeof fetch;
  /** Longest wait for a 429 before giving up on this call (the notifier retries later). */
  maxRetryAfterSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class TelegramApiError extends Error {
  readonly code = "TELEGRAM_API_ERROR";
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly retryAfter: number | null,
  ) {
    super(`Telegram ${method} failed with ${errorCode}`);
    this.name = "TelegramApiError";
  }
}

interface ApiReply<T> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

export interface BotApi {
  call<T = unknown>(method: string, body: Record<string, unknown>): Promise<T>;
}

export function createBotApi(options: BotApiOptions): BotApi {
  const doFetch = options.fetch ?? fetch;
  const maxWait = options.maxRetryAfterSeconds ?? 5;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const base = `${options.apiBaseUrl.replace(/\/+$/, "")}/bot${options.token}`;

  async function once<T>(method: string, body: Record<string, unknown>): Promise<ApiReply<T>> {
    const response = await doFetch(`${base}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const reply = (await response.json().catch(() => null)) as ApiReply<T> | null;
    return reply ?? { ok: false, error_code: response.status };
  }

  return {
    async call<T>(method: string, body: Record<string, unknown>): Promise<T> {
      let reply = await once<T>(method, body);
      const retryAfter = reply.parameters?.retry_after ?? null;
      if (!reply.ok && reply.error_code === 429 && retryAfter !== null && retryAfter <= maxWait) {
        await sleep(retryAfter * 1000);
        reply = await once<T>(method, body);
      }
      if (!reply.ok) throw new TelegramApiError(method, reply.error_code ?? 0, reply.parameters?.retry_after ?? null);
      return reply.result as T;
    },
  };
}
