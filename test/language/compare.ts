// The checker of nlu.md §5.5: effective date and minute sets, sets for list fields, exact otherwise.
// Expected rows may be partial; missing fields take the empty value of schema v1.
import { dayNumber, isoWeekday, parseIsoDate } from "../../core/language/calendar.ts";
import { localNow } from "../../core/language/timezone.ts";
import { emptyParseResult, type ParseResult } from "../../core/language/types.ts";

export const FIELDS = [
  "intent", "secondaryIntents", "services", "locations", "dates", "times", "urgent", "code",
  "existingAppointment", "infoTopics",
] as const;
export type Field = (typeof FIELDS)[number];

const HORIZON_DAYS = 400;

export function completeExpected(partial: Partial<ParseResult>): ParseResult {
  return { ...emptyParseResult(), ...partial };
}

function dateSet(r: ParseResult, today: number): string {
  const bits: string[] = [];
  const ranges = r.dateRanges.map((d) => ({ from: parseIsoDate(d.from) ?? 0, to: d.to === null ? Infinity : parseIsoDate(d.to) ?? 0 }));
  const excluded = new Set(r.excludedDates.map((d) => parseIsoDate(d)));
  for (let day = today; day <= today + HORIZON_DAYS; day++) {
    const wd = isoWeekday(day);
    let ok = ranges.length === 0 || ranges.some((x) => day >= x.from && day <= x.to);
    if (r.weekdays.length > 0 && !r.weekdays.includes(wd)) ok = false;
    if (r.excludedWeekdays.includes(wd) || excluded.has(day)) ok = false;
    bits.push(ok ? "1" : "0");
  }
  return bits.join("");
}

function inRange(m: number, x: { from: number; to: number }): boolean {
  return x.from === x.to ? m === x.from : m >= x.from && m < x.to;
}

function timeSet(r: ParseResult): string {
  const bits: string[] = [];
  for (let m = 0; m <= 1440; m++) {
    let ok = r.timeRanges.length === 0 ? m < 1440 : r.timeRanges.some((x) => inRange(m, x));
    if (r.excludedTimeRanges.some((x) => inRange(m, x))) ok = false;
    bits.push(ok ? "1" : "0");
  }
  return bits.join("");
}

const asSet = (values: string[]): string => [...new Set(values)].sort().join("|");

export function compareResults(actual: ParseResult, expected: ParseResult, now: Date, timeZone = "Europe/Berlin"): Record<Field, boolean> {
  const { today } = localNow(now, timeZone);
  void dayNumber;
  return {
    intent: actual.intent === expected.intent,
    secondaryIntents: asSet(actual.secondaryIntents) === asSet(expected.secondaryIntents),
    services: asSet(actual.services.map((s) => `${s.id}x${s.count}`)) === asSet(expected.services.map((s) => `${s.id}x${s.count}`)),
    locations: asSet(actual.locations) === asSet(expected.locations) && asSet(actual.excludedLocations) === asSet(expected.excludedLocations),
    dates: dateSet(actual, today) === dateSet(expected, today),
    times: timeSet(actual) === timeSet(expected),
    urgent: actual.urgent === expected.urgent,
    code: actual.code === expected.code,
    existingAppointment: JSON.stringify(actual.existingAppointment) === JSON.stringify(expected.existingAppointment),
    infoTopics: asSet(actual.infoTopics) === asSet(expected.infoTopics),
  };
}
