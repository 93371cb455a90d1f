/**
 * Small pure German formatters shared by the chat, mail and console texts.
 * Dates are local calendar dates ("YYYY-MM-DD") and times are minutes since local midnight,
 * as the core returns them; instants are converted with an explicit time zone, never the process TZ.
 */
import type { DateRange, ISODate, Minutes, TimeRange } from "../core/bookings/types.ts";

const WEEKDAYS = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"] as const;
const WEEKDAYS_LONG = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"] as const;

/** ISO weekday 1=Mo … 7=So of a local calendar date. */
export function isoWeekday(date: ISODate): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** "2026-12-06" → "6.12." */
export function formatDayMonth(date: ISODate): string {
  const [, m, d] = date.split("-");
  return `${Number(d)}.${Number(m)}.`;
}

/** "2026-11-30" → "Mo, 30.11." */
export function formatDate(date: ISODate): string {
  return `${WEEKDAYS[isoWeekday(date) - 1]}, ${formatDayMonth(date)}`;
}

/** "2026-11-30" → "Montag, 30.11.2026" (confirmations, where the year matters). */
export function formatDateLong(date: ISODate): string {
  const [y] = date.split("-");
  return `${WEEKDAYS_LONG[isoWeekday(date) - 1]}, ${formatDayMonth(date)}${y}`;
}

/** 495 → "08:15" */
export function formatClock(minutes: Minutes): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** 495 → "08:15 Uhr" */
export function formatTime(minutes: Minutes): string {
  return `${formatClock(minutes)} Uhr`;
}

/** "Mo, Mi" for ISO weekdays [1, 3]. */
export function formatWeekdays(days: number[]): string {
  return days.map((d) => WEEKDAYS[d - 1] ?? "?").join(", ");
}

/** {from:"2026-11-30",to:"2026-12-06"} → "30.11.–6.12."; one day → "Mo, 30.11."; open end → "ab 30.11." */
export function formatDateRange(range: DateRange): string {
  if (range.to === null) return `ab ${formatDayMonth(range.from)}`;
  if (range.to === range.from) return formatDate(range.from);
  return `${formatDayMonth(range.from)}–${formatDayMonth(range.to)}`;
}

/** Named day parts of the request schema (nlu.md §5.4), so "vormittags" reads back as said. */
const DAY_PARTS: [from: number, to: number, label: string][] = [
  [360, 600, "früh"],
  [360, 720, "vormittags"],
  [720, 840, "mittags"],
  [720, 900, "am frühen Nachmittag"],
  [900, 1080, "am späten Nachmittag"],
  [720, 1080, "nachmittags"],
  [1020, 1320, "abends"],
];

/** {540,540} → "um 09:00 Uhr"; {360,720} → "vormittags"; {840,1440} → "ab 14:00 Uhr". */
export function formatTimeRange(range: TimeRange): string {
  const named = DAY_PARTS.find(([f, t]) => f === range.from && t === range.to);
  if (named) return named[2];
  if (range.from === range.to) return `um ${formatTime(range.from)}`;
  if (range.to >= 1440) return `ab ${formatTime(range.from)}`;
  if (range.from <= 0) return `bis ${formatTime(range.to)}`;
  return `${formatClock(range.from)}–${formatTime(range.to)}`;
}

/** 3700 (cents) → "37,00 €" */
export function formatMoney(cents: number): string {
  return new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** Local calendar date and minutes of an ISO instant in `timeZone`. */
export function localParts(instant: string, timeZone: string): { date: ISODate; minutes: Minutes } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, minutes: Number(get("hour")) * 60 + Number(get("minute")) };
}

/** "2026-11-30T08:15:00+01:00" → "Mo, 30.11., 08:15 Uhr" */
export function formatInstant(instant: string, timeZone: string): string {
  const { date, minutes } = localParts(instant, timeZone);
  return `${formatDate(date)}, ${formatTime(minutes)}`;
}

/** Joins German list items: "A", "A und B", "A, B und C" (`word` = "oder" for alternatives). */
export function joinList(items: string[], word = "und"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}
