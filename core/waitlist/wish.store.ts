/**
 * SQL for wishes. Personal data sits only on open wishes: `closeWish` clears it in the same
 * statement that closes the wish, and drops the one-wish-per-service keys.
 */
import type { Sql } from "postgres";
import type { Channel, ISODate, ServiceRequest, TimeRange } from "../bookings/types.ts";
import type { Wish, WishStatus } from "./types.ts";

export interface WishRow {
  id: string;
  seq: string;
  status: WishStatus;
  services: ServiceRequest[];
  service_ids: string[];
  duration_minutes: number;
  locations: string[];
  weekdays: number[];
  time_windows: string | null;
  latest_date: string;
  channel: Channel;
  name: string | null;
  email: string | null;
  conversation_key: string | null;
  person_hash: string | null;
  created_at: Date;
}

// `seq` is read as text (bigint exceeds JS numbers); ORDER BY must name `waitlist_wish.seq`, or it sorts the text alias.
const COLUMNS = `id, seq::text as seq, status, services, service_ids, duration_minutes, locations, weekdays, time_windows::text as time_windows,
  latest_date::text as latest_date, channel, name, email, conversation_key, person_hash, created_at`;

/** '{[540,720),[780,781)}': start minutes; an exact time becomes a one-minute range. */
export function toMultirange(ranges: TimeRange[] | undefined): string | null {
  if (!ranges?.length) return null;
  return `{${ranges.map((r) => `[${r.from},${r.from === r.to ? r.to + 1 : r.to})`).join(",")}}`;
}

export function fromMultirange(text: string | null): TimeRange[] {
  if (!text) return [];
  return [...text.matchAll(/\[(\d+),(\d+)\)/g)].map((m) => {
    const from = Number(m[1]);
    const to = Number(m[2]);
    return to === from + 1 ? { from, to: from } : { from, to };
  });
}

export function toWish(row: WishRow): Wish {
  return {
    id: row.id,
    status: row.status,
    services: row.services,
    locations: row.locations,
    weekdays: row.weekdays.map(Number),
    timeRanges: fromMultirange(row.time_windows),
    latestDate: row.latest_date,
    channel: row.channel,
    createdAt: row.created_at.toISOString(),
  };
}

export async function findWishByTokenHash(sql: Sql, tokenHash: string, forUpdate = false): Promise<WishRow | null> {
  const rows = await sql.unsafe<WishRow[]>(`select ${COLUMNS} from waitlist_wish where token_hash = $1 ${forUpdate ? "for update" : ""}`, [tokenHash]);
  return rows[0] ?? null;
}

export async function findWishById(sql: Sql, id: string, forUpdate = false): Promise<WishRow | null> {
  const rows = await sql.unsafe<WishRow[]>(`select ${COLUMNS} from waitlist_wish where id = $1 ${forUpdate ? "for update" : ""}`, [id]);
  return rows[0] ?? null;
}

export interface SlotFacts {
  locationId: string;
  locationServices: string[];
  lengthMinutes: number;
  date: ISODate;
  weekday: number;
  minute: number;
}

/**
 * The earliest-registered open wish that fits the slot, locked; wishes another transaction is
 * offering right now are skipped, so parallel matchers never offer one wish two slots.
 */
export async function lockEarliestMatch(sql: Sql, slot: SlotFacts): Promise<WishRow | null> {
  const rows = await sql.unsafe<WishRow[]>(
    `select ${COLUMNS} from waitlist_wish
     where status = 'open'
       and (cardinality(locations) = 0 or $1 = any(locations))
       and service_ids <@ $2::text[]
       and duration_minutes <= $3
       and latest_date >= $4::date
       and (cardinality(weekdays) = 0 or $5::smallint = any(weekdays))
       and (time_windows is null or time_windows @> $6::int)
     order by waitlist_wish.seq
     limit 1
     for update skip locked`,
    [slot.locationId, slot.locationServices, slot.lengthMinutes, slot.date, slot.weekday, slot.minute],
  );
  return rows[0] ?? null;
}

/** Open wishes that could use `date`, oldest first (for the daily release). */
export async function openWishesFor(sql: Sql, date: ISODate, weekday: number, afterSeq: string, limit: number): Promise<WishRow[]> {
  return sql.unsafe<WishRow[]>(
    `select ${COLUMNS} from waitlist_wish
     where status = 'open' and latest_date >= $1::date and (cardinality(weekdays) = 0 or $2::smallint = any(weekdays)) and seq > $3::bigint
     order by waitlist_wish.seq limit $4`,
    [date, weekday, afterSeq, limit],
  );
}

/** Close a wish: status, timestamps, and no personal data any more. */
export async function closeWish(sql: Sql, id: string, status: Exclude<WishStatus, "open" | "offered">, now: Date): Promise<void> {
  await sql`
    update waitlist_wish set status = ${status}, closed_at = ${now}, updated_at = ${now},
      name = null, email = null, conversation_key = null, person_hash = null
    where id = ${id}`;
  await sql`delete from waitlist_wish_key where wish_id = ${id}`;
}
