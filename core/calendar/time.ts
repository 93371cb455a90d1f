/**
 * Local dates and minutes in the city's time zone. Slots are defined on the wall clock
 * (08:00–16:00), so every conversion to an instant goes through the zone rules here;
 * that keeps the DST Sundays (2026-03-29, 2026-10-25) right.
 */
import { DateTime } from "luxon";
import type { ISODate, Minutes } from "../bookings/types.ts";

/**
 * UTC offset (minutes) of a zone at an instant, remembered per quarter hour: zone rules change
 * offsets only on such boundaries, and the booking path asks thousands of times a second.
 */
const offsets = new Map<string, number>();
function offsetMinutes(instantMs: number, zone: string): number {
  const bucket = Math.floor(instantMs / 900_000);
  const key = `${zone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, (offset = DateTime.fromMillis(bucket * 900_000, { zone }).offset));
  }
  return offset;
}

export function localDate(instant: Date, zone: string): ISODate {
  const ms = instant.getTime();
  return new Date(ms + offsetMinutes(ms, zone) * 60_000).toISOString().slice(0, 10);
}

export function localMinutes(instant: Date, zone: string): Minutes {
  const ms = instant.getTime();
  const local = Math.floor((ms + offsetMinutes(ms, zone) * 60_000) / 60_000);
  return ((local % 1440) + 1440) % 1440;
}

/** The instant of a local wall-clock time. */
export function zonedInstant(date: ISODate, minutes: Minutes, zone: string): Date {
  return DateTime.fromISO(date, { zone })
    .set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 })
    .toJSDate();
}

/** ISO string with the local offset, e.g. 2026-11-30T08:15:00.000+01:00 (what channels show and send back). */
export function toLocalIso(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO()!;
}

export function parseInstant(iso: string): Date | null {
  const t = DateTime.fromISO(iso, { setZone: true });
  return t.isValid ? t.toJSDate() : null;
}

// Calendar arithmetic on plain dates needs no zone: UTC midnight stands for the date (hot path of the search).
const DAY_MS = 86_400_000;
const utcMs = (date: ISODate) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));

export function addDays(date: ISODate, days: number): ISODate {
  return new Date(utcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: ISODate): number {
  return ((new Date(utcMs(date)).getUTCDay() + 6) % 7) + 1;
}

export function daysBetween(from: ISODate, to: ISODate): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

export function parseHhmm(hhmm: string): Minutes {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}
