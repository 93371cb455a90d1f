/**
 * Free start times of one location on one date: a start is free when some allowed counter has
 * the whole duration free inside one opening window. Works on 5-minute cells of the local day:
 * `freeRuns` turns the busy intervals into run lengths once (the search memoises them per
 * location-day), `startsFrom` reads starts for any duration from them.
 */
import type { Busy } from "./occupancy.ts";
import type { Window } from "../calendar/opening.ts";
import type { DayClock } from "../calendar/day-clock.ts";

export const GRID_MINUTES = 5;
const CELLS = (24 * 60) / GRID_MINUTES;

export interface FreeRuns {
  /** Per allowed counter: runs[i] = consecutive free cells from cell i (capped at 255). */
  runs: Uint8Array[];
  /** The runs stay right until this instant (the earliest future expiry of a hold or cancellation). */
  validUntil: number;
}

/**
 * @param firstVirtual counters from this number on are overbooking counters: one appointment per
 *   local hour each, so a booking there blocks the rest of its starting hour too.
 */
export function freeRuns(windows: Window[], busy: Busy[], counters: number[], clock: DayClock, now: number, firstVirtual = Infinity): FreeRuns {
  const free = counters.map(() => new Uint8Array(CELLS));
  for (const w of windows) for (const f of free) f.fill(1, w.from / GRID_MINUTES, w.to / GRID_MINUTES);
  let validUntil = Infinity;
  for (const b of busy) {
    const k = counters.indexOf(b.counter);
    if (k < 0) continue;
    if (b.expiresAt !== null) {
      if (b.expiresAt <= now) continue;
      validUntil = Math.min(validUntil, b.expiresAt);
    }
    const from = Math.max(0, Math.floor(clock.minuteOf(b.start) / GRID_MINUTES));
    const to = Math.min(CELLS, Math.ceil(clock.minuteOf(b.end) / GRID_MINUTES));
    if (to > from) free[k]!.fill(0, from, to);
    if (b.counter >= firstVirtual) {
      const hour = Math.floor(from / 12) * 12;
      free[k]!.fill(0, hour, hour + 12);
    }
  }
  return { runs: free.map(runLengths), validUntil };
}

/** Starts (minutes since local midnight) in window order, at most `limit`. */
export function startsFrom(
  free: FreeRuns,
  windows: Window[],
  durationMinutes: number,
  clock: DayClock,
  notBefore: number,
  accept: ((minutes: number) => boolean) | null = null,
  limit = Infinity,
): number[] {
  const need = durationMinutes / GRID_MINUTES;
  const starts: number[] = [];
  for (const w of windows) {
    for (let m = w.from; m + durationMinutes <= w.to && starts.length < limit; m += GRID_MINUTES) {
      if (clock.instantOf(m) < notBefore || (accept && !accept(m))) continue;
      const cell = m / GRID_MINUTES;
      for (const r of free.runs) {
        if (r[cell]! >= need) {
          starts.push(m);
          break;
        }
      }
    }
  }
  return starts;
}

/**
 * @example freeStarts(windows, busy, [1, 2], 15, clock, earliest, now) → [480, 485, …]
 */
export function freeStarts(
  windows: Window[],
  busy: Busy[],
  counters: number[],
  durationMinutes: number,
  clock: DayClock,
  notBefore: number,
  now: number,
): number[] {
  return startsFrom(freeRuns(windows, busy, counters, clock, now), windows, durationMinutes, clock, notBefore);
}

/**
 * The first allowed counter (in preference order) that is free for [start, end). For overbooking
 * counters (≥ firstVirtual) the whole local hour of `start` must be free of other appointments there.
 */
export function freeCounter(
  busy: Busy[],
  counters: number[],
  start: number,
  end: number,
  now: number,
  firstVirtual = Infinity,
  hour: { start: number; end: number } | null = null,
): number | null {
  for (const c of counters) {
    const virtual = c >= firstVirtual && hour !== null;
    let clash = false;
    for (const b of busy) {
      if (b.counter !== c || (b.expiresAt !== null && b.expiresAt <= now)) continue;
      if ((b.start < end && start < b.end) || (virtual && b.start >= hour.start && b.start < hour.end)) {
        clash = true;
        break;
      }
    }
    if (!clash) return c;
  }
  return null;
}

/** Overbooked appointments of a location-day that still count against the daily cap. */
export function overbookedCount(busy: Busy[], firstVirtual: number, now: number): number {
  let n = 0;
  for (const b of busy) if (b.counter >= firstVirtual && (b.expiresAt === null || b.expiresAt > now)) n++;
  return n;
}

function runLengths(cells: Uint8Array): Uint8Array {
  const runs = new Uint8Array(CELLS + 1);
  for (let i = CELLS - 1; i >= 0; i--) runs[i] = cells[i] ? Math.min(255, runs[i + 1]! + 1) : 0;
  return runs;
}
