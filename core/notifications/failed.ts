/**
 * Messages that could not be delivered (rejected addresses, bounces, too many retries), for staff:
 * a clerk sees those of their own locations; messages not tied to an appointment only admins see.
 */
import type { Sql } from "postgres";

export interface FailedNotification {
  id: string;
  kind: string;
  channel: string;
  appointmentId: string | null;
  locationId: string | null;
  code: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

type Scope = { locations: string[] | "all" };

export async function listFailedNotifications(sql: Sql, scope: Scope, limit = 200): Promise<FailedNotification[]> {
  const all = scope.locations === "all";
  const rows = await sql<FailedNotification[]>`
    select n.id::text as id, n.kind, n.channel, n.appointment_id as "appointmentId", a.location_id as "locationId", a.code,
           n.attempts, n.last_error as "lastError", n.created_at as "createdAt"
    from notification n left join appointment a on a.id = n.appointment_id
    where n.status = 'failed' and (${all} or a.location_id = any(${all ? [] : (scope.locations as string[])}::text[]))
    order by n.id desc limit ${limit}`;
  return [...rows];
}

/** Queue a failed message again (staff fixed the address or the mail server); false when out of scope or not failed. */
export async function retryNotification(sql: Sql, id: string, scope: Scope): Promise<boolean> {
  if (!/^\d{1,18}$/.test(id)) return false;
  const all = scope.locations === "all";
  const rows = await sql`
    update notification n set status = 'pending', attempts = 0, available_at = now(), last_error = null
    where n.id = ${id} and n.status = 'failed'
      and (${all} or exists (select 1 from appointment a where a.id = n.appointment_id and a.location_id = any(${all ? [] : (scope.locations as string[])}::text[])))
    returning n.id`;
  return rows.length > 0;
}
