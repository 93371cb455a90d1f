// Shared helpers for our chrono parsers: local "today" from the parsing reference, result creation.
import type { ParsingContext, ParsingResult } from "chrono-node";
import { civilDate, type DayNumber } from "../../calendar.ts";
import { attachPayload, type AtomPayload } from "../atom.ts";

/** Local calendar day of the reference instant (chrono keeps our fixed offset in `timezoneOffset`). */
export function todayOf(ctx: ParsingContext): DayNumber {
  const offset = ctx.reference.timezoneOffset ?? 0;
  return Math.floor((ctx.reference.instant.getTime() + offset * 60_000) / 86_400_000);
}

export function textBefore(ctx: ParsingContext, index: number, length = 32): string {
  return ctx.text.slice(Math.max(0, index - length), index);
}

export function textAfter(ctx: ParsingContext, end: number, length = 32): string {
  return ctx.text.slice(end, end + length);
}

export function atomResult(
  ctx: ParsingContext, index: number, text: string, payload: AtomPayload,
): ParsingResult {
  let start: Record<string, number> = {};
  if (payload.kind === "dates") start = { ...civilDate(payload.from) };
  if (payload.kind === "weekday") start = { ...civilDate(payload.day), weekday: payload.weekday % 7 };
  if (payload.kind === "time") start = { hour: Math.floor(payload.from / 60), minute: payload.from % 60 };
  return attachPayload(ctx.createParsingResult(index, text, start), payload);
}

/** Next occurrence of a day of month, today included, rolling over months (for "am 30."). */
export function nextDayOfMonth(today: DayNumber, day: number): DayNumber | null {
  const { year, month } = civilDate(today);
  for (let i = 0; i < 3; i++) {
    const m = ((month - 1 + i) % 12) + 1;
    const y = year + Math.floor((month - 1 + i) / 12);
    const d = Date.UTC(y, m - 1, day) / 86_400_000;
    if (civilDate(d).day === day && d >= today) return d;
  }
  return null;
}

export const WB = "(?<![\\p{L}\\p{N}])";
export const WE = "(?![\\p{L}\\p{N}])";
