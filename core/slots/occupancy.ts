/**
 * A per-process view of which counters are busy when, per local date and location. It only
 * proposes: the database's exclusion constraint decides. Entries expire after `ttlMs` of real time
 * so bookings made by other processes show up; a lost race refreshes the day at once. Claims made
 * by this process are added before their INSERT runs, so parallel requests here pick different
 * counters and starts.
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

interface Entry {
  loadedAt: number;
  busy: Busy[];
  /** Bumped on every change of `busy`. */
  version: number;
}

interface Claim {
  date: ISODate;
  locationId: string;
  busy: Busy;
}

const key = (date: ISODate, locationId: string) => `${date}|${locationId}`;

export class OccupancyCache {
  /** date → location → entry (nested maps: the search reads thousands a second, without building keys). */
  private days = new Map<ISODate, Map<string, Entry>>();
  private loading = new Map<string, Promise<void>>();
  private claims = new Map<number, Claim>();
  private nextClaim = 1;
  private versionSeq = 0;

  private entry(date: ISODate, locationId: string): Entry | undefined {
    return this.days.get(date)?.get(locationId);
  }

  /**
   * @param clock monotonic milliseconds for the time to live — real elapsed time, not the business
   *   clock (which tests and benchmarks hold still).
   */
  constructor(
    private readonly sql: Sql,
    private readonly ttlMs = 2000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * Makes sure these locations on these dates are loaded and fresh (one query for what is missing or
   * stale); read them afterwards with `busy()`.
   */
  async ensure(dates: ISODate[], locationIds: string[], tx?: Sql): Promise<void> {
    if (tx) {
      // Inside a transaction read through it, and never wait for a load on another connection:
      // on the embedded single-session database that load waits for this transaction to end.
      this.storeRows(dates, locationIds, await this.query(dates, locationIds, tx));
      return;
    }
    const now = this.clock();
    const stale = (d: ISODate, l: string) => {
      const e = this.entry(d, l);
      return (!e || now - e.loadedAt > this.ttlMs) && !this.loading.has(key(d, l));
    };
    const staleDates = dates.filter((d) => locationIds.some((l) => stale(d, l)));
    if (staleDates.length) await this.fetch(staleDates, locationIds.filter((l) => staleDates.some((d) => stale(d, l))));
    if (this.loading.size) await Promise.all(dates.flatMap((d) => locationIds.map((l) => this.loading.get(key(d, l)))));
  }

  /** Busy intervals as last loaded (after `ensure`); [] when nothing is known. */
  busy(date: ISODate, locationId: string): Busy[] {
    return this.entry(date, locationId)?.busy ?? [];
  }

  /** The current view without waiting, when loaded and fresh (lets a caller claim without yielding). */
  peek(date: ISODate, locationId: string): Busy[] | null {
    const e = this.entry(date, locationId);
    return e && this.clock() - e.loadedAt <= this.ttlMs ? e.busy : null;
  }

  /** Changes whenever the busy list of a location on a date changes (lets the search memoise per list). */
  version(date: ISODate, locationId: string): number {
    return this.entry(date, locationId)?.version ?? 0;
  }

  invalidate(date: ISODate): void {
    this.days.delete(date);
  }

  /** Mark an interval busy now; returns an id to confirm or roll back once the database answered. */
  claim(date: ISODate, locationId: string, busy: Busy): number {
    const id = this.nextClaim++;
    const entry = { ...busy, claimId: id };
    this.entry(date, locationId)?.busy.push(entry);
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
    const list = this.entry(c.date, c.locationId)?.busy;
    const i = list ? list.indexOf(c.busy) : -1;
    if (i >= 0) list!.splice(i, 1);
    this.touch(c.date, c.locationId);
  }

  /** An appointment stopped occupying its counter (cancelled, expired, moved). */
  free(date: ISODate, locationId: string, counter: number, start: number): void {
    const list = this.entry(date, locationId)?.busy;
    const i = list?.findIndex((b) => b.counter === counter && b.start === start) ?? -1;
    if (i >= 0) list!.splice(i, 1);
    this.touch(date, locationId);
  }

  private touch(date: ISODate, locationId: string): void {
    const e = this.entry(date, locationId);
    if (e) e.version = ++this.versionSeq;
  }

  private async fetch(dates: ISODate[], locationIds: string[]): Promise<void> {
    const job = this.query(dates, locationIds, this.sql).then((rows) => this.storeRows(dates, locationIds, rows));
    const keys = dates.flatMap((d) => locationIds.map((l) => key(d, l)));
    for (const k of keys) this.loading.set(k, job);
    try {
      await job;
    } finally {
      for (const k of keys) if (this.loading.get(k) === job) this.loading.delete(k);
    }
  }

  private storeRows(dates: ISODate[], locationIds: string[], rows: Map<string, Busy[]>): void {
    const loadedAt = this.clock();
    for (const d of dates) {
      for (const l of locationIds) {
        const busy = rows.get(key(d, l)) ?? [];
        // Keep this process's uncommitted claims: their rows may not be visible yet.
        for (const c of this.claims.values()) if (c.date === d && c.locationId === l) busy.push(c.busy);
        let day = this.days.get(d);
        if (!day) this.days.set(d, (day = new Map()));
        day.set(l, { loadedAt, busy, version: ++this.versionSeq });
      }
    }
    if (this.days.size > 400) this.days.clear();
  }

  private async query(dates: ISODate[], locationIds: string[], sql: Sql): Promise<Map<string, Busy[]>> {
    // Epoch numbers instead of timestamps: decoding thousands of Date objects is the slow part of a cold load.
    const rows = await sql<{ d: string; l: string; c: number; s: number; e: number; x: number | null }[]>`
      select local_date::text as d, location_id as l, counter as c,
             (extract(epoch from lower(during)) * 1000)::float8 as s, (extract(epoch from upper(during)) * 1000)::float8 as e,
             case when status = 'held' then (extract(epoch from hold_expires_at) * 1000)::float8 end as x
      from appointment where active and local_date = any(${dates}::date[]) and location_id = any(${locationIds}::text[])`;
    const out = new Map<string, Busy[]>();
    for (const r of rows) {
      const k = key(r.d, r.l);
      const busy = { counter: r.c, start: r.s, end: r.e, expiresAt: r.x };
      const list = out.get(k);
      if (list) list.push(busy);
      else out.set(k, [busy]);
    }
    return out;
  }
}
