/**
 * Next free slots for a request across locations: earliest first, ties spread over locations,
 * honouring the release window, capacity pools and the citizen's wishes and exclusions.
 */
import type { CityConfig, LocationConfig } from "../config/schema.ts";
import type { ISODate, NoSlotExplanation, Pool, SearchResult, Slot, SlotQuery } from "../bookings/types.ts";
import type { Busy } from "./occupancy.ts";
import { CoreError } from "../errors.ts";
import { allowedCounters, counterPools, openingWindows, type Window } from "../calendar/opening.ts";
import { addDays, isoWeekday } from "../calendar/time.ts";
import { dayClock } from "../calendar/day-clock.ts";
import { bookableWindow, nextRelease } from "./release.ts";
import { checkServices, offersAll } from "./request.ts";
import { freeRuns, overbookedCount, startsFrom, type FreeRuns } from "./free-starts.ts";
import type { OverbookingPolicy } from "./overbooking.ts";
import type { OccupancyCache } from "./occupancy.ts";

/** At most this many days are loaded per round trip while scanning forward. */
const BATCH_DAYS = 8;
/** Two proposals at one location must be at least this far apart (else three proposals would be 08:00, 08:05, 08:10). */
const SPREAD_MINUTES = 30;

/** One location's part of a day for one capacity pool, with its memoised free-cell runs. */
interface PlanEntry {
  location: LocationConfig;
  windows: Window[];
  counters: number[];
  memo: { version: number; counterCount: number; runs: FreeRuns } | null;
}

export class SlotSearch {
  /** date → "pool|emergency" → open locations in configuration order (the configuration never changes). */
  private readonly plans = new Map<ISODate, Map<string, PlanEntry[]>>();

  constructor(
    private readonly config: CityConfig,
    private readonly cache: OccupancyCache,
    private readonly now: () => Date,
    private readonly overbooking: OverbookingPolicy | null = null,
  ) {}

  private plan(date: ISODate, pool: Pool, includeEmergency: boolean): PlanEntry[] {
    let byPool = this.plans.get(date);
    if (!byPool) {
      if (this.plans.size > 1000) this.plans.clear();
      this.plans.set(date, (byPool = new Map()));
    }
    const poolKey = `${pool}|${includeEmergency}`;
    let entries = byPool.get(poolKey);
    if (!entries) {
      entries = this.config.locations
        .map((location) => ({
          location,
          windows: openingWindows(this.config, location, date),
          counters: allowedCounters(counterPools(this.config, location), pool, includeEmergency),
          memo: null,
        }))
        .filter((e) => e.windows.length > 0 && e.counters.length > 0);
      byPool.set(poolKey, entries);
    }
    return entries;
  }

  /** Free-cell run lengths of a location-day, rebuilt only when its busy list changed or a hold ran out. */
  private runs(entry: PlanEntry, date: ISODate, busy: Busy[], counters: number[], now: number): FreeRuns {
    const version = this.cache.version(date, entry.location.id);
    const memo = entry.memo;
    if (memo && memo.version === version && memo.counterCount === counters.length && now < memo.runs.validUntil) return memo.runs;
    const runs = freeRuns(entry.windows, busy, counters, dayClock(date, this.config.city.timezone), now, entry.location.counters + 1);
    entry.memo = { version, counterCount: counters.length, runs };
    return runs;
  }

  /** Overbooking counters per location, for the locations whose no-show rate allows them now. */
  async virtualCounters(locations: LocationConfig[]): Promise<Map<string, number[]>> {
    if (!this.overbooking?.enabled) return new Map();
    return new Map(await Promise.all(locations.map(async (l) => [l.id, await this.overbooking!.virtualCounters(l)] as const)));
  }

  /** Adds the overbooking counters while the location-day is below its daily cap. */
  withVirtual(counters: number[], virtual: number[] | undefined, busy: Busy[], location: LocationConfig, now: number): number[] {
    if (!virtual?.length) return counters;
    if (overbookedCount(busy, location.counters + 1, now) >= this.config.bookingRules.overbooking.hardCapPerDay) return counters;
    return [...counters, ...virtual];
  }

  async search(query: SlotQuery): Promise<SearchResult> {
    const check = checkServices(this.config, query.services);
    if (!check.ok) throw new CoreError(check.code, `invalid slot query: ${check.code}`, check.details);
    for (const id of [...(query.locations ?? []), ...(query.excludedLocations ?? [])]) {
      if (!this.config.locations.some((l) => l.id === id)) throw new CoreError("UNKNOWN_LOCATION", `unknown location ${id}`, { locationId: id });
    }
    const slots = await this.scan(query, check.durationMinutes, query.limit ?? 3, true);
    return { slots, explanation: slots.length ? null : await this.explain(query, check.durationMinutes) };
  }

  /** Candidate locations in configuration order. */
  locationsFor(query: SlotQuery): LocationConfig[] {
    const wanted = query.locations?.length ? new Set(query.locations) : null;
    const excluded = new Set(query.excludedLocations ?? []);
    return this.config.locations.filter((l) => offersAll(l, query.services) && !excluded.has(l.id) && (!wanted || wanted.has(l.id)));
  }

  async scan(query: SlotQuery, durationMinutes: number, limit: number, spread: boolean): Promise<Slot[]> {
    const now = this.now();
    const pool = query.pool ?? "online";
    const window = bookableWindow(this.config, now, pool);
    const locations = this.locationsFor(query);
    const dates = this.candidateDates(query, window.firstDate, window.lastDate);
    if (!locations.length || !dates.length) return [];
    const excluded = new Set((query.excludeSlots ?? []).map((s) => `${s.locationId}|${Date.parse(s.start)}`));
    const virtual = await this.virtualCounters(locations);
    const locationIds = locations.map((l) => l.id);
    const wanted = new Set(locationIds);
    const found: Slot[] = [];
    // Load 1, 2, 4 … days per round trip: most searches are answered by the first day.
    for (let i = 0, size = 1; i < dates.length && found.length < limit; i += size, size = Math.min(size * 2, BATCH_DAYS)) {
      const batch = dates.slice(i, i + size);
      await this.cache.ensure(batch, locationIds);
      for (const date of batch) {
        // With spreading, a location may need SPREAD/GRID starts per proposal it can contribute.
        const perLocation = spread ? limit * (SPREAD_MINUTES / 5) : limit;
        const day = this.dayCandidates(query, date, wanted, durationMinutes, window.notBefore, now.getTime(), excluded, perLocation, virtual);
        for (const c of pick(day, found, limit, spread)) found.push(this.toSlot(c, date, durationMinutes));
        if (found.length >= limit) break;
      }
    }
    return found;
  }

  private dayCandidates(
    query: SlotQuery,
    date: ISODate,
    wanted: Set<string>,
    durationMinutes: number,
    notBefore: number,
    now: number,
    excluded: Set<string>,
    limit: number,
    virtual: Map<string, number[]>,
  ): Candidate[] {
    const clock = dayClock(date, this.config.city.timezone);
    const filtered = query.timeRanges?.length || query.excludedTimeRanges?.length || excluded.size;
    const out: Candidate[] = [];
    for (const entry of this.plan(date, query.pool ?? "online", query.includeEmergency ?? false)) {
      const id = entry.location.id;
      if (!wanted.has(id)) continue;
      const busy = this.cache.busy(date, id);
      const counters = virtual.size ? this.withVirtual(entry.counters, virtual.get(id), busy, entry.location, now) : entry.counters;
      const runs = this.runs(entry, date, busy, counters, now);
      const accept = filtered ? (m: number) => timeAllowed(query, m) && !excluded.has(`${id}|${clock.instantOf(m)}`) : null;
      // A location contributes at most `limit` starts: enough to rank the earliest across all locations.
      for (const m of startsFrom(runs, entry.windows, durationMinutes, clock, notBefore, accept, limit)) {
        out.push({ locationId: id, startMinutes: m, start: clock.instantOf(m) });
      }
    }
    // Earliest first; equal starts alternate between locations in configuration order.
    return out.sort((a, b) => a.startMinutes - b.startMinutes);
  }

  private toSlot(c: Candidate, date: ISODate, durationMinutes: number): Slot {
    const clock = dayClock(date, this.config.city.timezone);
    return {
      locationId: c.locationId,
      start: clock.isoAt(c.startMinutes),
      end: clock.isoAt(c.startMinutes + durationMinutes),
      date,
      startMinutes: c.startMinutes,
      durationMinutes,
    };
  }

  candidateDates(query: SlotQuery, first: ISODate, last: ISODate): ISODate[] {
    const out: ISODate[] = [];
    for (let d = first; d <= last; d = addDays(d, 1)) if (dateAllowed(query, d)) out.push(d);
    return out;
  }

  private async explain(query: SlotQuery, durationMinutes: number): Promise<NoSlotExplanation> {
    const offeredAt = this.config.locations.filter((l) => offersAll(l, query.services)).map((l) => l.id);
    const release = nextRelease(this.config, this.now());
    if (!offeredAt.length) return { reason: "NOT_OFFERED", offeredAt, nextRelease: release, alternatives: [] };
    const window = bookableWindow(this.config, this.now(), query.pool ?? "online");
    const wishedBeyond = (query.dateRanges ?? []).length > 0 && query.dateRanges!.every((r) => r.from > window.lastDate);
    const alternatives = await this.scan(
      { services: query.services, pool: query.pool, includeEmergency: query.includeEmergency, excludedLocations: query.excludedLocations },
      durationMinutes,
      3,
      true,
    );
    return { reason: wishedBeyond ? "NOT_RELEASED" : "NO_MATCH", offeredAt, nextRelease: release, alternatives };
  }
}

interface Candidate {
  locationId: string;
  startMinutes: number;
  start: number; // epoch ms
}

/** The day's candidates to add to `found`: earliest first, none too close to another at the same location. */
function pick(day: Candidate[], found: Slot[], limit: number, spread: boolean): Candidate[] {
  const taken: Candidate[] = [];
  for (const c of day) {
    if (found.length + taken.length >= limit) break;
    const near = (f: { locationId: string; start: number }) =>
      f.locationId === c.locationId && (spread ? Math.abs(f.start - c.start) < SPREAD_MINUTES * 60_000 : f.start === c.start);
    if (!taken.some(near) && !found.some((f) => near({ locationId: f.locationId, start: Date.parse(f.start) }))) taken.push(c);
  }
  return taken;
}

export function dateAllowed(query: SlotQuery, date: ISODate): boolean {
  if (query.dateRanges?.length && !query.dateRanges.some((r) => date >= r.from && (r.to === null || date <= r.to))) return false;
  const wd = isoWeekday(date);
  if (query.weekdays?.length && !query.weekdays.includes(wd)) return false;
  if (query.excludedWeekdays?.includes(wd)) return false;
  return !query.excludedDates?.includes(date);
}

export function timeAllowed(query: SlotQuery, m: number): boolean {
  const inRange = (r: { from: number; to: number }) => (r.from === r.to ? m === r.from : m >= r.from && m < r.to);
  if (query.timeRanges?.length && !query.timeRanges.some(inRange)) return false;
  return !query.excludedTimeRanges?.some(inRange);
}
