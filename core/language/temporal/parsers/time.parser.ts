// Clock times and time windows: "um 9", "9:30", "9.30 Uhr", "16h", "halb zehn", "viertel nach acht",
// "ab 14 Uhr", "nicht vor 10", "bis 11", "zwischen 8 und 10", "14-16 Uhr". Windows constrain the start.
import type { Parser } from "chrono-node";
import { atomResult, textAfter, textBefore, WB, WE } from "./context.ts";
import type { Modifier } from "../atom.ts";

const NUMBER_WORDS = "eins|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf";
const HOUR_VALUE: Readonly<Record<string, number>> = {
  eins: 1, ein: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12,
};
const CLOCK =
  `(?:(?:halb|viertel\\s+nach|viertel\\s+vor|dreiviertel|drei\\s*viertel)\\s+(?:\\d{1,2}|${NUMBER_WORDS})` +
  `|\\d{1,2}(?:[:.]\\d{2})?|${NUMBER_WORDS})(?:\\s*(?:uhr|h)${WE})?`;
const PREFIX =
  "um|gegen|ca\\.?|circa|etwa|ungefähr|so\\s+um|so\\s+gegen|so\\s+ab|ab|nach|vor|bis|frühestens\\s+(?:um|gegen|ab)|spätestens\\s+(?:um|gegen)|frühestens|spätestens|erst\\s+ab|bis\\s+spätestens|spätestens\\s+bis|bis\\s+um";
const PATTERN = new RegExp(
  `${WB}(?:(zwischen|von)\\s+)?(?:(${PREFIX})\\s+)?(${CLOCK})(?:\\s*(und|bis|-)\\s*(${CLOCK}))?${WE}`,
  "iu",
);
/** A bare number followed by one of these is a quantity, not a time. */
const QUANTITY_AFTER =
  /^\s*(?:[.,]?\d|tage?n?|wochen?|monaten?|monate|jahren?|jahre|minuten|min\b|stunden?|personen|leute|kinder|erwachsene|euro|€|%|mal\b|stück|uhr\s*morgen)/iu;
const MORNING_CONTEXT = /^\s*(?:uhr\s+)?(?:morgens|früh|in\s+der\s+früh|nachts|am\s+morgen|vormittags?)/iu;
const EVENING_CONTEXT = /^\s*(?:uhr\s+)?(?:nachmittags?|abends?|am\s+nachmittag|am\s+abend)/iu;

/** "morgen früh um 6", "morgens gegen 5": a morning word right before keeps a small hour in the morning. */
const MORNING_BEFORE = /(?:früh|morgens|frühmorgens|in\s+der\s+früh|am\s+morgen)\s*,?\s*$/iu;

/** "um 16 Uhr Schluss", "bin um 15 Uhr fertig", "um 4 Feierabend": the time work ends. */
const WORK_ENDS_AFTER = /^\s*(?:uhr\s+)?(?:(?:schon|bereits|endlich|immer|meistens|da|dann)\s+)?(?:schluss|feierabend|dienstschluss|arbeitsschluss|fertig|frei(?!\s*\?))(?![\p{L}])/iu;

/** "11:40 oder später", "10 Uhr oder früher". */
const OR_LATER_AFTER = /^\s*(?:uhr\s+)?oder\s+(?:auch\s+|gern\s+|gerne\s+|noch\s+)?(später|spaeter|danach|früher|frueher|eher)(?![\p{L}])/iu;

/** "10.12", "4.11": day.month rather than a clock time (clock minutes in requests are multiples of five). */
function looksLikeDate(raw: string): boolean {
  const m = /^(\d{1,2})\.(\d{2})$/.exec(raw.trim());
  if (!m) return false;
  const day = Number(m[1]);
  const month = Number(m[2]);
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 && month % 5 !== 0;
}

interface Clock { minutes: number; explicit: boolean }

function readClock(raw: string): Clock | null {
  const text = raw.toLowerCase().replace(/\s+/g, " ").trim();
  const explicit = /(?:uhr|h)$/.test(text) || /\d:\d/.test(text) || /^(?:halb|viertel|drei\s*viertel|dreiviertel)\s/.test(text);
  const core = text.replace(/\s*(?:uhr|h)$/, "");
  const colloquial = /^(halb|viertel nach|viertel vor|dreiviertel|drei ?viertel) (\S+)$/.exec(core);
  if (colloquial) {
    const hour = Number(colloquial[2]) || HOUR_VALUE[colloquial[2] ?? ""] || 0;
    if (hour < 1 || hour > 24) return null;
    const offset = colloquial[1] === "halb" ? -30 : colloquial[1] === "viertel nach" ? 15 : -15;
    // "halb eins", "viertel vor eins": half past twelve at an office, never half past midnight
    const minutes = hour * 60 + offset;
    return { minutes: minutes < 60 ? minutes + 720 : minutes, explicit: true };
  }
  const digits = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(core);
  const hour = digits ? Number(digits[1]) : HOUR_VALUE[core];
  const minute = digits?.[2] ? Number(digits[2]) : 0;
  if (hour === undefined || hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return null;
  return { minutes: hour * 60 + minute, explicit };
}

/** Office-hours reading of small hours: "um 5" is 17:00 unless morning words say otherwise. */
function afternoonShift(minutes: number, after: string, before = ""): number {
  const hour = Math.floor(minutes / 60);
  if (EVENING_CONTEXT.test(after) && hour < 12) return minutes + 720;
  if (hour >= 1 && hour <= 6 && !MORNING_CONTEXT.test(after) && !MORNING_BEFORE.test(before)) return minutes + 720;
  return minutes;
}

function modifierOf(prefix: string, negated: boolean): Modifier | null {
  const p = prefix.toLowerCase();
  let mod: Modifier | null = null;
  if (/^(?:ab|nach|frühestens|erst|so ab)/.test(p)) mod = "after";
  else if (/^(?:vor|bis|spätestens)/.test(p)) mod = "before";
  if (negated && mod) mod = mod === "after" ? "before" : "after";
  return mod;
}

export const timeParser: Parser = {
  pattern: () => PATTERN,
  extract(ctx, match) {
    const index = match.index ?? 0;
    const end = index + match[0].length;
    const after = textAfter(ctx, end);
    const range = match[1]?.toLowerCase();
    const prefix = match[2] ?? "";
    const first = readClock(match[3] ?? "");
    if (!first) return null;
    // "4.12." is a date, "bis 4.12" before a dot as well
    if (/^\./.test(after) && /\.\d{2}$/.test(match[3] ?? "")) return null;
    const second = match[5] ? readClock(match[5]) : null;
    if (match[5] && !second) return null;
    if (second) {
      const connector = (match[4] ?? "").toLowerCase();
      if (!range && !second.explicit) return null;
      if (connector === "und" && range !== "zwischen") return null;
      let from = afternoonShift(first.minutes, after);
      let to = afternoonShift(second.minutes, after);
      if (to < from && to + 720 >= from) to += 720;
      if (to <= from) return null;
      return atomResult(ctx, index, match[0], {
        kind: "time", from, to, daypart: false, modifier: null, negationConsumed: false,
      });
    }
    // "von 9 auf 11 Uhr" moves a booking: "von 9" is the booked time, not the start of a window
    if (range === "von" && /^\s*(?:uhr\s+)?auf\s/iu.test(after)) {
      const minutes = afternoonShift(first.minutes, after);
      return atomResult(ctx, index, match[0], {
        kind: "time", from: minutes, to: minutes, daypart: false, modifier: null, negationConsumed: false,
      });
    }
    if (range) return null;
    if (!prefix && !first.explicit) return null;
    // "bis ein Pass fertig ist": "ein" without "Uhr" is the article
    if (!first.explicit && /^ein$/iu.test(match[3] ?? "")) return null;
    // "erst ab 10.12": a dotted pair whose minutes are no multiple of five is a day and month
    if (!first.explicit && looksLikeDate(match[3] ?? "")) return null;
    if (!first.explicit && QUANTITY_AFTER.test(after)) return null;
    if (/\d{2}$/.test(match[3] ?? "") && /^\s*[.,]\d/.test(after)) return null;
    const negated = /(?:nicht|net|ned|nich)\s+$/iu.test(textBefore(ctx, index, 8));
    let modifier = modifierOf(prefix, negated);
    // "ich hab um 16 Uhr Schluss": the end of work is when the citizen can start
    if (modifier === null && WORK_ENDS_AFTER.test(after)) modifier = "after";
    // "11:40 oder später", "um 9 oder früher": the time opens a window
    const either = modifier === null ? OR_LATER_AFTER.exec(after) : null;
    if (either) modifier = /^(?:frueher|früher|eher)/iu.test(either[1] ?? "") ? "before" : "after";
    const minutes = afternoonShift(first.minutes, after, textBefore(ctx, index, 24));
    const from = modifier === "before" ? 0 : minutes;
    const to = modifier === "after" ? 1440 : minutes;
    return atomResult(ctx, index, match[0], {
      kind: "time", from, to, daypart: false, modifier, negationConsumed: negated && modifier !== null,
    });
  },
};
