/** Mails staff must look at: outgoing mails that failed for good, incoming ones that could not be handled. */
import type { Sql } from "postgres";
import { listFailedNotifications, retryNotification } from "../core/notifications/failed.ts";

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
  const outgoing = (await listFailedNotifications(sql, { locations: "all" }, limit))
    .filter((n) => n.channel === "mail")
    .map((n) => ({ notificationId: n.id, kind: n.kind, appointmentId: n.appointmentId, attempts: n.attempts, lastError: n.lastError, createdAt: n.createdAt }));
  const incoming = await sql<FailedIncomingMail[]>`
    select mailbox, uid::text as uid, message_id as "messageId", received_at as "receivedAt"
    from mail_inbound where outcome = 'failed' order by id desc limit ${limit}`;
  return { outgoing, incoming: [...incoming] };
}

/** Give a failed outgoing mail another chance (staff fixed the address or the server). */
export function retryFailedMail(sql: Sql, notificationId: string): Promise<boolean> {
  return retryNotification(sql, notificationId, { locations: "all" });
}
