/**
 * Settings of the direct Telegram channel, read once from the environment by the composition root.
 * No token = Telegram is off. The webhook secret has no default: without it anyone who guesses the
 * URL could post updates in a citizen's name.
 */
import { z } from "zod";

export const telegramEnvSchema = z.object({
  TELEGRAM_BOT_TOKEN: z.string().optional().describe("token from @BotFather; set = the Telegram channel is on"),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "TELEGRAM_WEBHOOK_SECRET: 16–256 characters A–Z, a–z, 0–9, _ and -")
    .optional()
    .describe("secret Telegram sends back in X-Telegram-Bot-Api-Secret-Token (openssl rand -hex 32)"),
  TELEGRAM_WEBHOOK_URL: z.string().url().optional().describe("public HTTPS URL of /telegram/webhook, used by `telegram set-webhook`"),
  TELEGRAM_API_BASE_URL: z.string().url().optional().describe("Bot API base (default https://api.telegram.org; tests use a local fake)"),
  TELEGRAM_TURNS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).optional().describe("messages and button presses one chat may send per minute"),
});

export interface TelegramSettings {
  token: string;
  webhookSecret: string;
  /** Public webhook URL for set-webhook; null when only the CLI's info/delete are used. */
  webhookUrl: string | null;
  apiBaseUrl: string;
  turnsPerMinute: number;
}

export const TELEGRAM_API_DEFAULT = "https://api.telegram.org";

export class TelegramSettingsError extends Error {
  readonly code = "TELEGRAM_MISCONFIGURED";
  constructor(message: string) {
    super(message);
    this.name = "TelegramSettingsError";
  }
}

/** null when TELEGRAM_BOT_TOKEN is unset (channel off); throws when the token comes without a secret. */
export function readTelegramSettings(env: Record<string, string | undefined>): TelegramSettings | null {
  const e = telegramEnvSchema.parse(pick(env));
  const token = e.TELEGRAM_BOT_TOKEN?.trim();
  if (!token) return null;
  if (!/^\d+:[A-Za-z0-9_-]{20,}$/.test(token)) throw new TelegramSettingsError("TELEGRAM_BOT_TOKEN does not look like a Bot API token (123456:ABC…).");
  if (!e.TELEGRAM_WEBHOOK_SECRET) {
    throw new TelegramSettingsError(
      "TELEGRAM_BOT_TOKEN is set but TELEGRAM_WEBHOOK_SECRET is missing. Without it anyone could post fake updates. " +
        "Generate one with: openssl rand -hex 32",
    );
  }
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_URL.startsWith("https://")) {
    throw new TelegramSettingsError("TELEGRAM_WEBHOOK_URL must be an https:// URL (Telegram calls webhooks over HTTPS only).");
  }
  return {
    token,
    webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
    webhookUrl: e.TELEGRAM_WEBHOOK_URL ?? null,
    apiBaseUrl: (e.TELEGRAM_API_BASE_URL ?? TELEGRAM_API_DEFAULT).replace(/\/+$/, ""),
    turnsPerMinute: e.TELEGRAM_TURNS_PER_MINUTE ?? 20,
  };
}

/** Only our keys, so unrelated variables never fail the schema. */
function pick(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(telegramEnvSchema.shape)) out[key] = env[key] === "" ? undefined : env[key];
  return out;
}
