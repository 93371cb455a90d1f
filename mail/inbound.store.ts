/**
 * The exactly-once record of handled IMAP messages. The key (mailbox, UIDVALIDITY, UID) is written
 * in the same transaction as the message's effects; the Message-ID catches replays after a
 * UIDVALIDITY change (RFC 3501 §2.3.1.1).
 */
import type { Sql } from "postgres";

export interface InboundKey {
  mailbox: string;
  uidValidity: bigint;
  uid: number;
}

export type InboundOutcome = "answered" | "ignored" | "rate_limited" | "no_action" | "failed";

export interface InboundRecord extends InboundKey {
  messageId: string | null;
  sender: string | null;
  kind: string;
  outcome: InboundOutcome;
  conversationToken: string | null;
  receivedAt: Date;
}

export async function isRecorded(sql: Sql, key: InboundKey, messageId: string | null): Promise<boolean> {
  const rows = await sql`
    select 1 from mail_inbound
    where mailbox = ${key.mailbox}
      and ((uid_validity = ${key.uidValidity.toString()} and uid = ${key.uid}) or message_id = ${messageId})
    limit 1`;
  return rows.length > 0;
}

/** Returns false when the message was recorded before (by this or another process). */
export async function recordInbound(tx: Sql, r: InboundRecord): Promise<boolean> {
  const rows = await tx`
    insert into mail_inbound (mailbox, uid_validity, uid, message_id, sender, kind, outcome, conversation_token, received_at)
    values (${r.mailbox}, ${r.uidValidity.toString()}, ${r.uid}, ${r.messageId}, ${r.sender}, ${r.kind}, ${r.outcome},
            ${r.conversationToken}, ${r.receivedAt})
    on conflict do nothing
    returning id`;
  return rows.length > 0;
}

export async function setOutcome(tx: Sql, key: InboundKey, outcome: InboundOutcome, conversationToken: string | null): Promise<void> {
  await tx`
    update mail_inbound set outcome = ${outcome}, conversation_token = ${conversationToken}
    where mailbox = ${key.mailbox} and uid_validity = ${key.uidValidity.toString()} and uid = ${key.uid}`;
}

/** Automatic answers to this sender since `since` (per-sender rate limit, RFC 3834 §2). */
export async function answeredSince(tx: Sql, sender: string, since: Date): Promise<number> {
  const [row] = await tx<{ n: string }[]>`
    select count(*) as n from mail_inbound where sender = ${sender} and outcome = 'answered' and received_at > ${since}`;
  return Number(row?.n ?? 0);
}
