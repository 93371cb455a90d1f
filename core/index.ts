/**
 * The composition of the core: configuration + database + clock + secret → the `Core` every channel uses.
 */
import type { Sql } from "postgres";
import type { CityConfig } from "./config/schema.ts";
import type { Core } from "./core.ts";
import { OccupancyCache } from "./slots/occupancy.ts";
import { SlotSearch } from "./slots/search.ts";
import { OverbookingPolicy } from "./slots/overbooking.ts";
import { nextRelease } from "./slots/release.ts";
import { checkServices } from "./slots/request.ts";
import { Secrets } from "./bookings/secrets.ts";
import { createBookings } from "./bookings/bookings.ts";
import { createApprovals } from "./bookings/approvals.ts";
import { createAttendance } from "./bookings/attendance.ts";

export interface CoreOptions {
  config: CityConfig;
  sql: Sql;
  /** Server secret for link tokens and e-mail pseudonyms (≥ 16 characters). */
  secret: string;
  now?: () => Date;
  /** How long this process trusts its view of busy counters before re-reading (ms). */
  occupancyTtlMs?: number;
}

export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const cache = new OccupancyCache(options.sql, options.occupancyTtlMs);
  const overbooking = new OverbookingPolicy(options.config, options.sql, () => now().getTime());
  const search = new SlotSearch(options.config, cache, now, overbooking);
  const deps = { config: options.config, sql: options.sql, cache, secrets: new Secrets(options.secret), now, search, overbooking };
  return {
    config: options.config,
    sql: options.sql,
    now,
    slots: {
      search: (query) => search.search(query),
      async earliestPerLocation(services, pool = "online") {
        const check = checkServices(options.config, services);
        if (!check.ok) return [];
        const locations = search.locationsFor({ services });
        return Promise.all(
          locations.map(async (l) => ({
            locationId: l.id,
            slot: (await search.scan({ services, locations: [l.id], pool }, check.durationMinutes, 1, false))[0] ?? null,
          })),
        );
      },
      nextRelease: () => nextRelease(options.config, now()),
    },
    bookings: createBookings(deps),
    approvals: createApprovals(deps),
    attendance: createAttendance(deps),
    async close() {},
  };
}

export type { Core } from "./core.ts";
export type * from "./bookings/types.ts";
export { CoreError, ERROR_CODES, type ErrorCode } from "./errors.ts";
export { loadCityConfig, parseCityConfig, ConfigError, DEMO_CITY_PATH } from "./config/load.ts";
export type { CityConfig } from "./config/schema.ts";
