/**
 * `terminassistent telegram set-webhook [--url URL] [--drop-pending] | delete-webhook | info`:
 * registers the webhook with Telegram (including the secret token Telegram then sends back on
 * every update) and the command menu. Never prints the bot token.
 */
import { parseArgs } from "node:util";
import { TELEGRAM_TEXTS } from "../../templates/de/cards/telegram.ts";
import { createBotApi, TelegramApiError } from "./bot-api.ts";
import type { TelegramSettings } from "./settings.ts";

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export interface TelegramCommandDeps {
  /** null when TELEGRAM_BOT_TOKEN is unset. */
  settings: TelegramSettings | null;
  fetch?: typeof fetch;
}

const USAGE = `Usage:
  terminassistent telegram set-webhook [--url https://…/telegram/webhook] [--drop-pending]
  terminassistent telegram delete-webhook [--drop-pending]
  terminassistent telegram info`;

interface WebhookInfo {
  url: string;
  pending_update_count: number;
  last_error_date?: number;
  last_error_message?: string;
}

export async function runTelegramCommand(args: string[], io: CommandIo, deps: TelegramCommandDeps): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { url: { type: "string" }, "drop-pending": { type: "boolean" } } });
  const [command] = positionals;
  if (!command || !["set-webhook", "delete-webhook", "info"].includes(command)) {
    io.err(USAGE);
    return 2;
  }
  if (!deps.settings) {
    io.err("TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET are not set.");
    return 2;
  }
  const api = createBotApi({ token: deps.settings.token, apiBaseUrl: deps.settings.apiBaseUrl, fetch: deps.fetch });
  try {
    if (command === "info") return await info(api, io);
    if (command === "delete-webhook") {
      await api.call("deleteWebhook", { drop_pending_updates: values["drop-pending"] === true });
      io.out("Webhook deleted.");
      return 0;
    }
    const url = values.url ?? deps.settings.webhookUrl;
    if (!url?.startsWith("https://")) {
      io.err("set-webhook needs an https:// URL: --url or TELEGRAM_WEBHOOK_URL.");
      return 2;
    }
    await api.call("setWebhook", {
      url,
      secret_token: deps.settings.webhookSecret,
      allowed_updates: ["message", "callback_query"],
      drop_pending_updates: values["drop-pending"] === true,
    });
    await api.call("setMyCommands", { commands: TELEGRAM_TEXTS.commands, language_code: "" });
    io.out(`Webhook set: ${url}`);
    return 0;
  } catch (err) {
    if (!(err instanceof TelegramApiError)) throw err;
    io.err(`Telegram refused ${err.method} (error ${err.errorCode}). Check TELEGRAM_BOT_TOKEN and the URL.`);
    return 1;
  }
}

async function info(api: ReturnType<typeof createBotApi>, io: CommandIo): Promise<number> {
  const me = await api.call<{ username?: string }>("getMe", {});
  const hook = await api.call<WebhookInfo>("getWebhookInfo", {});
  io.out(`Bot: @${me?.username ?? "?"}`);
  io.out(`Webhook: ${hook.url || "(none)"}`);
  io.out(`Pending updates: ${hook.pending_update_count}`);
  if (hook.last_error_message) io.out(`Last error: ${hook.last_error_message} (${new Date((hook.last_error_date ?? 0) * 1000).toISOString()})`);
  return 0;
}
