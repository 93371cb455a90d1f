// Recurring weekdays: "dienstags", "immer montags", "jeden Mittwoch", "Mo-Mi", "Montag bis Donnerstag",
// "werktags". These fill `weekdays`, not dates.
import type { Parser } from "chrono-node";
import { WEEKDAYS, WEEKDAY_ABBREVIATIONS } from "../../lexicon/calendar-words.de.ts";
import { weekStart } from "../../calendar.ts";
import { atomResult, todayOf, WB, WE } from "./context.ts";

const DAY = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|mo|di|mi|do|fr|sa|so";
const PATTERN = new RegExp(
  `${WB}(?:(?:immer|nur|jeden|jede[nr]?)\\s+)?(?:` +
    `(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)s` +
    `|(?:von\\s+)?(${DAY})\\.?\\s*(?:-|bis)\\s*(${DAY})\\.?` +
    `(?:\\s+(?:in\\s+der\\s+|der\\s+)?(übernächste[nr]?|nächste[nr]?|kommende[nr]?|diese[nr]?)\\s+woche)?` +
    `|(werktags|wochentags|unter\\s+der\\s+woche))${WE}`,
  "iu",
);
const WD = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag";
/** "jeden Mittwoch", "jeder Donnerstag", "an einem Montag oder Dienstag": any such day; a listed weekday joins it. */
const JEDEN = new RegExp(
  `${WB}(?:jeden|jeder|an\\s+einem|auf\\s+einen|für\\s+einen)\\s+(${WD})${WE}(?:(?:\\s*,\\s*|\\s+(?:oder|und|bzw\\.?)\\s+)(?:an\\s+einem\\s+)?(${WD})${WE})?`, "iu",
);

function lookup(name: string): number | undefined {
  const n = name.toLowerCase();
  return WEEKDAYS[n] ?? WEEKDAY_ABBREVIATIONS[n] ?? (n === "so" ? 7 : undefined);
}

export const recurringWeekdayParser: Parser = {
  pattern: () => PATTERN,
  extract(ctx, match) {
    const index = match.index ?? 0;
    let weekdays: number[] = [];
    if (match[1]) weekdays = [lookup(match[1]) ?? 0];
    else if (match[5]) weekdays = [1, 2, 3, 4, 5];
    else {
      const from = lookup(match[2] ?? "");
      const to = lookup(match[3] ?? "");
      if (!from || !to || from === to) return null;
      for (let d = from; ; d = (d % 7) + 1) {
        weekdays.push(d);
        if (d === to || weekdays.length > 7) break;
      }
    }
    if (weekdays.some((d) => d < 1)) return null;
    const week = (match[4] ?? "").toLowerCase();
    if (week) {
      // "Montag bis Mittwoch nächste Woche" names concrete days of that week
      const shift = week.startsWith("über") ? 14 : week.startsWith("dies") ? 0 : 7;
      const monday = weekStart(todayOf(ctx)) + shift;
      const first = weekdays[0] ?? 1;
      const last = weekdays[weekdays.length - 1] ?? 7;
      if (last < first) return null;
      const from = Math.max(monday + first - 1, todayOf(ctx));
      return atomResult(ctx, index, match[0], { kind: "dates", from, to: monday + last - 1, container: true });
    }
    return atomResult(ctx, index, match[0], { kind: "weekdays", weekdays });
  },
};

export const everyWeekdayParser: Parser = {
  pattern: () => JEDEN,
  extract(ctx, match) {
    const weekday = lookup(match[1] ?? "");
    const other = match[2] ? lookup(match[2]) : undefined;
    const weekdays = other && other !== weekday ? [weekday ?? 0, other] : [weekday ?? 0];
    return weekday ? atomResult(ctx, match.index ?? 0, match[0], { kind: "weekdays", weekdays }) : null;
  },
};
