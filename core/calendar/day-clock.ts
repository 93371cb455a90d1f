/**
 * Fast wall-clock ⇄ instant mapping for one local date. Two zone look-ups per date instead of one
 * per slot; on the two DST Sundays the switch minute is found by bisection, so every slot after
 * 03:00 on 2026-03-29 or 2026-10-25 still maps to the right instant.
 */
import type { ISODate, Minutes } from "../bookings/types.ts";
import { zonedInstant } from "./time.ts";

export interface DayClock {
  instantOf(minutes: Minutes): number;
  minuteOf(instant: number): Minutes;
  /** "2026-11-30T08:15:00.000+01:00" for a wall-clock minute of this date, without a zone look-up. */
  isoAt(minutes: Minutes): string;
}

const cache = new Map<string, DayClock>();

export function dayClock(date: ISODate, zone: string): DayClock {
  const key = `${zone}|${date}`;
  let clock = cache.get(key);
  if (!clock) {
    if (cache.size > 2000) cache.clear();
    cache.set(key, (clock = build(date, zone)));
  }
  return clock;
}

function withIso(date: ISODate, clock: Omit<DayClock, "isoAt">): DayClock {
  const midnightUtc = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
  const two = (n: number) => String(n).padStart(2, "0");
  return {
    ...clock,
    isoAt(m) {
      const offset = Math.round((midnightUtc + m * 60_000 - clock.instantOf(m)) / 60_000);
      const sign = offset < 0 ? "-" : "+";
      const abs = Math.abs(offset);
      return `${date}T${two(Math.floor(m / 60))}:${two(m % 60)}:00.000${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
    },
  };
}

function build(date: ISODate, zone: string): DayClock {
  return withIso(date, buildClock(date, zone));
}

function buildClock(date: ISODate, zone: string): Omit<DayClock, "isoAt"> {
  const offsetAt = (m: Minutes) => zonedInstant(date, m, zone).getTime() - m * 60_000;
  const first = offsetAt(0);
  const last = offsetAt(23 * 60 + 55);
  if (first === last) {
    return { instantOf: (m) => first + m * 60_000, minuteOf: (t) => (t - first) / 60_000 };
  }
  let lo = 0;
  let hi = 23 * 60 + 55;
  while (hi - lo > 5) {
    const mid = Math.floor((lo + hi) / 10) * 5;
    if (offsetAt(mid) === first) lo = mid;
    else hi = mid;
  }
  const switchMinute = hi;
  const switchInstant = last + switchMinute * 60_000;
  return {
    instantOf: (m) => (m < switchMinute ? first : last) + m * 60_000,
    minuteOf: (t) => (t < switchInstant ? (t - first) / 60_000 : (t - last) / 60_000),
  };
}
