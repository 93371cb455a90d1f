/**
 * Optional overbooking: where a location's measured no-show rate is above the configured threshold,
 * `extraPerHour` virtual counters (numbered after the real ones) take one extra appointment per hour
 * each, up to `hardCapPerDay` per location and day. The database enforces the per-hour rule with a
 * unique index; the daily cap is checked under a per-location-day lock when inserting.
 */
import type { Sql } from "postgres";
import type { CityConfig, LocationConfig } from "../config/schema.ts";

/** Rates from fewer past appointments than this are noise, not a reason to overbook. */
const MIN_SAMPLE = 20;
const REFRESH_MS = 10 * 60_000;
const WINDOW_DAYS = 90;

export class OverbookingPolicy {
  private rates = new Map<string, number>();
  private loadedAt = -Infinity;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly config: CityConfig,
    private readonly sql: Sql,
    private readonly clock: () => number,
  ) {}

  get enabled(): boolean {
    const o = this.config.bookingRules.overbooking;
    return o.enabled && o.extraPerHour > 0 && o.hardCapPerDay > 0;
  }

  /** Virtual counter numbers a location may use now ([] when overbooking is off there). */
  async virtualCounters(location: LocationConfig): Promise<number[]> {
    if (!this.enabled) return [];
    await this.refresh();
    if ((this.rates.get(location.id) ?? 0) <= this.config.bookingRules.overbooking.noShowThreshold) return [];
    return Array.from({ length: this.config.bookingRules.overbooking.extraPerHour }, (_, i) => location.counters + i + 1);
  }

  isVirtual(location: LocationConfig, counter: number): boolean {
    return counter > location.counters;
  }

  private async refresh(): Promise<void> {
    if (this.clock() - this.loadedAt < REFRESH_MS) return;
    this.loading ??= this.load().finally(() => (this.loading = null));
    await this.loading;
  }

  private async load(): Promise<void> {
    const now = new Date(this.clock());
    const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
    const rows = await this.sql<{ location_id: string; noshows: number; total: number }[]>`
      select location_id, count(*) filter (where status = 'no_show')::int as noshows,
             count(*) filter (where status in ('attended', 'no_show'))::int as total
      from appointment where lower(during) >= ${since} and lower(during) < ${now} group by location_id`;
    this.rates = new Map(rows.filter((r) => r.total >= MIN_SAMPLE).map((r) => [r.location_id, r.noshows / r.total]));
    this.loadedAt = this.clock();
  }

  /** For tests and the staff console: forget the cached rates. */
  reset(): void {
    this.loadedAt = -Infinity;
  }
}
