// heute / morgen / übermorgen, "in drei Tagen", "heute in einer Woche", "in zwei Wochen".
import type { Parser } from "chrono-node";
import { weekStart } from "../../calendar.ts";
import { numberFromToken } from "../../lexicon/calendar-words.de.ts";
import { atomResult, textBefore, todayOf, WB, WE } from "./context.ts";

/** "heut" is the colloquial / southern "heute" ("Heut noch möglich?"). */
const BASE_OFFSET: Readonly<Record<string, number>> = { heute: 0, heut: 0, morgen: 1, übermorgen: 2 };
const COUNT = "(\\d{1,2}|einer|einem|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)";
const PATTERN = new RegExp(
  `${WB}(?:(heute|heut|morgen|übermorgen)(?:\\s+in\\s+${COUNT}\\s+(wochen?|tag(?:e|en)?))?|in\\s+${COUNT}\\s+(wochen?|tag(?:e|en)?))${WE}`,
  "iu",
);
/** "Guten Morgen", "am Morgen", "jeden Morgen": the noun, not tomorrow. */
const NOT_TOMORROW = /(?<!\p{L})(?:guten|schönen|am|jeden|einen|den|im|heute|gestern|diesen|frühen)\s+$/iu;

function amount(token: string): number {
  return /^ein/i.test(token) ? 1 : numberFromToken(token) ?? 0;
}

export const relativeDayParser: Parser = {
  pattern: () => PATTERN,
  extract(ctx, match) {
    const today = todayOf(ctx);
    const base = match[1]?.toLowerCase();
    if (base === "morgen" && NOT_TOMORROW.test(textBefore(ctx, match.index ?? 0))) return null;
    const index = match.index ?? 0;
    if (base !== undefined) {
      let day = today + (BASE_OFFSET[base] ?? 0);
      if (match[2] && match[3]) day += amount(match[2]) * (/^w/i.test(match[3]) ? 7 : 1);
      return atomResult(ctx, index, match[0], { kind: "dates", from: day, to: day, container: false });
    }
    const n = amount(match[4] ?? "");
    if (n <= 0 || n > 60) return null;
    if (/^w/i.test(match[5] ?? "")) {
      // "in zwei Wochen" names a week, not a day (nlu.md §5.3)
      const monday = weekStart(today + 7 * n);
      return atomResult(ctx, index, match[0], { kind: "dates", from: monday, to: monday + 6, container: true });
    }
    return atomResult(ctx, index, match[0], { kind: "dates", from: today + n, to: today + n, container: false });
  },
};
