// A single weekday: "Dienstag", "am Di", "nächsten Montag", "Dienstag nächste Woche", "Fr.".
import type { Parser } from "chrono-node";
import { isoWeekday, weekStart } from "../../calendar.ts";
import { WEEKDAYS, WEEKDAY_ABBREVIATIONS } from "../../lexicon/calendar-words.de.ts";
import { PRONOUN_ABBREVIATIONS, PRONOUN_CONTEXT_BEFORE } from "../../lexicon/temporal-cues.de.ts";
import { atomResult, textBefore, todayOf, WB, WE } from "./context.ts";

const NAMES = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|mo|di|mi|do|fr|sa";
const PATTERN = new RegExp(
  `${WB}(?:(übernächste[nrs]?|nächste[nrs]?|kommende[nrs]?|diese[nrs]?)\\s+)?(${NAMES})${WE}(\\.)?` +
    `(?:,?\\s+(?:in\\s+der\\s+|der\\s+)?(übernächste[nr]?|nächste[nr]?|kommende[nr]?)\\s+woche${WE})?`,
  "iu",
);

export const weekdayParser: Parser = {
  pattern: () => PATTERN,
  extract(ctx, match) {
    const index = match.index ?? 0;
    const name = (match[2] ?? "").toLowerCase();
    const isAbbreviation = name.length === 2;
    const after = ctx.text.slice(index + match[0].length, index + match[0].length + 24);
    if (isAbbreviation) {
      // "DO-AB 123" is a licence plate, "Fr. Schmidt" is Frau Schmidt
      if (/^-\s*\p{L}/u.test(after) && !/^-\s*(?:mo|di|mi|do|fr|sa|so)\b/iu.test(after)) return null;
      if (match[3] && /^\s*\p{Lu}\p{Ll}/u.test(after) && name === "fr") return null;
      // a number right after is not a weekday's, unless it is a clock time ("Mo 10 Uhr", "Di 9:30")
      if (/^\s*[.:]?\d/.test(after) && !/^\.?\s+\d{1,2}(?::\d{2}(?!\d)|(?:[.:]\d{2})?\s*uhr\b)/iu.test(after)) return null;
      // "für mi und mei Frau", "kannst mi eintragen": a lower-case "mi"/"di" after a preposition or verb is the dialect
      // pronoun, unless a weekday list or range continues it ("für mi oder do")
      if (PRONOUN_ABBREVIATIONS.has(match[2] ?? "") && !match[1] && !match[3] && PRONOUN_CONTEXT_BEFORE.test(textBefore(ctx, index, 16)) &&
        !/^\s*(?:oder|bis|und|bzw\.?|-|\/|,)\s*(?:mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b/iu.test(after)) return null;
    }
    const weekday = WEEKDAYS[name] ?? WEEKDAY_ABBREVIATIONS[name];
    if (!weekday) return null;
    const today = todayOf(ctx);
    const prefix = (match[1] ?? "").toLowerCase();
    const weekWord = (match[4] ?? "").toLowerCase();
    const thisMonday = weekStart(today);
    let day: number;
    let anchored = false;
    if (prefix.startsWith("übernächst") || weekWord.startsWith("übernächst")) {
      day = thisMonday + 14 + weekday - 1;
      anchored = true;
    } else if (prefix.startsWith("nächst") || weekWord) {
      day = thisMonday + 7 + weekday - 1;
      anchored = true;
    } else if (prefix.startsWith("dies") && thisMonday + weekday - 1 > today) {
      day = thisMonday + weekday - 1;
    } else {
      // a bare weekday is its next occurrence strictly after today (nlu.md §5.3)
      const delta = (weekday - isoWeekday(today) + 7) % 7;
      day = today + (delta === 0 ? 7 : delta);
    }
    if (/\bletzte[nrs]?\s+$/iu.test(textBefore(ctx, index))) return null;
    const text = match[0].endsWith(".") && isAbbreviation ? match[0] : match[0].replace(/\.$/, "");
    return atomResult(ctx, index, text, { kind: "weekday", weekday, day, anchored });
  },
};
