// Week spans: "nächste Woche", "übernächste Woche", "diese Woche", "Anfang/Mitte/Ende (der|nächster)
// Woche", "KW 50", "in der Woche vom 7.12.", "(am) Wochenende", "nächsten Monat", "Ende des Monats".
import type { Parser } from "chrono-node";
import {
  civilDate, dayNumber, daysInMonth, isoWeekMonday, isValidDay, weekStart, type DayNumber,
} from "../../calendar.ts";
import { MONTHS } from "../../lexicon/calendar-words.de.ts";
import { atomResult, todayOf, WB, WE } from "./context.ts";

/** Month names, longest first so "januar" wins over "jan". */
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join("|");

const WEEK = new RegExp(
  `${WB}(?:(anfang|mitte|ende)\\s+(?:der\\s+|dieser\\s+|des\\s+)?)?` +
    // "diese oder nächste Woche": the first week is named only by its determiner
    `(?:(diese[nrs]?|nächste[nrs]?)\\s+(?:oder|bzw\\.?|und)\\s+)?` +
    `(übernächste[nrs]?|nächste[nrs]?|kommende[nrs]?|diese[nrs]?|der|die)\\s+(woche|wochenende)${WE}`,
  "iu",
);
const BARE_WEEKEND = new RegExp(`${WB}(?:am|übers|das|an\\s+einem|am\\s+kommenden)\\s+wochenende${WE}`, "iu");
const CALENDAR_WEEK = new RegExp(`${WB}(?:kw|kalenderwoche)\\s*(\\d{1,2})${WE}`, "iu");
const WEEK_OF_DATE = new RegExp(
  `${WB}(?:(?:in|auf|für|fuer)\\s+)?(?:der|die)\\s+woche\\s+(?:vom|ab\\s+dem|ab|des)\\s+(\\d{1,2})\\.(?:(\\d{1,2})\\.?(\\d{2,4})?|\\s*(${MONTH_NAMES})${WE}(?:\\s+(\\d{4}))?)`,
  "iu",
);
const MONTH_RELATIVE = new RegExp(
  `${WB}(?:(anfang|mitte|ende)\\s+)?(?:(nächste[nrs]?|kommende[nrs]?|diese[nrs]?|des|im)\\s+)(monat|monats)${WE}`,
  "iu",
);

function part(word: string, monday: DayNumber, isWeekend: boolean): [DayNumber, DayNumber] {
  if (isWeekend) return [monday + 5, monday + 6];
  if (word === "anfang") return [monday, monday + 1];
  if (word === "mitte") return [monday + 1, monday + 3];
  if (word === "ende") return [monday + 3, monday + 4];
  return [monday, monday + 6];
}

export const weekParser: Parser = {
  pattern: () => WEEK,
  extract(ctx, match) {
    const today = todayOf(ctx);
    const which = (match[3] ?? "").toLowerCase();
    const isWeekend = (match[4] ?? "").toLowerCase() === "wochenende";
    const partWord = (match[1] ?? "").toLowerCase();
    // "der Woche"/"die Woche" only count with Anfang/Mitte/Ende ("Ende der Woche" = this week)
    if ((which === "der" || which === "die") && !partWord) return null;
    const shiftOf = (word: string): number => {
      if (word.startsWith("übernächst")) return 14;
      if (word.startsWith("nächst") || word.startsWith("kommend")) return isWeekend && word.startsWith("kommend") ? 0 : 7;
      return 0;
    };
    const shift = shiftOf(which);
    let [from, to] = part(partWord, weekStart(today) + shift, isWeekend);
    const first = (match[2] ?? "").toLowerCase();
    if (first && shiftOf(first) < shift) from = part(partWord, weekStart(today) + shiftOf(first), isWeekend)[0];
    if (to < today) return null;
    return atomResult(ctx, match.index ?? 0, match[0], { kind: "dates", from: Math.max(from, today), to, container: true });
  },
};

export const weekendParser: Parser = {
  pattern: () => BARE_WEEKEND,
  extract(ctx, match) {
    const today = todayOf(ctx);
    let saturday = weekStart(today) + 5;
    if (saturday + 1 <= today) saturday += 7;
    const from = Math.max(saturday, today + 1);
    return atomResult(ctx, match.index ?? 0, match[0], { kind: "dates", from, to: saturday + 1, container: true });
  },
};

export const calendarWeekParser: Parser = {
  pattern: () => CALENDAR_WEEK,
  extract(ctx, match) {
    const week = Number(match[1]);
    if (week < 1 || week > 53) return null;
    const today = todayOf(ctx);
    const { year } = civilDate(today);
    let monday = isoWeekMonday(year, week);
    if (monday + 6 < today) monday = isoWeekMonday(year + 1, week);
    return atomResult(ctx, match.index ?? 0, match[0], {
      kind: "dates", from: Math.max(monday, today), to: monday + 6, container: true,
    });
  },
};

export const weekOfDateParser: Parser = {
  pattern: () => WEEK_OF_DATE,
  extract(ctx, match) {
    const today = todayOf(ctx);
    const day = Number(match[1]);
    // "in der Woche vom 11. Januar": the month by name
    const month = match[2] ? Number(match[2]) : MONTHS[(match[4] ?? "").toLowerCase()] ?? 0;
    const yearText = match[3] ?? match[5];
    let year = yearText ? Number(yearText) : civilDate(today).year;
    if (year < 100) year += 2000;
    if (!isValidDay(year, month, day)) return null;
    let date = dayNumber(year, month, day);
    if (!yearText && date + 6 < today) date = dayNumber(year + 1, month, day);
    const monday = weekStart(date);
    return atomResult(ctx, match.index ?? 0, match[0], {
      kind: "dates", from: Math.max(monday, today), to: monday + 6, container: true,
    });
  },
};

export const relativeMonthParser: Parser = {
  pattern: () => MONTH_RELATIVE,
  extract(ctx, match) {
    const today = todayOf(ctx);
    const which = (match[2] ?? "").toLowerCase();
    let { year, month } = civilDate(today);
    if (which.startsWith("nächst") || which.startsWith("kommend")) {
      month += 1;
      if (month > 12) [year, month] = [year + 1, 1];
    }
    const last = daysInMonth(year, month);
    const partWord = (match[1] ?? "").toLowerCase();
    let [fromDay, toDay] = [1, last];
    if (partWord === "anfang") [fromDay, toDay] = [1, 10];
    if (partWord === "mitte") [fromDay, toDay] = [11, 20];
    if (partWord === "ende") [fromDay, toDay] = [21, last];
    const to = dayNumber(year, month, toDay);
    if (to < today) return null;
    const from = Math.max(dayNumber(year, month, fromDay), today);
    return atomResult(ctx, match.index ?? 0, match[0], { kind: "dates", from, to, container: true });
  },
};
