/**
 * The mail assistant as the composition root starts it: the inbox listener and the outbox sender.
 */
import { randomUUID } from "node:crypto";
import type { ImapFlowOptions } from "imapflow";
import type { Transporter } from "nodemailer";
import type { Core } from "../core/core.ts";
import type { Waitlist } from "../core/waitlist/types.ts";
import { createLogger, type Logger } from "../core/log.ts";
import { handleIncoming } from "./handle-incoming.ts";
import { isRecorded, recordInbound, type InboundKey } from "./inbound.store.ts";
import { InboxListener } from "./inbox-listener.ts";
import type { MailContext, ParseFn } from "./mail-context.ts";
import type { MailSettings } from "./mail-settings.ts";
import { MailboxSync } from "./mailbox-sync.ts";
import { OutboxSender } from "./outbox-sender.ts";
import { createSmtpTransport } from "./smtp-transport.ts";

export interface MailAssistantDeps {
  core: Core;
  parse: ParseFn;
  settings: MailSettings;
  /** Base of the citizen's links (cancel page, calendar file); see core/links.ts. */
  publicUrl?: string;
  /** The waiting list: offered when nothing fits; "Warteliste" in a reply registers the sender. */
  waitlist?: Waitlist | null;
  log?: Logger;
  /** Defaults to an SMTP pool from the settings. */
  transport?: Transporter;
  /** Tests: extra imapflow options, reconnect timing, faster retries, a crash hook. */
  imap?: Partial<ImapFlowOptions>;
  backoff?: { baseMs: number; maxMs: number };
  sendBackoffBaseMs?: number;
  afterCommit?: (key: InboundKey) => Promise<void> | void;
}

export interface MailAssistant {
  /** Resolves after the first completed mailbox sync. */
  ready: Promise<void>;
  /** Send due mails now (tests, and after staff decisions in this process). */
  wakeSender(): void;
  stop(): Promise<void>;
}

function linkBase(deps: MailAssistantDeps): string {
  return deps.settings.linkBaseUrl ?? deps.publicUrl ?? deps.core.config.city.website;
}

function createSender(deps: MailAssistantDeps, log: Logger, transport: Transporter): OutboxSender {
  const { settings, core } = deps;
  const name = settings.from.name ?? core.config.city.name;
  const publicUrl = linkBase(deps);
  return new OutboxSender({
    sql: core.sql, transport, log, from: { address: settings.from.address, name }, replyTo: settings.replyTo,
    plusAddressing: settings.plusAddressing, maxAttempts: settings.send.maxAttempts, pollMs: settings.send.pollMs,
    ...(deps.sendBackoffBaseMs ? { backoffBaseMs: deps.sendBackoffBaseMs } : {}),
    render: {
      core, sql: core.sql, publicUrl,
      office: { name, address: settings.from.address, phone: core.config.city.phone, website: core.config.city.website },
    },
  });
}

function createSync(ctx: MailContext, afterCommit: MailAssistantDeps["afterCommit"]): MailboxSync {
  const s = ctx.settings;
  return new MailboxSync({
    mailbox: s.mailbox, processedFolder: s.processedFolder, failedFolder: s.failedFolder, maxMessageBytes: s.maxMessageBytes, log: ctx.log,
    isRecorded: (key, messageId) => isRecorded(ctx.sql, key, messageId),
    handle: (key, mail) => handleIncoming(ctx, key, mail),
    giveUp: async (key, messageId) => {
      await recordInbound(ctx.sql, { ...key, messageId, sender: null, kind: "unknown", outcome: "failed", conversationToken: null, receivedAt: ctx.core.now() });
    },
    ...(afterCommit ? { afterCommit } : {}),
  });
}

export function startMailAssistant(deps: MailAssistantDeps): MailAssistant {
  const log = deps.log ?? createLogger("mail");
  const transport = deps.transport ?? createSmtpTransport(deps.settings);
  const sender = createSender(deps, log, transport);
  const ctx: MailContext = {
    core: deps.core, sql: deps.core.sql, parse: deps.parse, settings: deps.settings, log, waitlist: deps.waitlist ?? null, publicUrl: linkBase(deps),
    wakeSender: () => sender.wake(),
  };
  const listener = new InboxListener({
    settings: deps.settings, sql: deps.core.sql, log, sync: createSync(ctx, deps.afterCommit), owner: `${process.pid}-${randomUUID()}`,
    ...(deps.backoff ? { backoff: deps.backoff } : {}), ...(deps.imap ? { imap: deps.imap } : {}),
  });
  sender.start();
  listener.start();
  log.info({ action: "mail_assistant_started" }, "mail assistant started");
  return {
    ready: listener.ready,
    wakeSender: () => sender.wake(),
    async stop() {
      await listener.stop();
      await sender.stop();
      if (!deps.transport) transport.close();
    },
  };
}
