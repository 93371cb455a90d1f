/**
 * SQL for appointments. Server error codes are translated here, so no use case sees `postgres` types:
 * 23P01 (exclusion violation) = the slot was taken; 23505 on the code = draw another code.
 */
import type { Sql } from "postgres";
import type { Appointment, AppointmentStatus, Channel, Pool, ServiceRequest } from "./types.ts";
import { toLocalIso } from "../calendar/time.ts";

export interface AppointmentRow {
  id: string;
  code: string;
  status: AppointmentStatus;
  active: boolean;
  location_id: string;
  counter: number;
  starts_at: Date;
  ends_at: Date;
  local_date: string;
  services: ServiceRequest[];
  channel: Channel;
  pool: Pool;
  contact_id: string | null;
  email_hash: string | null;
  conversation_key: string | null;
  hold_token_hash: string | null;
  hold_expires_at: Date | null;
  release_at: Date | null;
  request: { text: string | null; understood: unknown } | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_message: string | null;
  created_at: Date;
  name: string | null;
  email: string | null;
  phone: string | null;
}

export const SELECT_APPOINTMENT = `
  select a.id, a.code, a.status, a.active, a.location_id, a.counter, lower(a.during) as starts_at, upper(a.during) as ends_at,
         a.local_date::text as local_date, a.services, a.channel, a.pool, a.contact_id, a.email_hash, a.conversation_key,
         a.hold_token_hash, a.hold_expires_at, a.release_at, a.request, a.decided_by, a.decided_at, a.decision_message,
         a.created_at, c.name, c.email, c.phone
  from appointment a left join contact c on c.id = a.contact_id`;

export async function findById(sql: Sql, id: string, forUpdate = false): Promise<AppointmentRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = await sql.unsafe<AppointmentRow[]>(`${SELECT_APPOINTMENT} where a.id = $1 ${forUpdate ? "for update of a" : ""}`, [id]);
  return rows[0] ?? null;
}

export async function findByCode(sql: Sql, code: string): Promise<AppointmentRow | null> {
  const rows = await sql.unsafe<AppointmentRow[]>(`${SELECT_APPOINTMENT} where a.code = $1`, [code]);
  return rows[0] ?? null;
}

export async function findByTokenHash(sql: Sql, tokenHash: string): Promise<AppointmentRow | null> {
  const rows = await sql.unsafe<AppointmentRow[]>(`${SELECT_APPOINTMENT} where a.token_hash = $1`, [tokenHash]);
  return rows[0] ?? null;
}

export async function findActiveByEmailHash(sql: Sql, emailHash: string, now: Date): Promise<AppointmentRow[]> {
  return sql.unsafe<AppointmentRow[]>(
    `${SELECT_APPOINTMENT} where a.email_hash = $1 and a.active and a.status in ('held','suggested','booked') and upper(a.during) > $2 order by a.during`,
    [emailHash, now],
  );
}

export async function addEvent(sql: Sql, appointmentId: string, kind: string, actor: string, now: Date, data?: Record<string, unknown>) {
  await sql`insert into appointment_event (appointment_id, at, kind, actor, data) values (${appointmentId}, ${now}, ${kind}, ${actor}, ${data ? sql.json(data as never) : null})`;
}

export function toAppointment(row: AppointmentRow, zone: string): Appointment {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    locationId: row.location_id,
    counter: row.counter,
    start: toLocalIso(row.starts_at, zone),
    end: toLocalIso(row.ends_at, zone),
    services: row.services,
    channel: row.channel,
    contact: row.name === null ? null : { name: row.name, email: row.email, phone: row.phone },
    createdAt: row.created_at.toISOString(),
    holdExpiresAt: row.status === "held" && row.hold_expires_at ? row.hold_expires_at.toISOString() : null,
    request: row.request,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    decisionMessage: row.decision_message,
  };
}

export function isSlotTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint_name?: string };
  return e?.code === "23P01" || (e?.code === "23505" && e.constraint_name === "appointment_overbook_hour");
}

export function isDuplicateCode(err: unknown): boolean {
  const e = err as { code?: string; constraint_name?: string };
  return e?.code === "23505" && (e.constraint_name ?? "").includes("code");
}
