/**
 * Settings of the chat HTTP side, read once from the environment by the composition root.
 * Secrets have no defaults; `checkBotSettings` refuses dangerous combinations at start-up.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");
const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional().transform((v) => v ?? fallback);

export const botEnvSchema = z.object({
  NODE_ENV: z.string().optional().describe("'production' forbids the unauthenticated Bot Framework endpoint"),
  MicrosoftAppId: z.string().optional().describe("Bot Framework app id; set = /api/messages validates tokens"),
  MicrosoftAppPassword: z.string().optional().describe("Bot Framework client secret"),
  MicrosoftAppType: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).optional().describe("app type (new bots: SingleTenant)"),
  MicrosoftAppTenantId: z.string().optional().describe("Entra tenant id for SingleTenant / UserAssignedMSI"),
  BOT_DEV_UNAUTHENTICATED: flag.describe("local development only: accept unauthenticated /api/messages without an app id"),
  DIRECT_LINE_MODE: z.enum(["local", "azure"]).optional().describe("website chat connects to the bot itself (local) or to Azure Direct Line"),
  DIRECT_LINE_TOKEN_SECRET: z.string().optional().describe("HMAC secret (>= 32 chars) signing local Direct Line tokens; required in production"),
  DIRECT_LINE_TOKEN_TTL_SECONDS: int(1800, 60, 86_400).describe("lifetime of a local Direct Line token (the client refreshes every 15 min)"),
  DIRECT_LINE_AZURE_DOMAIN: z.string().url().optional().describe("Azure Direct Line base, e.g. https://europe.directline.botframework.com/v3/directline"),
  DIRECT_LINE_AZURE_SECRET: z.string().optional().describe("Azure Direct Line secret; the server exchanges it for per-conversation tokens"),
  BOT_MAX_BODY_BYTES: int(64 * 1024, 1024, 4 * 1024 * 1024).describe("largest accepted JSON body"),
  BOT_TURNS_PER_MINUTE: int(30, 1, 100_000).describe("turns one conversation may send per minute"),
  BOT_TOKENS_PER_MINUTE_PER_IP: int(20, 1, 100_000).describe("new web chat conversations per client address and minute"),
  BOT_TRUST_PROXY: flag.describe("take the client address from X-Forwarded-For (behind a reverse proxy)"),
});

export interface BotSettings {
  production: boolean;
  /** Bot Framework identity for /api/messages; null = no Bot Framework channel configured. */
  microsoftApp: { id: string; password: string | null; type: "MultiTenant" | "SingleTenant" | "UserAssignedMSI"; tenantId: string | null } | null;
  /** Mount /api/messages without authentication (local development only). */
  devUnauthenticated: boolean;
  directLine: {
    mode: "local" | "azure";
    tokenSecret: string;
    /** True when the secret was generated for this process (tokens die with it). */
    tokenSecretGenerated: boolean;
    tokenTtlSeconds: number;
    azure: { domain: string; secret: string | null };
  };
  limits: { maxBodyBytes: number; turnsPerMinute: number; tokensPerMinutePerIp: number };
  trustProxy: boolean;
}

export const AZURE_DIRECT_LINE_DEFAULT = "https://europe.directline.botframework.com/v3/directline";

export function readBotSettings(env: Record<string, string | undefined>): BotSettings {
  const e = botEnvSchema.parse(env);
  const appId = e.MicrosoftAppId?.trim() || null;
  const generated = !e.DIRECT_LINE_TOKEN_SECRET;
  return {
    production: e.NODE_ENV === "production",
    microsoftApp: appId
      ? { id: appId, password: e.MicrosoftAppPassword || null, type: e.MicrosoftAppType ?? "SingleTenant", tenantId: e.MicrosoftAppTenantId || null }
      : null,
    devUnauthenticated: e.BOT_DEV_UNAUTHENTICATED,
    directLine: {
      mode: e.DIRECT_LINE_MODE ?? "local",
      tokenSecret: e.DIRECT_LINE_TOKEN_SECRET ?? randomBytes(32).toString("base64url"),
      tokenSecretGenerated: generated,
      tokenTtlSeconds: e.DIRECT_LINE_TOKEN_TTL_SECONDS,
      azure: { domain: e.DIRECT_LINE_AZURE_DOMAIN ?? AZURE_DIRECT_LINE_DEFAULT, secret: e.DIRECT_LINE_AZURE_SECRET || null },
    },
    limits: { maxBodyBytes: e.BOT_MAX_BODY_BYTES, turnsPerMinute: e.BOT_TURNS_PER_MINUTE, tokensPerMinutePerIp: e.BOT_TOKENS_PER_MINUTE_PER_IP },
    trustProxy: e.BOT_TRUST_PROXY,
  };
}

/** Thrown when the settings would expose something dangerous; the message is written for admins. */
export class BotSettingsError extends Error {
  readonly code = "BOT_MISCONFIGURED";
  constructor(message: string) {
    super(message);
    this.name = "BotSettingsError";
  }
}

/** Fail fast on combinations an admin must fix before the server may start. */
export function checkBotSettings(s: BotSettings): void {
  if (s.production && s.devUnauthenticated) {
    throw new BotSettingsError(
      "Refusing to start: BOT_DEV_UNAUTHENTICATED is set while NODE_ENV=production. " +
        "An unauthenticated /api/messages lets anyone impersonate citizens and makes the bot post to any serviceUrl. " +
        "Set MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId, or remove BOT_DEV_UNAUTHENTICATED " +
        "(the website chat keeps working without them).",
    );
  }
  const app = s.microsoftApp;
  if (app && app.type !== "UserAssignedMSI" && !app.password) {
    throw new BotSettingsError(`Refusing to start: MicrosoftAppId is set but MicrosoftAppPassword is missing (MicrosoftAppType=${app.type}).`);
  }
  if (app && app.type !== "MultiTenant" && !app.tenantId) {
    throw new BotSettingsError(`Refusing to start: MicrosoftAppType=${app.type} needs MicrosoftAppTenantId.`);
  }
  if (s.production && s.directLine.mode === "local" && (s.directLine.tokenSecretGenerated || s.directLine.tokenSecret.length < 32)) {
    throw new BotSettingsError(
      "Refusing to start: NODE_ENV=production needs DIRECT_LINE_TOKEN_SECRET (at least 32 characters, the same on every instance) " +
        "to sign the website chat's tokens. Generate one with: openssl rand -base64 48",
    );
  }
  if (s.directLine.mode === "azure" && !s.directLine.azure.secret) {
    throw new BotSettingsError("Refusing to start: DIRECT_LINE_MODE=azure needs DIRECT_LINE_AZURE_SECRET.");
  }
}
