/**
 * Mail assistant settings from the environment. Pure: the composition root passes `process.env`.
 * Returns null when no mailbox is configured (the assistant then does not start).
 */
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const int = (def: number) => z.coerce.number().int().positive().default(def);

const schema = z
  .object({
    MAIL_IMAP_HOST: z.string().min(1).describe("IMAP server of the office mailbox"),
    MAIL_IMAP_PORT: int(993).describe("IMAP port (993 implicit TLS, 143 STARTTLS)"),
    MAIL_IMAP_SECURE: bool.default(true).describe("Implicit TLS; false upgrades with STARTTLS when offered"),
    MAIL_IMAP_USER: z.string().min(1).describe("IMAP login, usually the mailbox address"),
    MAIL_IMAP_PASSWORD: z.string().min(1).optional().describe("IMAP password (or use MAIL_IMAP_ACCESS_TOKEN)"),
    MAIL_IMAP_ACCESS_TOKEN: z.string().min(1).optional().describe("OAuth2 access token (Exchange Online)"),
    MAIL_MAILBOX: z.string().min(1).default("INBOX").describe("Folder the assistant reads"),
    MAIL_PROCESSED_FOLDER: z.string().min(1).default("Processed").describe("Handled mails are moved here"),
    MAIL_FAILED_FOLDER: z.string().min(1).default("Failed").describe("Mails that failed three times are moved here"),
    MAIL_SMTP_URL: z.string().url().describe("Outgoing server, e.g. smtp://user:pass@mail.stadt.de:587"),
    MAIL_SMTP_ACCESS_TOKEN: z.string().min(1).optional().describe("OAuth2 access token for SMTP (user from the URL)"),
    MAIL_FROM_ADDRESS: z.string().email().describe("Sender address of the assistant's mails"),
    MAIL_FROM_NAME: z.string().min(1).optional().describe("Display name of the sender (default: city name)"),
    MAIL_REPLY_TO: z.string().email().optional().describe("Base address for replies; a +token is added (default: from address)"),
    MAIL_PLUS_ADDRESSING: bool.default(true).describe("Server delivers name+token@ to name@ (Dovecot, Exchange Online)"),
    MAIL_HOLD_MINUTES: int(240).describe("How long proposed slots stay held for the citizen's reply"),
    MAIL_LINK_BASE_URL: z.string().url().optional().describe("Base URL of the citizen links in mails (default: PUBLIC_URL)"),
    MAIL_MAX_MESSAGE_BYTES: int(2 * 1024 * 1024).describe("Larger mails: only headers and the text part are read"),
    MAIL_IDLE_DELAY_MS: int(1000).describe("Idle time before IMAP IDLE starts"),
    MAIL_RESYNC_SECONDS: int(300).describe("Safety resync interval"),
    MAIL_RATE_PER_HOUR: int(5).describe("Automatic answers per sender and hour"),
    MAIL_RATE_PER_DAY: int(20).describe("Automatic answers per sender and day"),
    MAIL_SEND_POLL_MS: int(2000).describe("Outbox poll interval"),
    MAIL_SEND_MAX_ATTEMPTS: int(8).describe("Sending attempts before a mail is marked failed"),
  })
  .refine((s) => Boolean(s.MAIL_IMAP_PASSWORD) !== Boolean(s.MAIL_IMAP_ACCESS_TOKEN), {
    message: "Set exactly one of MAIL_IMAP_PASSWORD or MAIL_IMAP_ACCESS_TOKEN",
  });

export interface MailSettings {
  imap: { host: string; port: number; secure: boolean; user: string; password?: string; accessToken?: string };
  mailbox: string;
  processedFolder: string;
  failedFolder: string;
  smtp: { url: string; accessToken?: string };
  from: { address: string; name?: string };
  replyTo: string;
  plusAddressing: boolean;
  holdMinutes: number;
  linkBaseUrl?: string;
  maxMessageBytes: number;
  idleDelayMs: number;
  resyncSeconds: number;
  rate: { perHour: number; perDay: number };
  send: { pollMs: number; maxAttempts: number };
}

export function readMailSettings(env: Record<string, string | undefined>): MailSettings | null {
  if (!env.MAIL_IMAP_HOST) return null;
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "mail"}: ${i.message}`).join("; ");
    throw new Error(`Invalid mail settings: ${problems}`);
  }
  const s = parsed.data;
  return {
    imap: {
      host: s.MAIL_IMAP_HOST, port: s.MAIL_IMAP_PORT, secure: s.MAIL_IMAP_SECURE, user: s.MAIL_IMAP_USER,
      ...(s.MAIL_IMAP_PASSWORD ? { password: s.MAIL_IMAP_PASSWORD } : {}),
      ...(s.MAIL_IMAP_ACCESS_TOKEN ? { accessToken: s.MAIL_IMAP_ACCESS_TOKEN } : {}),
    },
    mailbox: s.MAIL_MAILBOX,
    processedFolder: s.MAIL_PROCESSED_FOLDER,
    failedFolder: s.MAIL_FAILED_FOLDER,
    smtp: { url: s.MAIL_SMTP_URL, ...(s.MAIL_SMTP_ACCESS_TOKEN ? { accessToken: s.MAIL_SMTP_ACCESS_TOKEN } : {}) },
    from: { address: s.MAIL_FROM_ADDRESS.toLowerCase(), ...(s.MAIL_FROM_NAME ? { name: s.MAIL_FROM_NAME } : {}) },
    replyTo: (s.MAIL_REPLY_TO ?? s.MAIL_FROM_ADDRESS).toLowerCase(),
    plusAddressing: s.MAIL_PLUS_ADDRESSING,
    holdMinutes: s.MAIL_HOLD_MINUTES,
    ...(s.MAIL_LINK_BASE_URL ? { linkBaseUrl: s.MAIL_LINK_BASE_URL } : {}),
    maxMessageBytes: s.MAIL_MAX_MESSAGE_BYTES,
    idleDelayMs: s.MAIL_IDLE_DELAY_MS,
    resyncSeconds: s.MAIL_RESYNC_SECONDS,
    rate: { perHour: s.MAIL_RATE_PER_HOUR, perDay: s.MAIL_RATE_PER_DAY },
    send: { pollMs: s.MAIL_SEND_POLL_MS, maxAttempts: s.MAIL_SEND_MAX_ATTEMPTS },
  };
}
