/** Mail conversations: who asked what, which slots we proposed, and which appointment came of it. */
import type { Sql } from "postgres";
import type { ServiceRequest, SlotQuery } from "../core/bookings/types.ts";

export type ConversationState = "asked" | "proposed" | "suggested" | "booked" | "closed";

export interface Proposal {
  /** Held appointment, or null when the slot is only shown (reschedules). */
  appointmentId: string | null;
  holdToken: string | null;
  locationId: string;
  start: string;
}

/** The understood request, kept to merge follow-ups ("lieber nachmittags") into it. */
export type StoredRequest = Omit<SlotQuery, "limit" | "pool" | "includeEmergency"> & { services: ServiceRequest[] };

export interface Conversation {
  token: string;
  mailbox: string;
  citizenAddress: string;
  citizenName: string;
  state: ConversationState;
  request: StoredRequest;
  proposals: Proposal[];
  rescheduleCode: string | null;
  appointmentId: string | null;
  thread: string[];
}

interface Row {
  token: string;
  mailbox: string;
  citizen_address: string;
  citizen_name: string;
  state: ConversationState;
  request: StoredRequest;
  proposals: Proposal[];
  reschedule_code: string | null;
  appointment_id: string | null;
  thread: string[];
}

function fromRow(r: Row): Conversation {
  return {
    token: r.token, mailbox: r.mailbox, citizenAddress: r.citizen_address, citizenName: r.citizen_name,
    state: r.state, request: r.request, proposals: r.proposals, rescheduleCode: r.reschedule_code,
    appointmentId: r.appointment_id, thread: r.thread,
  };
}

export async function findConversation(sql: Sql, token: string): Promise<Conversation | null> {
  const [row] = await sql<Row[]>`select * from mail_conversation where token = ${token}`;
  return row ? fromRow(row) : null;
}

export async function findConversationByAppointment(sql: Sql, appointmentId: string): Promise<Conversation | null> {
  const [row] = await sql<Row[]>`
    select * from mail_conversation where appointment_id = ${appointmentId} order by updated_at desc limit 1`;
  return row ? fromRow(row) : null;
}

/** In-Reply-To/References pointing at one of our notifications → its conversation. */
export async function findConversationByNotifications(sql: Sql, notificationIds: string[]): Promise<Conversation | null> {
  if (notificationIds.length === 0) return null;
  const [row] = await sql<Row[]>`
    select c.* from notification n
    join mail_conversation c on c.token = n.payload->>'token' or c.appointment_id = n.appointment_id
    where n.id in ${sql(notificationIds)}
    order by n.id desc limit 1`;
  return row ? fromRow(row) : null;
}

export async function saveConversation(tx: Sql, c: Conversation, now: Date): Promise<void> {
  await tx`
    insert into mail_conversation (token, mailbox, citizen_address, citizen_name, state, request, proposals,
                                   reschedule_code, appointment_id, thread, created_at, updated_at)
    values (${c.token}, ${c.mailbox}, ${c.citizenAddress}, ${c.citizenName}, ${c.state}, ${tx.json(c.request as never)},
            ${tx.json(c.proposals as never)}, ${c.rescheduleCode}, ${c.appointmentId}, ${c.thread}, ${now}, ${now})
    on conflict (token) do update set
      state = excluded.state, request = excluded.request, proposals = excluded.proposals,
      reschedule_code = excluded.reschedule_code, appointment_id = excluded.appointment_id,
      thread = excluded.thread, updated_at = excluded.updated_at`;
}
