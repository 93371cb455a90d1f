/**
 * The transactional outbox for everything a citizen is told: rows are written in the same
 * transaction as the state change they report; channel workers (mail/, bot/) send them.
 */
import type { Sql } from "postgres";

export type NotificationKind =
  | "booking_confirmed"
  | "booking_suggested"
  | "booking_cancelled"
  | "booking_rescheduled"
  | "approval_approved"
  | "approval_rejected"
  | "reminder"
  | "waitlist_offer"
  | "mail_reply";

export interface NewNotification {
  kind: NotificationKind;
  channel: "mail" | "chat";
  appointmentId?: string | null;
  payload?: Record<string, unknown>;
  availableAt?: Date;
}

export async function enqueueNotification(sql: Sql, n: NewNotification): Promise<number> {
  const [row] = await sql<{ id: string }[]>`
    insert into notification (kind, channel, appointment_id, payload, available_at)
    values (${n.kind}, ${n.channel}, ${n.appointmentId ?? null}, ${sql.json((n.payload ?? {}) as never)}, ${n.availableAt ?? new Date()})
    returning id`;
  return Number(row!.id);
}
