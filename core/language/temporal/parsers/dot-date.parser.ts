// Numeric German dates chrono rejects: "3.12.", "am 4.12", "03.12.2026", "3.12.26", "1.12.-4.12.",
// "7.-11.12.", "am 30." (day only). A date without a year is its next occurrence from today on.
import type { Parser } from "chrono-node";
import { dayNumber, isValidDay, civilDate, type DayNumber } from "../../calendar.ts";
import { atomResult, nextDayOfMonth, textBefore, todayOf } from "./context.ts";

const DATE = "(\\d{1,2})\\.(\\d{1,2})(\\.(?:\\d{4}|\\d{2}(?![\\d:]))?)?";
const PATTERN = new RegExp(
  `(?<![\\d.,:\\p{L}])(?:${DATE}(?:\\s*(?:-|bis(?:\\s+zum)?)\\s*${DATE})?|(\\d{1,2})\\.?\\s*(?:-|bis)\\s*${DATE})(?![\\d\\p{L}])`,
  "iu",
);
/** "am 30.", "den 26. bitte absagen", "nach dem 15.", "am 2. vormittags": a day of the month on its own, unless a month,
 *  a number or a noun the ordinal counts follows ("am 3. Dezember", "den 2. Termin", "zum 1. Mal"). */
const DAY_ONLY_NOT_BEFORE =
  "\\d|(?:jan|feb|mär|maer|mar|apr|mai|jun|jul|aug|sep|okt|nov|dez)|advent|weihnacht|feiertag|mal\\b|tag\\b|tages|stock|etage|klass|woche|monat|quartal|" +
  "jahr|platz|termin|versuch|anlauf|kind|antrag|person|semester|lehrjahr|hälfte|haelfte|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag";
const DAY_ONLY = new RegExp(
  `(?<![\\d.,:\\p{L}])(?:am|den|dem|zum|ab dem|bis zum)\\s+(\\d{1,2})\\.(?![\\d\\p{L}])(?!\\s*(?:${DAY_ONLY_NOT_BEFORE}))` +
    // "am 2. oder 3. Januar": the month of a later day in the list belongs to this one too
    `(?!\\s*(?:oder|und|bis|-|–|,)\\s*(?:zum\\s+|den\\s+)?\\d{1,2}\\.\\s*(?:${DAY_ONLY_NOT_BEFORE}))`, "iu",
);
/** "vom 1. bis 3.", "zwischen dem 1. und 3." (rewritten to "bis"): days of the month of the first day. */
const DAY_RANGE = /(?<![\d.,:\p{L}])(?:vom|von|dem|zwischen)\s+(\d{1,2})\.\s*(?:-|bis(?:\s+zum)?)\s*(\d{1,2})\.(?![\d\p{L}])(?!\s*(?:[a-zäöü]{3,}|\d))/iu;
/** Without its final dot "4.12" is only a date after one of these words. */
const DATE_INTRO = /(?:am|den|vom|zum|ab|bis|dem|auf|termin|datum|,)\s*$/iu;
/** "am 4.12 oder 7.12": a pair after a listed date is a date too. */
const LISTED_INTRO = /\d\.\d{1,2}\.?\s*(?:oder|und|bzw\.?)\s*$/iu;
const TIME_INTRO = /(?:um|gegen|ca\.?|etwa|nach|vor|ab|bis)\s*$/iu;

function resolve(today: DayNumber, day: number, month: number, yearText: string | undefined): DayNumber | null {
  const digits = (yearText ?? "").replace(".", "");
  if (digits) {
    const year = digits.length === 2 ? 2000 + Number(digits) : Number(digits);
    return isValidDay(year, month, day) ? dayNumber(year, month, day) : null;
  }
  const { year } = civilDate(today);
  for (const y of [year, year + 1]) {
    if (isValidDay(y, month, day) && dayNumber(y, month, day) >= today) return dayNumber(y, month, day);
  }
  return null;
}

export const dotDateParser: Parser = {
  pattern: () => PATTERN,
  extract(ctx, match) {
    const index = match.index ?? 0;
    const today = todayOf(ctx);
    const before = textBefore(ctx, index);
    if (match[7]) {
      // "7.-11.12."
      const to = resolve(today, Number(match[8]), Number(match[9]), match[10]?.slice(1));
      if (to === null) return null;
      const { year, month } = civilDate(to);
      if (!isValidDay(year, month, Number(match[7]))) return null;
      const from = dayNumber(year, month, Number(match[7]));
      return from <= to ? atomResult(ctx, index, match[0], { kind: "dates", from, to, container: false }) : null;
    }
    const hasDot = match[3] !== undefined;
    // "ab 10.12" is a date when its "minutes" are no multiple of five; "ab 10.30" stays a time
    const clockLike = Number(match[2]) % 5 === 0 || (match[2] ?? "").length !== 2;
    if (!hasDot && ((TIME_INTRO.test(before) && clockLike) || !(DATE_INTRO.test(before) || LISTED_INTRO.test(before)))) return null;
    const from = resolve(today, Number(match[1]), Number(match[2]), match[3]?.slice(1));
    if (from === null) return null;
    if (!match[4]) return atomResult(ctx, index, match[0], { kind: "dates", from, to: from, container: false });
    const to = resolve(from, Number(match[4]), Number(match[5]), match[6]?.slice(1));
    if (to === null || to < from) return null;
    return atomResult(ctx, index, match[0], { kind: "dates", from, to, container: false });
  },
};

export const dayOnlyParser: Parser = {
  pattern: () => DAY_ONLY,
  extract(ctx, match) {
    const day = nextDayOfMonth(todayOf(ctx), Number(match[1]));
    if (day === null) return null;
    return atomResult(ctx, match.index ?? 0, match[0], { kind: "dates", from: day, to: day, container: false });
  },
};

export const dayRangeParser: Parser = {
  pattern: () => DAY_RANGE,
  extract(ctx, match) {
    const from = nextDayOfMonth(todayOf(ctx), Number(match[1]));
    if (from === null) return null;
    const to = from + Number(match[2]) - Number(match[1]);
    if (to < from || civilDate(to).day !== Number(match[2])) return null;
    return atomResult(ctx, match.index ?? 0, match[0], { kind: "dates", from, to, container: false });
  },
};

/** "am 28. oder 29.12.": a day listed before a full date shares its month. */
const DAY_BEFORE_DATE = /(?<![\d.,:\p{L}])(?:(?:am|den|dem|zum)\s+)?(\d{1,2})\.\s*(?:oder|und|bzw\.?|,)\s*(?:den\s+|zum\s+|am\s+)?\d{1,2}\.(\d{1,2})\.?(?![\d\p{L}])/iu;
export const dayBeforeDateParser: Parser = {
  pattern: () => DAY_BEFORE_DATE,
  extract(ctx, match) {
    const day = resolve(todayOf(ctx), Number(match[1]), Number(match[2]), undefined);
    if (day === null) return null;
    const text = match[0].replace(/\s*(?:oder|und|bzw\.?|,)\s*(?:den\s+|zum\s+|am\s+)?\d{1,2}\.\d{1,2}\.?$/iu, "");
    return atomResult(ctx, match.index ?? 0, text, { kind: "dates", from: day, to: day, container: false });
  },
};

/** "am 30. oder 31.": a day of the month listed after another. */
const LISTED_DAY = /(?<![\d.,:\p{L}])(\d{1,2})\.(?![\d\p{L}])(?!\s*(?:jan|feb|mär|maer|mar|apr|mai|jun|jul|aug|sep|okt|nov|dez|\d))/iu;
const LISTED_DAY_BEFORE = /(?:am|den|dem)\s+\d{1,2}\.\s*(?:oder|und|bzw\.?)\s*$/iu;
export const listedDayParser: Parser = {
  pattern: () => LISTED_DAY,
  extract(ctx, match) {
    if (!LISTED_DAY_BEFORE.test(textBefore(ctx, match.index ?? 0, 20))) return null;
    const day = nextDayOfMonth(todayOf(ctx), Number(match[1]));
    if (day === null) return null;
    return atomResult(ctx, match.index ?? 0, match[0], { kind: "dates", from: day, to: day, container: false });
  },
};
