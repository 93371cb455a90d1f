/**
 * Which wall-clock windows a location is open on a date, and how its counters split
 * into capacity pools (online / staff-only / emergency), like ZMS's "Arbeitsplätze".
 */
import type { CityConfig, LocationConfig } from "../config/schema.ts";
import { WEEKDAYS } from "../config/schema.ts";
import type { ISODate, Minutes, Pool } from "../bookings/types.ts";
import { isPublicHolidayNW } from "./holidays.ts";
import { isoWeekday, parseHhmm } from "./time.ts";

export interface Window {
  from: Minutes;
  to: Minutes;
}

export function isClosedDay(config: CityConfig, date: ISODate): boolean {
  if (isPublicHolidayNW(date)) return true;
  return config.closedDays.some((d) => (d.length === 5 ? date.endsWith(`-${d}`) : d === date));
}

export function openingWindows(config: CityConfig, location: LocationConfig, date: ISODate): Window[] {
  if (isClosedDay(config, date)) return [];
  const key = WEEKDAYS[isoWeekday(date) - 1]!;
  return (location.openingHours[key] ?? []).map(([a, b]) => ({ from: parseHhmm(a), to: parseHhmm(b) }));
}

export interface CounterPools {
  online: number[];
  staff: number[];
  emergency: number[];
}

export function counterPools(config: CityConfig, location: LocationConfig): CounterPools {
  const n = location.counters;
  const rules = config.bookingRules;
  let online = location.counterPools?.online ?? Math.round(n * rules.onlineShare);
  if (rules.onlineShare > 0) online = Math.max(1, online);
  const emergency = Math.min(n - online, location.counterPools?.emergency ?? Math.floor(n * rules.emergencyShare));
  const all = Array.from({ length: n }, (_, i) => i + 1);
  return { online: all.slice(0, online), staff: all.slice(online, n - emergency), emergency: all.slice(n - emergency) };
}

/** Counters a booker may use, in the order they should be filled (staff spare the online capacity). */
export function allowedCounters(pools: CounterPools, pool: Pool, includeEmergency: boolean): number[] {
  if (pool === "online") return pools.online;
  const list = [...pools.staff, ...pools.online];
  return includeEmergency || pool === "emergency" ? [...list, ...pools.emergency] : list;
}
