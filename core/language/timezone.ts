// Wall-clock of an instant in an IANA zone, via Intl so the process TZ never leaks in (nlu.md §1).
import type { DayNumber } from "./calendar.ts";
import { dayNumber } from "./calendar.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offsets change only on quarter hours, so one lookup per zone and quarter hour is enough. */
const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<string, number>();

/** Offset of `timeZone` from UTC at `instant`, in minutes; unknown zones fall back to Europe/Berlin. */
export function timeZoneOffsetMinutes(instant: Date, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instant.getTime() / QUARTER_HOUR_MS)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const offset = computeOffsetMinutes(instant, timeZone);
  if (offsetCache.size >= 4096) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

function computeOffsetMinutes(instant: Date, timeZone: string): number {
  let f: Intl.DateTimeFormat;
  try {
    f = offsetFormatter(timeZone);
  } catch {
    f = offsetFormatter("Europe/Berlin");
  }
  const part = f.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(part);
  return m && m[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

export interface LocalNow { today: DayNumber; minutes: number; offsetMinutes: number }

export function localNow(instant: Date, timeZone: string): LocalNow {
  const offsetMinutes = timeZoneOffsetMinutes(instant, timeZone);
  const localMs = instant.getTime() + offsetMinutes * 60_000;
  const today = Math.floor(localMs / 86_400_000);
  const minutes = Math.floor((localMs - today * 86_400_000) / 60_000);
  return { today, minutes, offsetMinutes };
}

export { dayNumber };
