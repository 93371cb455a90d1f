/**
 * Free start times of one location on one date: a start is free when some allowed counter has
 * the whole duration free inside one opening window. Works on 5-minute cells of the local day.
 */
import type { Busy } from "./occupancy.ts";
import type { Window } from "../calendar/opening.ts";
import type { DayClock } from "../calendar/day-clock.ts";

export const GRID_MINUTES = 5;
const CELLS = (24 * 60) / GRID_MINUTES;

/**
 * @example freeStarts(windows, busy, [1, 2], 15, clock, earliest, now) → [480, 485, …] (minutes since local midnight)
 */
export function freeStarts(
  windows: Window[],
  busy: Busy[],
  counters: number[],
  durationMinutes: number,
  clock: DayClock,
  notBefore: number,
  now: number,
  accept: (minutes: number) => boolean = () => true,
  limit = Infinity,
): number[] {
  const need = durationMinutes / GRID_MINUTES;
  const free = counters.map(() => new Uint8Array(CELLS));
  for (const w of windows) for (const f of free) f.fill(1, w.from / GRID_MINUTES, w.to / GRID_MINUTES);
  for (const b of busy) {
    const k = counters.indexOf(b.counter);
    if (k < 0 || (b.expiresAt !== null && b.expiresAt <= now)) continue;
    const from = Math.max(0, Math.floor(clock.minuteOf(b.start) / GRID_MINUTES));
    const to = Math.min(CELLS, Math.ceil(clock.minuteOf(b.end) / GRID_MINUTES));
    if (to > from) free[k]!.fill(0, from, to);
  }
  const runs = free.map(runLengths);
  const starts: number[] = [];
  for (const w of windows) {
    for (let m = w.from; m + durationMinutes <= w.to && starts.length < limit; m += GRID_MINUTES) {
      if (clock.instantOf(m) < notBefore || !accept(m)) continue;
      const cell = m / GRID_MINUTES;
      for (const r of runs) {
        if (r[cell]! >= need) {
          starts.push(m);
          break;
        }
      }
    }
  }
  return starts;
}

/** The first allowed counter (in preference order) that is free for [start, end). */
export function freeCounter(busy: Busy[], counters: number[], start: number, end: number, now: number): number | null {
  for (const c of counters) {
    const clash = busy.some((b) => b.counter === c && b.start < end && start < b.end && (b.expiresAt === null || b.expiresAt > now));
    if (!clash) return c;
  }
  return null;
}

/** runs[i] = number of consecutive free cells starting at i (capped at 255). */
function runLengths(cells: Uint8Array): Uint8Array {
  const runs = new Uint8Array(CELLS + 1);
  for (let i = CELLS - 1; i >= 0; i--) runs[i] = cells[i] ? Math.min(255, runs[i + 1]! + 1) : 0;
  return runs;
}
