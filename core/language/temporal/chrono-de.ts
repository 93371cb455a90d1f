// Our German chrono: a clone of chrono.de.casual whose weak parsers are swapped for ours (nlu.md §3).
// Kept from chrono: the ISO date parser and overlap removal (longest match wins). Dropped: the
// weekday, casual date/time and time expression parsers, whose false positives ("früh" → Friday,
// "Guten Morgen" → tomorrow, "3.12" → 03:12) cost more than they give.
import * as chrono from "chrono-node";
import type { Parser, Refiner } from "chrono-node";
import { dayBeforeDateParser, dayOnlyParser, dayRangeParser, dotDateParser, listedDayParser } from "./parsers/dot-date.parser.ts";
import { daypartParser } from "./parsers/daypart.parser.ts";
import { dayBeforeAlternativeParser, monthParser } from "./parsers/month.parser.ts";
import { everyWeekdayParser, recurringWeekdayParser } from "./parsers/recurring-weekday.parser.ts";
import { relativeDayParser } from "./parsers/relative-day.parser.ts";
import { timeParser } from "./parsers/time.parser.ts";
import { weekdayParser } from "./parsers/weekday.parser.ts";
import {
  calendarWeekParser, relativeMonthParser, weekendParser, weekOfDateParser, weekParser,
} from "./parsers/week.parser.ts";
import { windowParser } from "./parsers/window.parser.ts";
import { attachPayload, payloadOf } from "./atom.ts";
import { civilDate, dayNumber } from "../calendar.ts";

const KEPT_PARSERS = new Set(["ISOFormatParser"]);
const KEPT_REFINERS = new Set(["OverlapRemovalRefiner"]);

/** Chrono's own results (ISO dates) get a payload like ours; anything else chrono finds is dropped. */
const payloadRefiner: Refiner = {
  refine(_ctx, results) {
    return results.filter((r) => {
      if (payloadOf(r)) return true;
      const s = r.start;
      if (!s.isCertain("day") || !s.isCertain("month") || !s.isCertain("year")) return false;
      const from = dayNumber(s.get("year") ?? 0, s.get("month") ?? 0, s.get("day") ?? 0);
      attachPayload(r, { kind: "dates", from, to: from, container: false });
      return civilDate(from).year > 1900;
    });
  },
};

const OUR_PARSERS: Parser[] = [
  dotDateParser, dayRangeParser, dayOnlyParser, dayBeforeDateParser, listedDayParser, dayBeforeAlternativeParser, monthParser, weekParser, weekendParser, calendarWeekParser, weekOfDateParser,
  relativeMonthParser, windowParser, relativeDayParser, recurringWeekdayParser, everyWeekdayParser, weekdayParser,
  timeParser, daypartParser,
];

function createGermanChrono(): chrono.Chrono {
  const instance = chrono.de.casual.clone();
  instance.parsers = [
    ...instance.parsers.filter((p) => KEPT_PARSERS.has(p.constructor.name)),
    ...OUR_PARSERS,
  ];
  const overlap = instance.refiners.filter((r) => KEPT_REFINERS.has(r.constructor.name));
  instance.refiners = [payloadRefiner, ...overlap];
  return instance;
}

export const germanChrono = createGermanChrono();
