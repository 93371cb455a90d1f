// Windows counted from today: "innerhalb der nächsten 14 Tage", "in den nächsten zwei Wochen",
// "innerhalb einer Woche", "die nächsten Tage".
import type { Parser } from "chrono-node";
import { numberFromToken } from "../../lexicon/calendar-words.de.ts";
import { atomResult, todayOf, WB, WE } from "./context.ts";

const PATTERN = new RegExp(
  `${WB}(?:innerhalb\\s+(?:der\\s+nächsten\\s+|von\\s+|(?=ein))?|in\\s+den\\s+nächsten\\s+|(?:die|den)\\s+nächsten\\s+|binnen\\s+)` +
    `(\\d{1,2}|eine[rm]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|vierzehn)\\s+(tage?n?|wochen?)${WE}`,
  "iu",
);

export const windowParser: Parser = {
  pattern: () => PATTERN,
  extract(ctx, match) {
    const token = (match[1] ?? "").toLowerCase();
    const n = token.startsWith("ein") ? 1 : numberFromToken(token);
    if (!n || n > 120) return null;
    const days = /^w/i.test(match[2] ?? "") ? 7 * n : n;
    const today = todayOf(ctx);
    return atomResult(ctx, match.index ?? 0, match[0], { kind: "dates", from: today, to: today + days, container: true });
  },
};
