/**
 * Read-only SQL of the day schedule and the figures' raw counts. Writes never happen here:
 * status changes, cancellations and bookings go through the core.
 */
import type { Sql } from "postgres";
import type { AppointmentStatus, Channel, ServiceRequest } from "../../core/bookings/types.ts";

export interface ScheduleEntry {
  id: string;
  code: string;
  status: AppointmentStatus;
  counter: number;
  start: Date;
  end: Date;
  services: ServiceRequest[];
  channel: Channel;
  name: string | null;
  phone: string | null;
  hasEmail: boolean;
}

const SHOWN: AppointmentStatus[] = ["suggested", "booked", "attended", "no_show", "cancelled"];

export async function daySchedule(sql: Sql, locationId: string, date: string): Promise<ScheduleEntry[]> {
  const rows = await sql<{ id: string; code: string; status: AppointmentStatus; counter: number; starts_at: Date; ends_at: Date; services: ServiceRequest[]; channel: Channel; name: string | null; phone: string | null; has_email: boolean }[]>`
    select a.id, a.code, a.status, a.counter, lower(a.during) as starts_at, upper(a.during) as ends_at, a.services, a.channel,
           c.name, c.phone, (c.email is not null) as has_email
    from appointment a left join contact c on c.id = a.contact_id
    where a.location_id = ${locationId} and a.local_date = ${date}::date and a.status = any(${SHOWN})
    order by a.counter, lower(a.during), a.created_at`;
  return rows.map((r) => ({
    id: r.id, code: r.code, status: r.status, counter: r.counter, start: r.starts_at, end: r.ends_at, services: r.services,
    channel: r.channel, name: r.name, phone: r.phone, hasEmail: r.has_email,
  }));
}
