/**
 * A per-process view of which counters are busy when, per local date. It only proposes:
 * the database's exclusion constraint decides. Entries expire after `ttlMs` so bookings made by
 * other processes show up; a lost race refreshes the day at once. Claims made by this process are
 * added before their INSERT runs, so parallel requests here pick different counters and starts.
 */
import type { Sql } from "postgres";
import type { ISODate } from "../bookings/types.ts";

export interface Busy {
  counter: number;
  start: number; // epoch ms
  end: number;
  /** Holds stop blocking when they run out. */
  expiresAt: number | null;
  /** In-process claim not yet committed. */
  claimId?: number;
}

interface DayEntry {
  loadedAt: number;
  byLocation: Map<string, Busy[]>;
}

export class OccupancyCache {
  private days = new Map<ISODate, DayEntry>();
  private loading = new Map<ISODate, Promise<DayEntry>>();
  private claims = new Map<number, { date: ISODate; locationId: string; busy: Busy }>();
  private nextClaim = 1;
  private versions = new Map<string, number>();
  private versionSeq = 0;

  /** Changes whenever the busy list of a location on a date changes (lets the search memoise per list). */
  version(date: ISODate, locationId: string): number {
    return this.versions.get(`${date}|${locationId}`) ?? 0;
  }

  private touch(date: ISODate, locationId?: string): void {
    if (locationId) this.versions.set(`${date}|${locationId}`, ++this.versionSeq);
    else for (const key of this.versions.keys()) if (key.startsWith(date)) this.versions.set(key, ++this.versionSeq);
    if (this.versions.size > 50_000) this.versions.clear();
  }

  constructor(
    private readonly sql: Sql,
    private readonly clock: () => number,
    private readonly ttlMs = 2000,
  ) {}

  /** Busy intervals of every location on these dates (loads what is missing or stale, one query per batch). */
  async load(dates: ISODate[], tx?: Sql): Promise<Map<ISODate, Map<string, Busy[]>>> {
    if (tx) {
      // Inside a transaction read through it, and never wait for a load on another connection:
      // on the embedded single-session database that load waits for this transaction to end.
      const loaded = await this.query(dates, tx);
      for (const [date, entry] of loaded) this.store(date, entry);
      return new Map(dates.map((d) => [d, this.days.get(d)!.byLocation]));
    }
    const now = this.clock();
    const stale = dates.filter((d) => {
      const e = this.days.get(d);
      return !e || now - e.loadedAt > this.ttlMs;
    });
    if (stale.length) await this.fetch(stale.filter((d) => !this.loading.has(d)), tx ?? this.sql);
    await Promise.all(dates.map((d) => this.loading.get(d)));
    return new Map(dates.map((d) => [d, this.days.get(d)!.byLocation]));
  }

  /** The current view of a date without waiting, when it is loaded and fresh (lets a caller claim without yielding). */
  peek(date: ISODate): Map<string, Busy[]> | null {
    const e = this.days.get(date);
    return e && this.clock() - e.loadedAt <= this.ttlMs ? e.byLocation : null;
  }

  invalidate(date: ISODate): void {
    this.days.delete(date);
    this.touch(date);
  }

  /** Mark an interval busy now; returns an id to confirm or roll back once the database answered. */
  claim(date: ISODate, locationId: string, busy: Busy): number {
    const id = this.nextClaim++;
    const entry = { ...busy, claimId: id };
    this.listFor(date, locationId)?.push(entry);
    this.claims.set(id, { date, locationId, busy: entry });
    this.touch(date, locationId);
    return id;
  }

  /** The claim became a row: keep it (with its hold expiry) until the next reload. */
  settle(claimId: number, expiresAt: number | null): void {
    const c = this.claims.get(claimId);
    if (!c) return;
    c.busy.expiresAt = expiresAt;
    delete c.busy.claimId;
    this.claims.delete(claimId);
    this.touch(c.date, c.locationId);
  }

  release(claimId: number): void {
    const c = this.claims.get(claimId);
    if (!c) return;
    this.claims.delete(claimId);
    const list = this.listFor(c.date, c.locationId);
    if (list && list.includes(c.busy)) list.splice(list.indexOf(c.busy), 1);
    this.touch(c.date, c.locationId);
  }

  /** An appointment stopped occupying its counter (cancelled, expired, moved). */
  free(date: ISODate, locationId: string, counter: number, start: number): void {
    const list = this.days.get(date)?.byLocation.get(locationId);
    const i = list?.findIndex((b) => b.counter === counter && b.start === start) ?? -1;
    if (i >= 0) list!.splice(i, 1);
    this.touch(date, locationId);
  }

  private listFor(date: ISODate, locationId: string): Busy[] | undefined {
    const entry = this.days.get(date);
    if (!entry) return undefined;
    let list = entry.byLocation.get(locationId);
    if (!list) entry.byLocation.set(locationId, (list = []));
    return list;
  }

  private async fetch(dates: ISODate[], sql: Sql): Promise<void> {
    if (!dates.length) return;
    const job = this.query(dates, sql);
    const perDate = dates.map((d) => job.then((m) => m.get(d)!));
    dates.forEach((d, i) => this.loading.set(d, perDate[i]!));
    try {
      for (const [date, entry] of await job) this.store(date, entry);
    } finally {
      dates.forEach((d) => this.loading.delete(d));
    }
  }

  private store(date: ISODate, entry: DayEntry): void {
    // Keep this process's uncommitted claims: their rows may not be visible yet.
    for (const c of this.claims.values()) if (c.date === date) pushTo(entry.byLocation, c.locationId, c.busy);
    this.days.set(date, entry);
    this.touch(date);
    for (const locationId of entry.byLocation.keys()) this.touch(date, locationId);
  }

  private async query(dates: ISODate[], sql: Sql): Promise<Map<ISODate, DayEntry>> {
    const loadedAt = this.clock();
    const rows = await sql<{ d: string; l: string; c: number; s: Date; e: Date; x: Date | null }[]>`
      select local_date::text as d, location_id as l, counter as c, lower(during) as s, upper(during) as e,
             case when status = 'held' then hold_expires_at end as x
      from appointment where active and local_date = any(${dates}::date[])`;
    const out = new Map<ISODate, DayEntry>(dates.map((d) => [d, { loadedAt, byLocation: new Map() }]));
    for (const r of rows) {
      pushTo(out.get(r.d)!.byLocation, r.l, { counter: r.c, start: r.s.getTime(), end: r.e.getTime(), expiresAt: r.x ? r.x.getTime() : null });
    }
    return out;
  }
}

function pushTo(map: Map<string, Busy[]>, key: string, busy: Busy): void {
  const list = map.get(key);
  if (list) list.push(busy);
  else map.set(key, [busy]);
}
