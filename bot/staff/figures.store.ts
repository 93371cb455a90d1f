/**
 * Read-only counts for the figures page. A rescheduled appointment is counted once (its new
 * appointment), so moving a booking is neither a cancellation nor a second booking.
 */
import type { Sql } from "postgres";
import type { Channel } from "../../core/bookings/types.ts";

export interface DayCounts {
  date: string;
  attended: number;
  noShow: number;
  open: number;
  cancelled: number;
}

const NOT_MOVED = `not exists (select 1 from appointment_event e where e.appointment_id = a.id and e.kind = 'rescheduled')`;

/** One row per day from `from` to `to` (inclusive), zeros where nothing happened. */
export async function dailyCounts(sql: Sql, locationId: string, from: string, to: string): Promise<DayCounts[]> {
  const rows = await sql<{ date: string; attended: number; no_show: number; open: number; cancelled: number }[]>`
    select d::date::text as date,
      count(a.id) filter (where a.status = 'attended')::int as attended,
      count(a.id) filter (where a.status = 'no_show')::int as no_show,
      count(a.id) filter (where a.status in ('booked', 'suggested'))::int as open,
      count(a.id) filter (where a.status = 'cancelled' and ${sql.unsafe(NOT_MOVED)})::int as cancelled
    from generate_series(${from}::date, ${to}::date, interval '1 day') as d
    left join appointment a on a.local_date = d::date and a.location_id = ${locationId}
    group by d order by d`;
  return rows.map((r) => ({ date: r.date, attended: r.attended, noShow: r.no_show, open: r.open, cancelled: r.cancelled }));
}

/** Appointments per booking channel for the days `from`..`to`, cancelled ones included (they were booked). */
export async function channelCounts(sql: Sql, locationId: string, from: string, to: string): Promise<Partial<Record<Channel, number>>> {
  const rows = await sql<{ channel: Channel; n: number }[]>`
    select a.channel, count(*)::int as n from appointment a
    where a.location_id = ${locationId} and a.local_date between ${from}::date and ${to}::date
      and a.status in ('suggested', 'booked', 'attended', 'no_show', 'cancelled') and ${sql.unsafe(NOT_MOVED)}
    group by a.channel`;
  return Object.fromEntries(rows.map((r) => [r.channel, r.n]));
}

export interface WaitlistFigures {
  /** Open wishes that accept this location (wishes without a location choice included). */
  waiting: number;
  /** Offers for slots at this location since `since`, by status (accepted, declined, expired, offered, withdrawn). */
  offers: Record<string, number>;
}

/** Null while the waiting list's tables (migration 040) do not exist. */
export async function waitlistFigures(sql: Sql, locationId: string, since: Date): Promise<WaitlistFigures | null> {
  const [present] = await sql<{ ok: boolean }[]>`select to_regclass('waitlist_wish') is not null and to_regclass('waitlist_offer') is not null as ok`;
  if (!present?.ok) return null;
  const [wishes] = await sql<{ n: number }[]>`
    select count(*)::int as n from waitlist_wish
    where status in ('open', 'offered') and (locations = '{}' or ${locationId} = any(locations))`;
  const offers = await sql<{ status: string; n: number }[]>`
    select status, count(*)::int as n from waitlist_offer where location_id = ${locationId} and created_at >= ${since} group by status`;
  return { waiting: wishes!.n, offers: Object.fromEntries(offers.map((o) => [o.status, o.n])) };
}
