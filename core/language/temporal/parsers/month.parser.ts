// Month names: "3. Dezember", "am dritten Dezember", "1. bis 4. Dezember", "im Dezember",
// "Anfang/Mitte/Ende Januar", "Dezember 2026". Whole months are clipped to today.
import type { Parser } from "chrono-node";
import { civilDate, dayNumber, daysInMonth, isValidDay, type DayNumber } from "../../calendar.ts";
import { MONTHS, ORDINAL_WORDS } from "../../lexicon/calendar-words.de.ts";
import { atomResult, todayOf, WB, WE } from "./context.ts";

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join("|");
const ORDINALS = Object.keys(ORDINAL_WORDS).sort((a, b) => b.length - a.length).join("|");
const PATTERN = new RegExp(
  `${WB}(?:(anfang|mitte|ende|im|in)\\s+)?(?:(?:der|dem|den)\\s+)?` +
    `(?:(\\d{1,2})\\.?\\s*(?:(?:-|bis)\\s*(\\d{1,2})\\.?\\s*)?|(${ORDINALS})\\s+)?` +
    `(${MONTH_NAMES})${WE}\\.?(?:\\s+(\\d{4})${WE})?`,
  "iu",
);
/** Month names that are also everyday words or first names need a number or preposition. */
const AMBIGUOUS = new Set(["mai", "august", "jan", "jun", "jul", "apr", "aug", "sep", "okt", "nov", "dez", "feb", "mär"]);

function monthStart(today: DayNumber, month: number, explicitYear: number | null): { year: number } | null {
  if (explicitYear) return { year: explicitYear };
  const { year, month: current } = civilDate(today);
  return { year: month < current ? year + 1 : year };
}

export const monthParser: Parser = {
  pattern: () => PATTERN,
  extract(ctx, match) {
    const index = match.index ?? 0;
    const today = todayOf(ctx);
    const prefix = (match[1] ?? "").toLowerCase();
    const monthWord = (match[5] ?? "").toLowerCase();
    const month = MONTHS[monthWord];
    if (!month) return null;
    const explicitYear = match[6] ? Number(match[6]) : null;
    const dayText = match[2] ?? (match[4] ? String(ORDINAL_WORDS[match[4].toLowerCase()] ?? "") : "");
    if (!dayText && !prefix && AMBIGUOUS.has(monthWord)) return null;
    const start = monthStart(today, month, explicitYear);
    if (!start) return null;
    let { year } = start;
    if (dayText) {
      const day = Number(dayText);
      const endDay = match[3] ? Number(match[3]) : day;
      if (!explicitYear && isValidDay(year, month, endDay) && dayNumber(year, month, endDay) < today) year += 1;
      if (!isValidDay(year, month, day) || !isValidDay(year, month, endDay) || endDay < day) return null;
      const from = dayNumber(year, month, day);
      return atomResult(ctx, index, match[0], { kind: "dates", from, to: dayNumber(year, month, endDay), container: false });
    }
    const last = daysInMonth(year, month);
    let [fromDay, toDay] = [1, last];
    if (prefix === "anfang") [fromDay, toDay] = [1, 10];
    if (prefix === "mitte") [fromDay, toDay] = [11, 20];
    if (prefix === "ende") [fromDay, toDay] = [21, last];
    let from = dayNumber(year, month, fromDay);
    const to = dayNumber(year, month, toDay);
    if (to < today) return null;
    from = Math.max(from, today);
    return atomResult(ctx, index, match[0], { kind: "dates", from, to, container: true });
  },
};

/** "der 9. oder 10. Dezember", "am 3. und 4. Januar": the first day borrows the month named after the second. */
const DAY_BEFORE_ALTERNATIVE = new RegExp(
  `(?<![\\d.,:\\p{L}])(\\d{1,2})\\.\\s*(?=(?:oder|und|bzw\\.?|,)\\s*\\d{1,2}\\.?\\s*(${MONTH_NAMES})${WE})`, "iu",
);

export const dayBeforeAlternativeParser: Parser = {
  pattern: () => DAY_BEFORE_ALTERNATIVE,
  extract(ctx, match) {
    const month = MONTHS[(match[2] ?? "").toLowerCase()];
    const today = todayOf(ctx);
    if (!month) return null;
    const day = Number(match[1]);
    let { year } = civilDate(today);
    if (month < civilDate(today).month || (isValidDay(year, month, day) && dayNumber(year, month, day) < today)) year += 1;
    if (!isValidDay(year, month, day)) return null;
    const from = dayNumber(year, month, day);
    return atomResult(ctx, match.index ?? 0, match[0], { kind: "dates", from, to: from, container: false });
  },
};
