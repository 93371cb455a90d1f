/**
 * The waiting-list wish that matches a search request (chat and mail share it): the same services,
 * locations, weekdays and time windows, and the latest date the citizen named — or the end of the
 * booking horizon. Pure; the channel adds contact and conversation and calls `waitlist.register`.
 */
import type { DateRange, ISODate, ServiceRequest, TimeRange } from "../bookings/types.ts";
import type { CityConfig } from "../config/schema.ts";
import { addDays, localDate } from "../calendar/time.ts";
import type { WishInput } from "../waitlist/types.ts";

/** The parts of a booking request (chat `BookingRequest`, mail `StoredRequest`) a wish can keep. */
export interface WishSource {
  services: ServiceRequest[];
  locations?: string[];
  excludedLocations?: string[];
  dateRanges?: DateRange[];
  weekdays?: number[];
  excludedWeekdays?: number[];
  timeRanges?: TimeRange[];
}

export type WishWhat = Pick<WishInput, "services" | "locations" | "weekdays" | "timeRanges" | "latestDate">;

const ALL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The last date the citizen named (when every range has an end), else the end of the horizon. */
export function latestDateOf(config: CityConfig, ranges: DateRange[], now: Date): ISODate {
  const today = localDate(now, config.city.timezone);
  const horizonEnd = addDays(today, config.bookingRules.horizonDays);
  if (ranges.length === 0 || ranges.some((r) => r.to === null)) return horizonEnd;
  const latest = ranges.map((r) => r.to!).sort().at(-1)!;
  return latest >= today ? latest : horizonEnd;
}

/** Exclusions become the complement, since a wish lists only what is allowed. */
function allowedLocations(config: CityConfig, r: WishSource): string[] {
  const wanted = (r.locations ?? []).filter((id) => config.locations.some((l) => l.id === id));
  const excluded = r.excludedLocations ?? [];
  if (wanted.length > 0 || excluded.length === 0) return wanted;
  return config.locations.filter((l) => r.services.every((s) => l.services.includes(s.id)) && !excluded.includes(l.id)).map((l) => l.id);
}

function allowedWeekdays(r: WishSource): number[] {
  const excluded = r.excludedWeekdays ?? [];
  if ((r.weekdays ?? []).length > 0) return r.weekdays!.filter((d) => !excluded.includes(d));
  return excluded.length > 0 ? ALL_WEEKDAYS.filter((d) => !excluded.includes(d)) : [];
}

export function wishFromRequest(config: CityConfig, r: WishSource, now: Date): WishWhat {
  return {
    services: r.services.map((s) => ({ id: s.id, count: s.count })),
    locations: allowedLocations(config, r),
    weekdays: allowedWeekdays(r),
    timeRanges: (r.timeRanges ?? []).map((t) => ({ from: t.from, to: t.to })),
    latestDate: latestDateOf(config, r.dateRanges ?? [], now),
  };
}
