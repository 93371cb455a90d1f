/**
 * Which dates and start instants a booker may use right now: the daily release (e.g. 07:00 opens
 * the day `horizonDays` ahead), same-day release and the minimum lead time. Staff are not bound
 * to the release hour or the lead time.
 */
import type { CityConfig } from "../config/schema.ts";
import type { ISODate, Pool } from "../bookings/types.ts";
import { addDays, localDate, localMinutes, parseHhmm, toLocalIso, zonedInstant } from "../calendar/time.ts";

export interface BookableWindow {
  firstDate: ISODate;
  lastDate: ISODate;
  /** Epoch ms: no slot may start earlier. */
  notBefore: number;
}

export function bookableWindow(config: CityConfig, now: Date, pool: Pool): BookableWindow {
  const zone = config.city.timezone;
  const rules = config.bookingRules;
  const today = localDate(now, zone);
  if (pool !== "online") return { firstDate: today, lastDate: addDays(today, rules.horizonDays), notBefore: now.getTime() };
  const released = localMinutes(now, zone) >= parseHhmm(rules.releaseTime);
  return {
    firstDate: rules.sameDayRelease ? today : addDays(today, 1),
    lastDate: addDays(today, released ? rules.horizonDays : rules.horizonDays - 1),
    notBefore: now.getTime() + rules.minLeadMinutes * 60_000,
  };
}

/** The next daily release instant, as a local ISO string. */
export function nextRelease(config: CityConfig, now: Date): string {
  const zone = config.city.timezone;
  const today = localDate(now, zone);
  const release = parseHhmm(config.bookingRules.releaseTime);
  const at = zonedInstant(localMinutes(now, zone) < release ? today : addDays(today, 1), release, zone);
  return toLocalIso(at, zone);
}
