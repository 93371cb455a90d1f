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

export class SlotSearch {
  private readonly windowMemo = new Map<string, Window[]>();
  private readonly counterMemo = new Map<string, number[]>();
  private readonly runsMemo = new Map<string, { version: number; runs: FreeRuns }>();

  constructor(
    private readonly config: CityConfig,
    private readonly cache: OccupancyCache,
    private readonly now: () => Date,
    private readonly overbooking: OverbookingPolicy | null = null,
  ) {}

  /** Opening windows of a location on a date (the configuration never changes while running). */
  windows(location: LocationConfig, date: ISODate): Window[] {
    const key = `${location.id}|${date}`;
    let w = this.windowMemo.get(key);
    if (!w) {
      if (this.windowMemo.size > 20_000) this.windowMemo.clear();
      this.windowMemo.set(key, (w = openingWindows(this.config, location, date)));
    }
    return w;
  }

  /** Free-cell run lengths of a location-day, rebuilt only when its busy list changed or a hold ran out. */
  private runs(date: ISODate, location: LocationConfig, query: SlotQuery, windows: Window[], busy: Busy[], counters: number[], now: number): FreeRuns {
    const key = `${date}|${location.id}|${query.pool ?? "online"}|${query.includeEmergency ?? false}|${counters.length}`;
    const version = this.cache.version(date, location.id);
    const memo = this.runsMemo.get(key);
    if (memo && memo.version === version && now < memo.runs.validUntil) return memo.runs;
    if (this.runsMemo.size > 20_000) this.runsMemo.clear();
    const runs = freeRuns(windows, busy, counters, dayClock(date, this.config.city.timezone), now, location.counters + 1);
    this.runsMemo.set(key, { version, runs });
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

  counters(location: LocationConfig, pool: Pool, includeEmergency: boolean): number[] {
    const key = `${location.id}|${pool}|${includeEmergency}`;
    let c = this.counterMemo.get(key);
    if (!c) this.counterMemo.set(key, (c = allowedCounters(counterPools(this.config, location), pool, includeEmergency)));
    return c;
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
    const found: Slot[] = [];
    // Load 1, 2, 4 … days per round trip: most searches are answered by the first day.
    for (let i = 0, size = 1; i < dates.length && found.length < limit; i += size, size = Math.min(size * 2, BATCH_DAYS)) {
      const batch = dates.slice(i, i + size);
      const busy = await this.cache.load(batch, locationIds);
      for (const date of batch) {
        // With spreading, a location may need SPREAD/GRID starts per proposal it can contribute.
        const perLocation = spread ? limit * (SPREAD_MINUTES / 5) : limit;
        const day = this.dayCandidates(query, date, locations, busy.get(date)!, durationMinutes, window.notBefore, now.getTime(), excluded, perLocation, virtual);
        for (const c of pick(day, found, limit, spread)) found.push(this.toSlot(c, date, durationMinutes));
        if (found.length >= limit) break;
      }
    }
    return found;
  }

  private dayCandidates(
    query: SlotQuery,
    date: ISODate,
    locations: LocationConfig[],
    busy: Map<string, Busy[]>,
    durationMinutes: number,
    notBefore: number,
    now: number,
    excluded: Set<string>,
    limit: number,
    virtual: Map<string, number[]>,
  ): Candidate[] {
    const clock = dayClock(date, this.config.city.timezone);
    const out: Candidate[] = [];
    for (const location of locations) {
      const windows = this.windows(location, date);
      if (!windows.length) continue;
      const here = busy.get(location.id) ?? [];
      const counters = this.withVirtual(this.counters(location, query.pool ?? "online", query.includeEmergency ?? false), virtual.get(location.id), here, location, now);
      if (!counters.length) continue;
      const runs = this.runs(date, location, query, windows, here, counters, now);
      const filtered = query.timeRanges?.length || query.excludedTimeRanges?.length || excluded.size;
      const accept = filtered ? (m: number) => timeAllowed(query, m) && !excluded.has(`${location.id}|${clock.instantOf(m)}`) : null;
      // A location contributes at most `limit` starts: enough to rank the earliest across all locations.
      for (const m of startsFrom(runs, windows, durationMinutes, clock, notBefore, accept, limit)) {
        out.push({ locationId: location.id, startMinutes: m, start: clock.instantOf(m) });
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
