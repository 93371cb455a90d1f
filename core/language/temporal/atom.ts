// What a temporal parser found, in our own terms. Chrono results carry this payload in a side table
// so the rule layer never has to decode chrono's implied/certain component model.
import type { ParsingResult } from "chrono-node";
import type { DayNumber } from "../calendar.ts";

/** Open-ended modifiers: "ab/nach/frühestens" = after, "bis/vor/spätestens" = before. */
export type Modifier = "after" | "before" | "afterExclusive" | "beforeExclusive";

export type AtomPayload =
  /** A day or a span of days; `container` marks week/month/window spans a weekday can narrow. */
  | { kind: "dates"; from: DayNumber; to: DayNumber; container: boolean }
  /** A single weekday mention ("Dienstag"); `day` is its resolved date, `anchored` when a week was named. */
  | { kind: "weekday"; weekday: number; day: DayNumber; anchored: boolean }
  /** Recurring weekdays ("dienstags", "Mo-Mi"). */
  | { kind: "weekdays"; weekdays: number[] }
  /** Start-time window in minutes [from, to); from == to is an exact time. `vague` day parts ("nach der Arbeit")
   *  give way to a clock time the citizen names for them ("nach der Arbeit, also ab 17 Uhr"). */
  | { kind: "time"; from: number; to: number; daypart: boolean; modifier: Modifier | null; negationConsumed: boolean; vague?: boolean;
    /** A day part inside a noun ("Abendtermine"): it gives way to a clock time the citizen wishes. */
    soft?: boolean };

export interface Atom {
  index: number;
  end: number;
  text: string;
  payload: AtomPayload;
}

const payloads = new WeakMap<ParsingResult, AtomPayload>();

export function attachPayload(result: ParsingResult, payload: AtomPayload): ParsingResult {
  payloads.set(result, payload);
  return result;
}

export function payloadOf(result: ParsingResult): AtomPayload | undefined {
  return payloads.get(result);
}
