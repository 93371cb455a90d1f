/** Mails staff must look at: outgoing mails that failed for good, incoming ones that could not be handled. */
import type { Sql } from "postgres";

export interface FailedOutgoingMail {
  notificationId: string;
  kind: string;
  appointmentId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

export interface FailedIncomingMail {
  mailbox: string;
  uid: string;
  messageId: string | null;
  receivedAt: Date;
}

export async function listFailedMails(sql: Sql, limit = 100): Promise<{ outgoing: FailedOutgoingMail[]; incoming: FailedIncomingMail[] }> {
  const outgoing = await sql<FailedOutgoingMail[]>`
    select id::text as "notificationId", kind, appointment_id as "appointmentId", attempts, last_error as "lastError", created_at as "createdAt"
    from notification where channel = 'mail' and status = 'failed' order by id desc limit ${limit}`;
  const incoming = await sql<FailedIncomingMail[]>`
    select mailbox, uid::text as uid, message_id as "messageId", received_at as "receivedAt"
    from mail_inbound where outcome = 'failed' order by id desc limit ${limit}`;
  return { outgoing: [...outgoing], incoming: [...incoming] };
}

/** Give a failed outgoing mail another chance (staff fixed the address or the server). */
export async function retryFailedMail(sql: Sql, notificationId: string): Promise<boolean> {
  const rows = await sql`
    update notification set status = 'pending', attempts = 0, available_at = now(), last_error = null
    where id = ${notificationId} and channel = 'mail' and status = 'failed' returning id`;
  return rows.length > 0;
}
