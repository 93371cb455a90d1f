/**
 * A complete mail test bench: private Dovecot, the office MTA (smtp-server → LMTP), a fresh test
 * database with the core, and the mail assistant wired to all of them — plus a citizen who sends
 * mail through the MTA and reads their own mailbox over IMAP.
 */
import { ImapFlow } from "imapflow";
import nodemailer, { type Transporter } from "nodemailer";
import { simpleParser, type ParsedMail } from "mailparser";
import { openTestDb, type TestDb } from "../support/db.ts";
import { startDovecot, startSmtpRelay, type DovecotHandle, type SmtpRelayHandle } from "../support/dovecot.ts";
import { readMailSettings, type MailSettings } from "../../mail/mail-settings.ts";
import { startMailAssistant, type MailAssistant, type MailAssistantDeps } from "../../mail/start-mail-assistant.ts";
import type { ParseFn } from "../../mail/mail-context.ts";
import { parse as germanParse } from "../../core/language/index.ts";

export const OFFICE = "termine@stadt.test";
export const CITIZEN = "erika@example.test";
export const STRANGER = "mallory@example.test";
export const PASSWORD = "secret";

export interface MailEnv {
  dovecot: DovecotHandle;
  relay: SmtpRelayHandle;
  db: TestDb;
  settings: MailSettings;
  parse: ParseFn;
  assistant: MailAssistant | null;
  transport: Transporter | null;
  start(extra?: Partial<MailAssistantDeps>): Promise<MailAssistant>;
  stopAssistant(): Promise<void>;
  close(): Promise<void>;
}

export async function openMailEnv(extraUsers: string[] = [], dbKind: "pglite" | "postgres" = "pglite"): Promise<MailEnv> {
  const dovecot = await startDovecot(Object.fromEntries([OFFICE, CITIZEN, STRANGER, ...extraUsers].map((u) => [u, PASSWORD])));
  const relay = await startSmtpRelay(dovecot.lmtpPort);
  const db = await openTestDb({ kind: dbKind });
  const settings = readMailSettings({
    MAIL_IMAP_HOST: "127.0.0.1", MAIL_IMAP_PORT: String(dovecot.imapPort), MAIL_IMAP_SECURE: "false",
    MAIL_IMAP_USER: OFFICE, MAIL_IMAP_PASSWORD: PASSWORD, MAIL_SMTP_URL: `smtp://127.0.0.1:${relay.port}`,
    MAIL_FROM_ADDRESS: OFFICE, MAIL_FROM_NAME: "Bürgerdienste Test", MAIL_IDLE_DELAY_MS: "100", MAIL_SEND_POLL_MS: "200",
    MAIL_RATE_PER_HOUR: "50", MAIL_RATE_PER_DAY: "200",
  })!;
  const parse: ParseFn = germanParse;
  const env: MailEnv = {
    dovecot, relay, db, settings, parse, assistant: null, transport: null,
    async start(extra = {}) {
      const transport = (env.transport = nodemailer.createTransport({ host: "127.0.0.1", port: relay.port, ignoreTLS: true, pool: true, maxConnections: 3 }));
      env.assistant = startMailAssistant({
        core: db.core, parse, settings, transport, backoff: { baseMs: 50, maxMs: 500 }, sendBackoffBaseMs: 100,
        imap: { tls: { rejectUnauthorized: false } }, ...extra,
      });
      await env.assistant.ready;
      return env.assistant;
    },
    async stopAssistant() {
      await env.assistant?.stop();
      env.transport?.close(); // open pooled connections would keep the relay from closing
      env.assistant = null;
      env.transport = null;
    },
    async close() {
      await env.stopAssistant();
      await db.close();
      await relay.stop();
      await dovecot.stop();
    },
  };
  return env;
}

export function citizenMailer(env: MailEnv) {
  return nodemailer.createTransport({ host: "127.0.0.1", port: env.relay.port, ignoreTLS: true });
}

export function imapClient(env: MailEnv, user: string): ImapFlow {
  return new ImapFlow({ host: "127.0.0.1", port: env.dovecot.imapPort, secure: false, auth: { user, pass: PASSWORD }, logger: false });
}

/** All messages in a user's folder, parsed. */
export async function readFolder(env: MailEnv, user: string, folder = "INBOX"): Promise<ParsedMail[]> {
  const client = imapClient(env, user);
  await client.connect();
  try {
    const lock = await client.getMailboxLock(folder);
    try {
      if (!client.mailbox || client.mailbox.exists === 0) return [];
      const all = await client.fetchAll("1:*", { source: true, uid: true });
      return Promise.all(all.map((m) => simpleParser(m.source!)));
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

/** Poll the citizen's inbox until `count` mails are there (behavioural wait, not a timing assertion). */
export async function waitForMails(env: MailEnv, user: string, count: number, timeoutMs = 15_000): Promise<ParsedMail[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mails = await readFolder(env, user);
    if (mails.length >= count || Date.now() > until) return mails;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Append a raw message to the office inbox, as the office MTA would deliver it. */
export async function appendToOffice(env: MailEnv, raw: string | Buffer): Promise<void> {
  const client = imapClient(env, OFFICE);
  await client.connect();
  try {
    await client.append("INBOX", raw);
  } finally {
    await client.logout();
  }
}

export async function folderCount(env: MailEnv, user: string, folder: string): Promise<number> {
  const client = imapClient(env, user);
  await client.connect();
  try {
    const status = await client.status(folder, { messages: true });
    return status ? (status.messages ?? 0) : 0;
  } finally {
    await client.logout();
  }
}
