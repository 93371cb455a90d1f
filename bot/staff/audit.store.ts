/**
 * The audit log: who did what, when, on which appointment, and with which outcome. Only ids,
 * codes and non-personal details (such as a new slot start) go in, never citizens' free text.
 */
import type { Sql } from "postgres";

export type AuditAction =
  | "login"
  | "login_failed"
  | "login_blocked"
  | "logout"
  | "approve"
  | "reject"
  | "mark_attended"
  | "mark_no_show"
  | "retry_delivery"
  | "cancel"
  | "reschedule"
  | "book"
  | "print_confirmation"
  | "csrf_rejected"
  | "forbidden";

export interface AuditEntry {
  staffId: string | null;
  username: string | null;
  action: AuditAction;
  appointmentId?: string | null;
  locationId?: string | null;
  /** "ok" or an error code. */
  outcome: string;
  data?: Record<string, string | number | boolean | null>;
}

export interface AuditRow {
  id: string;
  at: Date;
  staffUsername: string | null;
  action: AuditAction;
  appointmentId: string | null;
  locationId: string | null;
  outcome: string;
  data: Record<string, unknown> | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function audit(sql: Sql, at: Date, entry: AuditEntry): Promise<void> {
  // A forged id that is not a uuid is recorded in `data`, truncated, instead of failing the insert.
  const appointmentId = entry.appointmentId && UUID.test(entry.appointmentId) ? entry.appointmentId : null;
  const data = { ...entry.data, ...(entry.appointmentId && !appointmentId ? { rawId: entry.appointmentId.slice(0, 40) } : {}) };
  await sql`
    insert into staff_audit (at, staff_id, staff_username, action, appointment_id, location_id, outcome, data)
    values (${at}, ${entry.staffId}, ${entry.username}, ${entry.action}, ${appointmentId}, ${entry.locationId?.slice(0, 40) ?? null},
            ${entry.outcome}, ${Object.keys(data).length ? sql.json(data) : null})`;
}

export async function listAudit(sql: Sql, filter: { locations: string[] | "all"; limit?: number }): Promise<AuditRow[]> {
  const limit = filter.limit ?? 200;
  const rows = await sql<{ id: string; at: Date; staff_username: string | null; action: AuditAction; appointment_id: string | null; location_id: string | null; outcome: string; data: Record<string, unknown> | null }[]>`
    select id, at, staff_username, action, appointment_id, location_id, outcome, data from staff_audit
    ${filter.locations === "all" ? sql`` : sql`where location_id = any(${filter.locations})`}
    order by id desc limit ${limit}`;
  return rows.map((r) => ({
    id: r.id, at: r.at, staffUsername: r.staff_username, action: r.action, appointmentId: r.appointment_id,
    locationId: r.location_id, outcome: r.outcome, data: r.data,
  }));
}
