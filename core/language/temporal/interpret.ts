// The rule layer over temporal atoms (nlu.md §3.1 step 6): drop distractors, apply negation and
// open-ended modifiers, tell the existing appointment from the new wish, then intersect within the
// message and unite alternatives.
import { isoWeekday, weekStart, type DayNumber } from "../calendar.ts";
import {
  AFTER_COMPARISON, CANCELLED_AFTER, CANNOT_MAKE_AFTER, DATE_AFTER, DATE_AFTER_EXCLUSIVE, DATE_BEFORE, DATE_BEFORE_EXCLUSIVE, DISTRACTOR_CUES,
  EXISTING_BEFORE, EXISTING_CLAUSE, NEGATION_AFTER, NEGATION_BEFORE, NEW_WISH_BEFORE, NEW_WISH_DIRECT,
} from "../lexicon/temporal-cues.de.ts";
import { foldWithMap } from "../text/fold.ts";
import { clauseAt, splitClauses, type Clause } from "../text/segments.ts";
import type { Atom } from "./atom.ts";
import { resolveDates, resolveTimes, type DateInput, type DateSpan, type Span } from "./combine.ts";

export type Role = "wish" | "existing";

export interface TemporalSlots {
  dates: DateSpan[];
  weekdays: number[];
  excludedWeekdays: number[];
  excludedDates: DayNumber[];
  times: Span[];
  excludedTimes: Span[];
  existing: { date: DayNumber | null; time: number | null } | null;
}

interface Classified { atom: Atom; clause: number; negated: boolean; role: Role }

/** How far (characters) a distractor cue reaches from a date inside its clause. */
const DISTRACTOR_REACH = 40;
const WISH_MARKER = /\b(?:am besten|am liebsten|gerne?|bitte|moeglichst)\b/;

function classify(text: string, folded: string, atoms: Atom[], clauses: Clause[], reschedule: boolean, existingOnly: boolean): Classified[] {
  const out: Classified[] = [];
  let previous: Classified | null = null;
  for (const atom of atoms) {
    const clauseIndex = clauseAt(clauses, atom.index);
    const clause = clauses[clauseIndex] as Clause;
    const before = folded.slice(clause.start, atom.index);
    const after = folded.slice(atom.end, Math.max(atom.end, clause.end));
    // in a long unpunctuated clause, only cues near the atom describe it, and a wish marker opens the wish's own
    // segment ("… weil ich umgezogen bin, am besten Dienstag")
    const ownBefore = before.slice(-DISTRACTOR_REACH).split(WISH_MARKER).pop() ?? "";
    const outside = ownBefore + " " + after.slice(0, DISTRACTOR_REACH);
    if (DISTRACTOR_CUES.test(outside)) continue;
    const consumed = atom.payload.kind === "time" && atom.payload.negationConsumed;
    // "Freitag, den 3.12.": the date says it all, the weekday only repeats it
    const next = atoms[atoms.indexOf(atom) + 1];
    if (atom.payload.kind === "weekday" && next?.payload.kind === "dates" && !next.payload.container && next.index - atom.end <= 7 &&
      /^[\s,]*(?:den|der)?\s*$/.test(folded.slice(atom.end, next.index))) continue;
    let negated = !existingOnly && !consumed && (NEGATION_BEFORE.test(before) || NEGATION_AFTER.test(after));
    const bareAlternative = /^\s*(?:am|an|den|die|der|um|in|im)?\s*$/.test(before);
    const isContainer = atom.payload.kind === "dates" && atom.payload.container;
    if (!negated && bareAlternative && !isContainer && previous?.negated && previous.clause === clauseIndex - 1 &&
      ["oder", "und", ","].includes(clause.connector)) negated = true;
    let role: Role = "wish";
    // "Ich kann am 2.12. nicht, stattdessen …": in a reschedule the day one cannot make is the booked one
    const cannotMake = reschedule && negated && atom.payload.kind !== "time" && !NEGATION_BEFORE.test(before) && CANNOT_MAKE_AFTER.test(after);
    if (existingOnly) role = "existing";
    else if (cannotMake) {
      negated = false;
      role = "existing";
    } else if (reschedule && atom.payload.kind === "dates" && atom.payload.container) {
      // a booked appointment is one day; a week or month is where the new one should go
      role = "wish";
    } else if (reschedule) {
      const sentenceBefore = folded.slice(Math.max(0, atom.index - 60), atom.index);
      const near = folded.slice(Math.max(0, atom.index - 24), atom.index);
      if (CANCELLED_AFTER.test(after)) role = "existing";
      else if (NEW_WISH_BEFORE.test(near) || NEW_WISH_DIRECT.test(near) || AFTER_COMPARISON.test(sentenceBefore)) role = "wish";
      // "Neu: 3.12. vormittags": a slot right after another shares its role
      else if (previous && previous.clause === clauseIndex && /^[\s,]*(?:um|gegen|ab)?\s*$/.test(folded.slice(previous.atom.end, atom.index))) role = previous.role;
      else if (EXISTING_CLAUSE.test(folded.slice(clause.start, clause.end))) role = "existing";
      else if (EXISTING_BEFORE.test(sentenceBefore)) role = "existing";
    }
    const item: Classified = { atom, clause: clauseIndex, negated, role };
    out.push(item);
    previous = item;
  }
  void text;
  return out;
}

/** "ab dem 7.12." → [7.12., open); "bis Freitag" → [today, Freitag]. */
function withDateModifier(span: DateSpan, before: string, today: DayNumber): DateSpan {
  if (DATE_AFTER_EXCLUSIVE.test(before)) return { from: span.to === null ? span.from : span.to + 1, to: null, container: true };
  if (DATE_AFTER.test(before)) return { from: span.from, to: null, container: true };
  if (DATE_BEFORE_EXCLUSIVE.test(before)) return { from: today, to: span.from - 1, container: true };
  if (DATE_BEFORE.test(before)) return { from: today, to: span.to ?? span.from, container: true };
  return span;
}

export function interpretTemporal(
  text: string, input: Atom[], today: DayNumber, mode: "wish" | "existing" | "reschedule",
): TemporalSlots {
  // cue patterns are written for folded text, so every offset is translated into it
  const { folded, map } = foldWithMap(text);
  let atoms = input;
  const at = (i: number): number => map[Math.min(Math.max(i, 0), map.length - 1)] ?? 0;
  const clauses = splitClauses(text).map((c) => ({ ...c, start: at(c.start), end: at(c.end) }));
  atoms = atoms.map((a) => ({ ...a, index: at(a.index), end: at(a.end) }));
  const items = classify(text, folded, atoms, clauses, mode === "reschedule", mode === "existing");
  const slots: TemporalSlots = {
    dates: [], weekdays: [], excludedWeekdays: [], excludedDates: [], times: [], excludedTimes: [], existing: null,
  };
  const wishes = items.filter((i) => i.role === "wish" && !i.negated);
  // A weekday next to a weekday anchored in a week ("Di oder Do nächste Woche") belongs to that week.
  const anchor = wishes.find((i) => i.atom.payload.kind === "weekday" && i.atom.payload.anchored);
  const dateInputs: DateInput[] = [];
  for (const item of wishes) {
    const p = item.atom.payload;
    const before = folded.slice(Math.max(0, item.atom.index - 28), item.atom.index);
    if (p.kind === "weekdays") slots.weekdays.push(...p.weekdays);
    else if (p.kind === "dates") dateInputs.push({ span: withDateModifier({ from: p.from, to: p.to, container: p.container }, before, today), weekday: null });
    else if (p.kind === "weekday") {
      const reanchor = !p.anchored && anchor && anchor.atom.payload.kind === "weekday";
      const day = reanchor && anchor.atom.payload.kind === "weekday" ? weekStart(anchor.atom.payload.day) + p.weekday - 1 : p.day;
      const span = withDateModifier({ from: day, to: day, container: false }, before, today);
      const filter = span.container || p.anchored || reanchor ? null : p.weekday;
      dateInputs.push({ span, weekday: filter });
    }
  }
  slots.dates = resolveDates(dateInputs);
  slots.times = resolveTimes(wishes.filter((i) => i.atom.payload.kind === "time").map((i) => ({
    span: i.atom.payload.kind === "time" ? { from: i.atom.payload.from, to: i.atom.payload.to } : { from: 0, to: 0 },
    alternative: /\boder\b/.test(folded.slice(Math.max(0, i.atom.index - 12), i.atom.index)),
  })));
  // "nächste Woche, aber nicht Montag": a negated weekday names the days of the wished span
  const spans = dateInputs.map((i) => i.span).filter((s) => s.container && s.to !== null && s.to - s.from < 7);
  for (const item of items.filter((i) => i.negated && i.role === "wish")) {
    const p = item.atom.payload;
    if (p.kind === "weekdays") slots.excludedWeekdays.push(...p.weekdays);
    else if (p.kind === "weekday" && !p.anchored && spans.length > 0) {
      for (const s of spans) for (let d = s.from; d <= (s.to ?? s.from); d++) if (isoWeekday(d) === p.weekday) slots.excludedDates.push(d);
    } else if (p.kind === "weekday") slots.excludedDates.push(p.day);
    else if (p.kind === "dates") for (let d = p.from; d <= p.to && d - p.from < 62; d++) slots.excludedDates.push(d);
    else slots.excludedTimes.push({ from: p.from, to: p.to });
  }
  const existing = items.filter((i) => i.role === "existing" && !i.negated);
  if (existing.length > 0) {
    const date = existing.find((i) => i.atom.payload.kind === "dates" || i.atom.payload.kind === "weekday");
    const time = existing.find((i) => i.atom.payload.kind === "time" && i.atom.payload.from === i.atom.payload.to);
    const dp = date?.atom.payload;
    const tp = time?.atom.payload;
    const day = dp?.kind === "weekday" ? dp.day : dp?.kind === "dates" && dp.from === dp.to ? dp.from : null;
    const minutes = tp?.kind === "time" ? tp.from : null;
    if (day !== null || minutes !== null) slots.existing = { date: day, time: minutes };
  }
  return slots;
}
