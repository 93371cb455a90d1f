/**
 * One pass over the mailbox: every message in UID order is handled (unless recorded before) and
 * then moved to the processed folder. The MOVE comes after the commit, so a crash in between only
 * means the next pass finds the record and moves the message without handling it again.
 */
import type { ImapFlow } from "imapflow";
import type { Logger } from "../core/log.ts";
import { fetchMessage, messageIdFromEnvelope } from "./fetch-message.ts";
import type { InboundKey } from "./inbound.store.ts";
import type { InboundMail } from "./read-message.ts";

export const MAX_ATTEMPTS = 3;

export interface SyncTarget {
  mailbox: string;
  processedFolder: string;
  failedFolder: string;
  maxMessageBytes: number;
  log: Logger;
  isRecorded(key: InboundKey, messageId: string | null): Promise<boolean>;
  handle(key: InboundKey, mail: InboundMail): Promise<unknown>;
  /** A message that failed MAX_ATTEMPTS times: record it so it is never retried. */
  giveUp(key: InboundKey, messageId: string | null): Promise<void>;
  /** Test hook: runs after the commit and before the MOVE. */
  afterCommit?(key: InboundKey): Promise<void> | void;
}

/** Mails handled side by side within one pass; IMAP commands still run one at a time. */
const BATCH = 16;
const CONCURRENCY = 4;

interface Listed {
  key: InboundKey;
  size: number;
  messageId: string | null;
}

export class MailboxSync {
  private readonly attempts = new Map<string, number>();
  constructor(private readonly t: SyncTarget) {}

  async run(client: ImapFlow): Promise<void> {
    const lock = await client.getMailboxLock(this.t.mailbox);
    try {
      const box = client.mailbox;
      if (!box || box.exists === 0) return;
      const uidValidity = box.uidValidity;
      // List first: no other IMAP command may run inside a fetch() loop (imapflow deadlocks).
      const list = await client.fetchAll("1:*", { uid: true, size: true, envelope: true });
      const listed = list
        .sort((a, b) => a.uid - b.uid)
        .map((m) => ({ key: { mailbox: this.t.mailbox, uidValidity, uid: m.uid }, size: m.size ?? 0, messageId: messageIdFromEnvelope(m.envelope) }));
      for (let i = 0; i < listed.length && client.usable; i += BATCH) await this.batch(client, listed.slice(i, i + BATCH));
    } finally {
      lock.release();
    }
  }

  /** Fetch a batch, handle it with bounded concurrency, then MOVE what was committed in one command. */
  private async batch(client: ImapFlow, items: Listed[]): Promise<void> {
    const toMove: number[] = [];
    const failed: Listed[] = [];
    const toHandle: { item: Listed; mail: InboundMail }[] = [];
    for (const item of items) {
      if (await this.t.isRecorded(item.key, item.messageId)) toMove.push(item.key.uid);
      else await this.fetch(client, item).then((mail) => mail && toHandle.push({ item, mail }), (err) => this.failure(client, item, err, failed));
    }
    const worker = async () => {
      for (let next = toHandle.shift(); next; next = toHandle.shift()) {
        const { item, mail } = next;
        await this.handle(item, mail).then(() => toMove.push(item.key.uid), (err) => this.failure(client, item, err, failed));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (toMove.length > 0) await client.messageMove(toMove.join(","), this.t.processedFolder, { uid: true });
    await this.giveUp(client, failed);
  }

  private fetch(client: ImapFlow, item: Listed): Promise<InboundMail | null> {
    return fetchMessage(client, item.key.uid, item.size, this.t.maxMessageBytes);
  }

  private async handle(item: Listed, mail: InboundMail): Promise<void> {
    await this.t.handle(item.key, mail);
    await this.t.afterCommit?.(item.key);
    this.attempts.delete(`${item.key.uidValidity}:${item.key.uid}`);
  }

  private failure(client: ImapFlow, item: Listed, err: unknown, failed: Listed[]): void {
    if (!client.usable) return; // connection lost: the next session retries, no attempt counted
    const id = `${item.key.uidValidity}:${item.key.uid}`;
    const n = (this.attempts.get(id) ?? 0) + 1;
    this.attempts.set(id, n);
    // Codes and ids only: error messages may quote mail content (no personal data in logs).
    const e = err as { code?: string; name?: string };
    this.t.log.error({ action: "mail_failed", uid: item.key.uid, attempt: n, code: e.code ?? "UNEXPECTED", errName: e.name }, "mail handling failed");
    if (n >= MAX_ATTEMPTS) failed.push(item);
  }

  /** Poison mails: recorded as failed (never retried) and moved out of the way for staff. */
  private async giveUp(client: ImapFlow, failed: Listed[]): Promise<void> {
    for (const item of failed) {
      await this.t.giveUp(item.key, item.messageId);
      this.attempts.delete(`${item.key.uidValidity}:${item.key.uid}`);
    }
    if (failed.length > 0 && client.usable) {
      await client.messageMove(failed.map((f) => f.key.uid).join(","), this.t.failedFolder, { uid: true });
    }
  }
}
