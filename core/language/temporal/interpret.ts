// The rule layer over temporal atoms (nlu.md §3.1 step 6): drop distractors, apply negation and
// open-ended modifiers, tell the existing appointment from the new wish, then intersect within the
// message and unite alternatives.
import { civilDate, dayNumber, isoWeekday, isValidDay, weekStart, type DayNumber } from "../calendar.ts";
import {
  ABSENCE_CUES, AFTER_COMPARISON, APPOINTMENT_DATE_BEFORE, DAY_OFF, NEGATED_TIME_BOUND, AVAILABLE_CUES, BOOKED_PARTICIPLE, BUSY_CUES, CANCELLED_AFTER, CANNOT_MAKE_AFTER, COMPARED_AWAY_BEFORE,
  DATE_AFTER, DATE_AFTER_EXCLUSIVE, EVENT_PLACE_BEFORE, PASSIVE_RELATIVE_AFTER, EFFECTIVE_DATE_BEFORE, REGISTRATION_AFTER, DATE_BEFORE, DATE_BEFORE_EXCLUSIVE, DISTRACTOR_CUES, EVENT_AFTER, EVENT_BEFORE, EVENT_TARGET_AFTER, EXISTING_BEFORE,
  EXISTING_CLAUSE, HAVE_SLOT_CLAUSE, LATER_EARLIER_BEFORE, MOVE_VERB, MOVED_FROM_AFTER, MOVED_FROM_BEFORE, NEGATION_AFTER, NEGATION_AFTER_BREAK,
  NEGATION_BEFORE, NEW_WISH_BEFORE, NEW_WISH_DIRECT, PERFECT_TENSE, REASON_CONNECTORS, REPLACED_BEFORE, SIMPLE_PAST, START_CUES,
  EXCEPT_BEFORE, GOT_SLOT, HAVE_APPOINTMENT_SENTENCE, APPOINTMENT_SUBJECT_LINE, HEADER_LINE, HOURS_LINE, LETTER_DATE_LINE, PASSIVE_PARTICIPLE_AFTER, PASSIVE_BEFORE, OPEN_QUESTION, SAME_DAY, SHIFT, SLOT_WORDS, TRAVEL_CUES, PAST_ACTION_AFTER, PAST_AUXILIARY_BEFORE, PAST_AUXILIARY_AFTER,
} from "../lexicon/temporal-cues.de.ts";
import { numberFromToken } from "../lexicon/calendar-words.de.ts";
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

type Slot = "date" | "time";

interface Classified {
  atom: Atom; clause: number; negated: boolean; role: Role;
  /** A time in a clause about being busy ("ich arbeite bis 16 Uhr"): when the citizen cannot come. */
  busy: boolean;
  /** The kinds of slot in the run of adjacent atoms this one belongs to ("Dienstag 9 Uhr" = date + time). */
  group: ReadonlySet<Slot>;
}

/** How far (characters) a distractor cue reaches from a date inside its clause. */
const DISTRACTOR_REACH = 40;
const WISH_MARKER = /\b(?:am besten|am liebsten|gerne?|bitte|moeglichst)\b/;
const ASIDE_DASH = /\s-\s/;
/** How far back a day read as next year's may lie to count as "just happened". */
const RECENT_PAST_DAYS = 60;

/** About the first / last `n` characters, never cutting a word ("kinderreise|pass" is no "Reise"). */
function firstWords(text: string, n: number): string {
  const cut = text.slice(0, n);
  return cut + (/^\w+/.exec(text.slice(n))?.[0] ?? "");
}
function lastWords(text: string, n: number): string {
  if (text.length <= n) return text;
  return text.slice(-n).replace(/^\w+/, "");
}

/** The text after the last verb of moving ("… verschieben, Freitag wäre gut"): a marker of the booking must follow it. */
function afterMoveVerb(text: string): string {
  let end = 0;
  for (const m of text.matchAll(MOVE_VERB)) end = (m.index ?? 0) + m[0].length;
  return text.slice(end);
}

/** The article or preposition an atom starts with ("dem 15.", "ab dem 7.12."): modifiers before it reach through it. */
const LEAD_IN = /^(?:ab dem|bis zum|auf einen|auf den|auf die|am|an|auf|den|dem|der|zum|vom|im)\s+/;
function leadIn(folded: string, atom: Atom): string {
  return LEAD_IN.exec(folded.slice(atom.index, atom.end))?.[0] ?? "";
}

const slotOf = (atom: Atom): Slot => (atom.payload.kind === "time" ? "time" : "date");

/** The clause of an atom, widened to the whole reason ("weil ich morgens und abends die Kinder betreue"). */
function reasonScope(folded: string, clauses: Clause[], index: number): string {
  let first = index;
  while (first > 0 && ["und", "oder"].includes(clauses[first]?.connector ?? "")) first--;
  if (!REASON_CONNECTORS.has(clauses[first]?.connector ?? "")) first = index;
  let last = index;
  if (first !== index || REASON_CONNECTORS.has(clauses[index]?.connector ?? "")) {
    while (last + 1 < clauses.length && ["und", "oder"].includes(clauses[last + 1]?.connector ?? "")) last++;
  }
  return folded.slice(clauses[first]?.start ?? 0, clauses[last]?.end ?? folded.length);
}

/** A time atom the citizen is busy at: in a clause with a busy cue and without a word of availability. */
function isBusy(atom: Atom, scope: string): boolean {
  if (atom.payload.kind !== "time" || atom.payload.vague) return false;
  return BUSY_CUES.test(scope) && !AVAILABLE_CUES.test(scope);
}

/** The clause with its temporal atoms cut out, for "Ich habe Mittwoch 8 Uhr". */
function clauseWithoutAtoms(folded: string, clause: Clause, atoms: Atom[]): string {
  let out = "";
  let at = clause.start;
  for (const a of atoms) {
    if (a.end <= clause.start || a.index >= clause.end) continue;
    out += folded.slice(at, Math.max(at, a.index)) + " ";
    at = Math.max(at, a.end);
  }
  return out + folded.slice(at, clause.end);
}

/** "ich habe für Donnerstag, den 26.11., um 10:40 Uhr einen Termin": the slot stands between "ich habe" and "einen Termin". */
function slotBeforeHaveAppointment(folded: string, atom: Atom): boolean {
  const { text, at } = sentenceOf(folded, atom);
  const m = HAVE_APPOINTMENT_SENTENCE.exec(text);
  return m !== null && m[0].length > at;
}

/** The sentence around an atom and where the atom starts in it; dots inside dates ("26.11.,") do not end it. */
function sentenceOf(folded: string, atom: Atom): { text: string; at: number } {
  const head = folded.slice(Math.max(0, atom.index - 160), atom.index);
  const starts = [...head.matchAll(/(?:[!?\n]|(?<!\d)\.(?=\s))/g)];
  const startCut = starts.length > 0 ? (starts[starts.length - 1]?.index ?? -1) + 1 : 0;
  const tail = folded.slice(atom.end, atom.end + 160);
  const end = /(?:[!?\n]|(?<!\d)\.(?=\s|$))/.exec(tail);
  return { text: head.slice(startCut) + folded.slice(atom.index, atom.end) + tail.slice(0, end ? end.index : tail.length), at: head.length - startCut };
}

/** The text inside the brackets around a position ("(Flug LH 400, 10:15 Uhr)"), or null. */
function bracketText(folded: string, index: number): string | null {
  const open = folded.lastIndexOf("(", index);
  if (open < 0 || index - open > 80) return null;
  const closeBefore = folded.indexOf(")", open);
  if (closeBefore >= 0 && closeBefore < index) return null;
  const close = folded.indexOf(")", index);
  return close < 0 || close - open > 120 ? null : folded.slice(open + 1, close);
}

/** A day read as next year's that is paired with "gestern" or a weekday it only had on its date this year. */
function passedPair(folded: string, atom: Atom, out: Classified[], today: DayNumber): boolean {
  if (!recentlyPassed(atom, today) || atom.payload.kind !== "dates") return false;
  const lastYear = atom.payload.from - (civilDate(atom.payload.from).year % 4 === 0 && civilDate(atom.payload.from).month > 2 ? 366 : 365);
  const before = folded.slice(Math.max(0, atom.index - 16), atom.index);
  if (/\b(?:gestern|vorgestern|letzte[nmrs]?|vergangene[nmrs]?)\s*[(,]?\s*(?:den\s+|am\s+)?$/.test(before)) return true;
  const last = out[out.length - 1];
  return !!last && last.atom.payload.kind === "weekday" && atom.index - last.atom.end <= 4 &&
    /^[\s,(]*(?:den\s+)?$/.test(folded.slice(last.atom.end, atom.index)) && isoWeekday(lastYear) === last.atom.payload.weekday &&
    isoWeekday(atom.payload.from) !== last.atom.payload.weekday;
}

/** The text from the start of the atom's line (or signature field after "|") up to the atom. */
function lineBefore(folded: string, index: number): string {
  const start = Math.max(folded.lastIndexOf("\n", index - 1), folded.lastIndexOf("|", index - 1)) + 1;
  return folded.slice(start, index);
}

/** A self-repair between two days: "Dienstag – nein, doch lieber Mittwoch", "nächste Woche – Korrektur, übernächste". */
const REPAIR_GAP = /\b(?:ach\s+ne(?:e|in)?|nee|nein|korrektur|korrigiere|quatsch|doch\s+(?:lieber|eher|besser))\b/;
/** … or the day is unavailable and another follows: "Samstag habt ihr ja zu, also Montag", "Heute ist ja Feiertag – nächsten Dienstag". */
const UNAVAILABLE_GAP = /\b(?:geschlossen|feiertag|silvester|heiligabend|weihnachten|samstag|sonntag|zahnarzt|arzt|keine zeit)\b|\bzu(?=\s*(?:[,;:–-]|$))/;
const FALLBACK_END = /(?:\s[–-]|\b(?:also|dann|deshalb|daher|stattdessen|lieber))(?:\s+\S+){0,3}?\s*$/;
function withdrawn(folded: string, atoms: Atom[], atom: Atom): boolean {
  let k = atoms.indexOf(atom) + 1;
  // skip a weekday that only names this day ("morgen ist Samstag – also Montag")
  let named = false;
  while (atoms[k]?.payload.kind === "weekday" && /\b(?:ist|waere)\s+(?:ja\s+|doch\s+|aber\s+|schon\s+)?$/.test(folded.slice(atom.end, (atoms[k] as Atom).index))) {
    k++;
    named = true;
  }
  const next = atoms[k];
  if (!next || next.payload.kind === "time" || next.index - atom.end > 70) return false;
  const gap = folded.slice(atom.end, next.index) + leadIn(folded, next);
  return REPAIR_GAP.test(gap) || ((named || UNAVAILABLE_GAP.test(gap)) && FALLBACK_END.test(gap));
}

const OTHER_SCHEDULE_BEFORE =
  /\b(?:der|die|das)\s+(?!termin)[a-z]\w*\s+(?:kommt|kimmt|faehrt|landet|startet|beginnt|endet|geht|schliesst)\s+(?:(?:erst|schon|immer|meist|meistens|leider)\s+)*(?:um|gegen|ab)?\s*$/;
/** "kann ich dafür gleich einen Termin am Mittwoch haben": asking for a slot, not naming the booked one. */
const NEW_SLOT_REQUEST = /(?<!\b(?:hab\w*|hatte\w*|hat|gibt|ist|war)\b[^,.;!?]{0,24})\beinen\s+(?:neuen\s+)?termin\s+(?:am|fuer|um)\s+$/;
/** "Mein Termin für die Geburtsurkunde ist am 2.12.": the booking one has, stated. */
const OWN_BOOKING_IS =
  /\b(?:mein\w*|unser\w*|sein\w*|ihr\w*)\s+\w*termin\w*\b(?:(?!\b(?:verschieb|verleg|tausch|umbuch|gegen\b|auf\b|statt\b))[^.;!?]){0,45}(?:\b(?:ist|war|liegt|waere)\s+(?:(?:am|fuer den|um|der)\s+)?|\b(?:am|vom|fuer den)\s+(?:[a-z]+,?\s+(?:den\s+)?)?)$/;
const WEEK_AFTER = /\b(?:(?:die|der)\s+woche\s+(?:danach|darauf)|folgewoche|(?:die|der)\s+(?:darauf)?folgenden?\s+woche)\b/;

/** "noch nicht umgemeldet 🙈 geht diese Woche": an emoji ends the sentence the negation was in. */
function emojiAfterNegation(before: string): boolean {
  const tail = before.slice(-40);
  const k = tail.lastIndexOf("nicht");
  return k >= 0 && /\p{Extended_Pictographic}/u.test(tail.slice(k));
}

/** "…, der ab Februar …": the atom opens a relative clause. */
function relativeClauseStart(clause: Clause, before: string): boolean {
  return clause.connector === "," && /^\s*(?:der|die|das|welche[rs]?)\s+(?:\S+\s+){0,3}$/.test(before);
}

/** A slot followed by "auf <another slot>" in its sentence: the one being moved ("Freitag 10:40 auf Freitag 11:40"). */
const ONTO_GAP = /^[\s,]*(?:[^.!?;\n\s]+\s+){0,3}?auf\s+(?:(?:den|die|der|das|einen|eine|kommende[nmrs]?|naechste[nmrs]?)\s+)?$/;
const ADJACENT_GAP = /^[\s,]*(?:um|gegen|den|der)?\s*$/;
function movedOnto(folded: string, atoms: Atom[], atom: Atom): boolean {
  if (atom.payload.kind === "dates" && atom.payload.container) return false;
  let k = atoms.indexOf(atom);
  while (k + 1 < atoms.length && ADJACENT_GAP.test(folded.slice((atoms[k] as Atom).end, (atoms[k + 1] as Atom).index))) k++;
  const last = atoms[k] as Atom;
  const next = atoms[k + 1];
  if (!next || next.index - last.end > 40) return false;
  return ONTO_GAP.test(folded.slice(last.end, next.index));
}
const BARE_APPOINTMENT_BEFORE = /\w*termin\s+$/;
/** "verschieben, Termin Freitag", "verlegen auf Termin …": after a verb that names its target, the slot is the new one. */
const MOVE_VERB_TARGET = /\b(?:verschieb\w*|verleg\w*|umbuch\w*|umleg\w*|schieb\w*|tausch\w*|aender\w*)\s*(?:[,:;-]|auf\b|zu\b)/;
const MOVED_BY_VERB_AFTER =
  /^(?:\s+(?!(?:auf|zu|nach|in|an|bis|ab)\b)[^\s,.;!?]+){0,7}?\s+(?:verschieb\w*|verschoben|verleg\w*|verlegt|umbuch\w*|umgebucht)\b/;

/** "Termin (Personalausweis, 25.11., 10:45)", "der gebuchte Termin (Mittwoch, 25.11., 07:45 Uhr)": the booking in brackets. */
function inAppointmentBrackets(folded: string, index: number): boolean {
  const window = folded.slice(Math.max(0, index - 80), index);
  const open = window.lastIndexOf("(");
  if (open < 0 || window.indexOf(")", open) >= 0) return false;
  return /\btermin\w*(?:\s+[^\s()]+){0,5}\s*$/.test(window.slice(0, open));
}

/** "05.01. 16:00 → 12.01. 16:00", "Do 11:00 -> lieber KW 50": before the arrow is the booking, after it the wish. */
const ARROW = /->|=>|→|⇒|➔/;
function beforeArrow(folded: string, atom: Atom): boolean | null {
  const lineStart = folded.lastIndexOf("\n", atom.index - 1) + 1;
  const lineEnd = folded.indexOf("\n", atom.end);
  const rest = folded.slice(atom.end, lineEnd < 0 ? folded.length : lineEnd);
  if (ARROW.test(folded.slice(lineStart, atom.index))) return false;
  return ARROW.test(rest) ? true : null;
}

/** "am Freitag habe ich … gebucht", "ich habe am Samstag … gefunden": a weekday of something done is in the past. */
function pastWeekday(folded: string, atom: Atom, clause: Clause): boolean {
  if (atom.payload.kind !== "weekday" || atom.payload.anchored) return false;
  const sentenceStart = Math.max(folded.lastIndexOf(".", atom.index - 1), folded.lastIndexOf("\n", atom.index - 1), folded.lastIndexOf("?", atom.index - 1),
    folded.lastIndexOf("!", atom.index - 1)) + 1;
  const before = folded.slice(sentenceStart, atom.index);
  if (!/\bam\s*$/.test(before) || /\b(?:fuer|termin\w*)\b[^,.;!?]{0,20}$/.test(before)) return false;
  // "Ist irgendwas am Mittwoch eingetragen?": a question about a state, not something done
  if (/^\s*(?:ist|sind|wurde|wurden|war)\b/.test(before)) return false;
  const after = folded.slice(atom.end, Math.min(folded.length, atom.end + 160));
  if (!PAST_AUXILIARY_BEFORE.test(before) && !PAST_AUXILIARY_AFTER.test(after)) return false;
  // "ich habe am Dienstag um 14:10 einen Termin gebucht": a clock time makes the weekday the booked slot
  if (/^[\s,]*(?:um|gegen|ab)?\s*\d{1,2}(?:[:.]\d{2})?\s*(?:uhr)?\b/.test(after)) return false;
  void clause;
  return PAST_ACTION_AFTER.test(after);
}

/** A day without a year that has just passed this year and was therefore read as next year's. */
function recentlyPassed(atom: Atom, today: DayNumber): boolean {
  if (atom.payload.kind !== "dates" || atom.payload.container || /\d{4}/.test(atom.text)) return false;
  const { year, month, day } = civilDate(atom.payload.from);
  if (year !== civilDate(today).year + 1 || !isValidDay(year - 1, month, day)) return false;
  const lastYear = dayNumber(year - 1, month, day);
  return lastYear < today && lastYear >= today - RECENT_PAST_DAYS;
}

/** "für Mittwoch und Donnerstag auf Schulung": a day listed right before a dropped day shares its cue. */
function dropListedBefore(out: Classified[], atom: Atom, folded: string): void {
  const last = out[out.length - 1];
  if (!last || last.atom.payload.kind === "time" || atom.payload.kind === "time") return;
  if (atom.index - last.atom.end <= 8 && /^\s*(?:,|und|oder|bzw\.?|sowie)\s*$/.test(folded.slice(last.atom.end, atom.index))) out.pop();
}

function classify(
  text: string, folded: string, atoms: Atom[], clauses: Clause[], reschedule: boolean, existingOnly: boolean, today: DayNumber,
): Classified[] {
  const out: Classified[] = [];
  let previous: Classified | null = null;
  // where the text before the next atom begins: a cue never reaches past another temporal expression
  let lastEnd = 0;
  for (const atom of atoms) {
    const clauseIndex = clauseAt(clauses, atom.index);
    const clause = clauses[clauseIndex] as Clause;
    const before = folded.slice(clause.start, atom.index);
    let after = folded.slice(atom.end, Math.max(atom.end, clause.end));
    const nextClause = clauses[clauseIndex + 1];
    // "Di passt aber nicht": the break at "aber" does not cut the negation off
    if (nextClause?.connector === "aber" && NEGATION_AFTER_BREAK.test(folded.slice(nextClause.start, nextClause.end))) {
      after = folded.slice(atom.end, Math.max(atom.end, nextClause.end));
    }
    // in a long unpunctuated clause, only cues near the atom describe it, and a wish marker opens the wish's own
    // segment ("… weil ich umgezogen bin, am besten Dienstag")
    // a spaced dash ends an aside ("für die Hochzeitsreise im März - haben Sie nächste Woche etwas?")
    const ownBefore = lastWords(before, DISTRACTOR_REACH).split(WISH_MARKER).pop()?.split(ASIDE_DASH).pop() ?? "";
    const outside = ownBefore + " " + (firstWords(after, DISTRACTOR_REACH).split(ASIDE_DASH)[0] ?? "");
    const sinceLast = folded.slice(Math.max(lastEnd, atom.index - 60), atom.index);
    const isDate = atom.payload.kind !== "time";
    // "hab Montag Urlaub" is a day off; "für meinen Termin am 4.12. … bekommen" in a status question is the booking
    // "morgen ist Samstag": a weekday that only names another day
    if (atom.payload.kind === "weekday" && /\b(?:heute|morgen|uebermorgen|das|der)\s+(?:ist|waere)\s+(?:ja\s+|doch\s+|aber\s+|schon\s+)?$/.test(folded.slice(Math.max(0, atom.index - 30), atom.index))) {
      lastEnd = atom.end;
      continue;
    }
    // "Samstag – ach ne, … dann Montag", "morgen ist ja Silvester, also am Montag": a day taken back for the next one
    if (isDate && withdrawn(folded, atoms, atom)) {
      dropListedBefore(out, atom, folded);
      lastEnd = atom.end;
      continue;
    }
    const keepDate = DAY_OFF.test(folded.slice(clause.start, clause.end)) || (existingOnly && APPOINTMENT_DATE_BEFORE.test(before)) ||
      GOT_SLOT.test(folded.slice(clause.start, clause.end));
    // signature office hours ("Sprechzeiten: Mo–Fr 8–16 Uhr"), dates already past ("geb. 03.04.1961")
    const clauseText0 = folded.slice(clause.start, clause.end);
    const line = lineBefore(folded, atom.index);
    const letterDate = HEADER_LINE.test(line) || (atom.payload.kind === "dates" && /\d{4}\s*$/.test(atom.text) &&
      LETTER_DATE_LINE.test(line) && /^\s*(?:\n|$)/.test(folded.slice(atom.end, atom.end + 3)));
    const bracket = bracketText(folded, atom.index);
    if (bracket !== null && (DISTRACTOR_CUES.test(bracket) || ABSENCE_CUES.test(bracket)) && !keepDate) {
      lastEnd = atom.end;
      continue;
    }
    // "am Samstag (21.11.)", "gestern (22.11.)": a day that has just passed, named with its weekday or "gestern"
    if (isDate && passedPair(folded, atom, out, today)) {
      const last = out[out.length - 1];
      if (last && last.atom.payload.kind === "weekday" && atom.index - last.atom.end <= 4) out.pop();
      lastEnd = atom.end;
      continue;
    }
    // (a question whether the office is open keeps its day: "Habt ihr morgen offen?" is answered for that day)
    if (letterDate || HOURS_LINE.test(line.split(/[?!]/).pop() ?? "") || (atom.payload.kind === "dates" && atom.payload.to < today)) {
      lastEnd = atom.end;
      continue;
    }
    if ((DISTRACTOR_CUES.test(outside) || (isDate && TRAVEL_CUES.test(outside)) || (isDate && pastWeekday(folded, atom, clause))) && !keepDate) {
      dropListedBefore(out, atom, folded);
      lastEnd = atom.end;
      continue;
    }
    // the date of an event, a start or an absence ("Abflug am 22.12.", "Beginn ist am 1. Januar", "im Dezember im Ausland")
    // "habe am 10.11. angemeldet", "SMS vom 28.12.", "gest. 20.11.": a day of the last weeks without a year is a past
    // event, never a wish eleven months ahead
    if (isDate && recentlyPassed(atom, today)) {
      lastEnd = atom.end;
      continue;
    }
    // "der Zug kommt erst um halb zehn", "die Schule endet um 13 Uhr": the time of someone else's schedule
    if (atom.payload.kind === "time" && !atom.payload.daypart && !existingOnly && OTHER_SCHEDULE_BEFORE.test(ownBefore)) {
      lastEnd = atom.end;
      continue;
    }
    // "Können die Pässe bis zum 5. Januar fertig sein?": when a document should be ready, not the appointment
    if (isDate && DATE_BEFORE.test(folded.slice(Math.max(0, atom.index - 24), atom.index) + leadIn(folded, atom)) &&
      /^\s*(?:\S+\s+){0,2}?fertig\b/.test(after)) {
      lastEnd = atom.end;
      continue;
    }
    // "der Wagen wird am 12.12. verschrottet": what happens to something else on that day
    const passive = !existingOnly && !reschedule && PASSIVE_BEFORE.test(ownBefore) && PASSIVE_PARTICIPLE_AFTER.test(after);
    // ("Termin zur Anmeldung der Trauung Anfang Januar": the appointment for the event's paperwork, not the event)
    const eventDate = ((EVENT_BEFORE.test(ownBefore) || EVENT_PLACE_BEFORE.test(ownBefore) || EVENT_AFTER.test(after)) && !EVENT_TARGET_AFTER.test(after) &&
      !/\b(?:termin\w*\s+(?:zur|zum|fuer die|fuer den)|anmeldung\s+(?:der|zur|einer|unserer))\s+\w+\s*$/.test(ownBefore)) ||
      passive || (!reschedule && !existingOnly && PASSIVE_RELATIVE_AFTER.test(after) && relativeClauseStart(clause, folded.slice(clause.start, atom.index) + leadIn(folded, atom))) ||
      (!reschedule && EFFECTIVE_DATE_BEFORE.test(ownBefore + leadIn(folded, atom)) && REGISTRATION_AFTER.test(folded.slice(atom.end, atom.end + 80)));
    if (isDate && !keepDate && (ABSENCE_CUES.test(outside) || START_CUES.test(outside) || eventDate)) {
      dropListedBefore(out, atom, folded);
      lastEnd = atom.end;
      continue;
    }
    const consumed = atom.payload.kind === "time" && atom.payload.negationConsumed;
    // "Freitag, den 3.12.": the date says it all, the weekday only repeats it
    const next = atoms[atoms.indexOf(atom) + 1];
    if (atom.payload.kind === "weekday" && next?.payload.kind === "dates" && !next.payload.container && next.index - atom.end <= 7 &&
      /^[\s,]*(?:den|der)?\s*$/.test(folded.slice(atom.end, next.index))) continue;
    // ("vormittags aber nicht vor 9": the negation belongs to the bound, not to the day part)
    const afterOwn = isDate || (atom.payload.kind === "time" && atom.payload.daypart) ? after.replace(NEGATED_TIME_BOUND, "") : after;
    // "nicht Mittwoch sondern Donnerstag": what follows "sondern" is the wish
    // "… nicht am 31.12. Viertel vor 9 wäre gut": a negation does not reach into the next sentence
    const prevAtom = atoms[atoms.indexOf(atom) - 1];
    const newSentence = prevAtom !== undefined && /\.$/.test(prevAtom.text) && /^\s+$/.test(folded.slice(prevAtom.end, atom.index)) && /^\p{Lu}/u.test(atom.text);
    // "falls das nicht geht, den 5.1.", "noch nicht umgemeldet 🙈 geht diese Woche": a condition or an emoji ends the negation's reach
    const negatedBefore = !newSentence && NEGATION_BEFORE.test(before) && !/\b(?:sondern|stattdessen|lieber)\s+(?:\S+\s+){0,2}$/.test(before) &&
      !/\b(?:falls|wenn|sofern)\s+(?:\S+\s+){0,3}nicht\b(?:\s+\S+){0,3}\s*$/.test(before) && !emojiAfterNegation(before);
    let negated = !existingOnly && !consumed && (negatedBefore || NEGATION_AFTER.test(afterOwn));
    const bareAlternative = /^\s*(?:am|an|den|die|der|um|in|im)?\s*$/.test(before);
    const isContainer = atom.payload.kind === "dates" && atom.payload.container;
    // "Mittwoch und Freitag kann ich nicht": a day listed right before a negated one is negated with it
    if (negated && previous && !previous.negated && previous.role === "wish" && slotOf(previous.atom) === slotOf(atom) &&
      !WISH_MARKER.test(folded.slice(Math.max(0, previous.atom.index - 30), previous.atom.index).split(/[!?\n]|(?<!\d)\.(?=\s)/).pop() ?? "") &&
      previous.atom.payload.kind === atom.payload.kind && /^\s*(?:,|und|oder|sowie)\s*$/.test(folded.slice(previous.atom.end, atom.index)) &&
      !NEGATION_BEFORE.test(before)) previous.negated = true;
    if (!negated && bareAlternative && afterOwn === after && !isContainer && previous?.negated && previous.clause === clauseIndex - 1 &&
      ["oder", "und", ","].includes(clause.connector) && slotOf(previous.atom) === slotOf(atom)) negated = true;
    // "Dienstags habe ich Unterricht", "Unter der Woche arbeiten wir": recurring days one is busy are excluded
    if (!existingOnly && !negated && atom.payload.kind === "weekdays") {
      let last = clauseIndex;
      while (last + 1 < clauses.length && ["und", "oder"].includes(clauses[last + 1]?.connector ?? "")) last++;
      const scope = folded.slice(clause.start, clauses[last]?.end ?? clause.end);
      if (BUSY_CUES.test(scope) && !AVAILABLE_CUES.test(scope) && !/\b(?:geht|nur)\b/.test(scope)) negated = true;
    }
    const busy = !existingOnly && !negated && isBusy(atom, reasonScope(folded, clauses, clauseIndex));
    let role: Role = "wish";
    // "Ich kann am 2.12. um 9 nicht, stattdessen …": in a reschedule the slot one cannot make is the booked one
    const isExactTime = atom.payload.kind === "time" && !atom.payload.daypart && atom.payload.from === atom.payload.to;
    // … once the booked day is known, a day one cannot make is excluded from the wish ("nur am Mittwoch nicht")
    // ("schaff es heute um 14 Uhr nicht": the verb of managing before the slot, the "nicht" after it)
    const cannotMakeAround = /\b(?:schaff\w*|kann|koennen|klappt)\s+(?:(?:es|ich|wir|das|leider)\s+)*(?:[^\s,.;!?]+\s+){0,2}$/.test(before) && /^[^,.;!?]{0,20}\bnicht\b/.test(after);
    const cannotMake = reschedule && negated && (isDate || isExactTime) && (cannotMakeAround || (!NEGATION_BEFORE.test(before) && CANNOT_MAKE_AFTER.test(after))) &&
      !out.some((o) => o.role === "existing" && slotOf(o.atom) === slotOf(atom));
    // the run of adjacent slots this atom continues ("Dienstag 9 Uhr"); a second date or time starts a new run
    const adjacent = previous !== null && /^[\s,]*(?:um|gegen|ab)?\s*$/.test(folded.slice(previous.atom.end, atom.index)) &&
      !previous.group.has(slotOf(atom));
    const near = folded.slice(Math.max(0, atom.index - 24), atom.index) + leadIn(folded, atom);
    const openEnded = isDate ? DATE_AFTER.test(near) || DATE_AFTER_EXCLUSIVE.test(near) || DATE_BEFORE.test(near)
      : atom.payload.kind === "time" && atom.payload.modifier !== null;
    const arrow = reschedule ? beforeArrow(folded, atom) : null;
    if (existingOnly) role = "existing";
    else if (arrow !== null) role = arrow ? "existing" : "wish";
    else if (reschedule && (inAppointmentBrackets(folded, atom.index) || APPOINTMENT_SUBJECT_LINE.test(lineBefore(folded, atom.index)))) role = "existing";
    else if (cannotMake) {
      negated = false;
      role = "existing";
    } else if (reschedule && atom.payload.kind === "dates" && atom.payload.container) {
      // a booked appointment is one day; a week or month is where the new one should go
      role = "wish";
    } else if (reschedule) {
      const sentenceBefore = folded.slice(Math.max(0, atom.index - 60), atom.index);
      const ontoBefore = /\bauf\b/.test(folded.slice(Math.max(0, atom.index - 120), atom.index).split(/[!?\n]|(?<!\d)\.(?=\s)/).pop() ?? "");
      if (CANCELLED_AFTER.test(after)) role = "existing";
      // "statt Mittwoch", "von 9 auf 11 Uhr", "lieber Donnerstag als Dienstag": the slot given up
      else if (REPLACED_BEFORE.test(near) || ((MOVED_FROM_BEFORE.test(near) || /^vo[nm]\s/.test(folded.slice(atom.index, atom.end))) && MOVED_FROM_AFTER.test(after)) || COMPARED_AWAY_BEFORE.test(before)) {
        role = "existing";
      }
      // "ab dem 7.12.", "bis 16 Uhr": a booking is a point, an open range is where the new one may go
      else if (openEnded || busy) role = "wish";
      else if (NEW_WISH_BEFORE.test(near) || NEW_WISH_DIRECT.test(near) || NEW_SLOT_REQUEST.test(near) || AFTER_COMPARISON.test(sentenceBefore) || LATER_EARLIER_BEFORE.test(sinceLast)) {
        role = "wish";
      }
      // "Neu: 3.12. vormittags": a slot right after another shares its role
      else if (adjacent && previous) role = previous.role;
      // (below: only before any "auf" of the sentence, which names the target)
      // "1.12 auf 4.12", "Freitag 10:40 auf Freitag 11:40", "am 30.11. soll auf den 2.12.": the slot moved onto another
      else if (!ontoBefore && movedOnto(folded, atoms, atom)) role = "existing";
      // "Termin heute 14 Uhr", "Abholtermin morgen": a slot right after the word for the booking (not after a verb of moving)
      else if (!ontoBefore && BARE_APPOINTMENT_BEFORE.test(sinceLast) && !MOVE_VERB_TARGET.test(sinceLast)) role = "existing";
      // "am 9.12. um 10 Uhr müssen wir verschieben", "am Montag muss verschoben werden": the slot the verb moves
      else if (!ontoBefore && MOVED_BY_VERB_AFTER.test(after)) role = "existing";
      else if (EXISTING_CLAUSE.test(folded.slice(clause.start, clause.end)) || BOOKED_PARTICIPLE.test(folded.slice(clause.start, clause.end)) ||
        slotBeforeHaveAppointment(folded, atom) ||
        HAVE_SLOT_CLAUSE.test(clauseWithoutAtoms(folded, clause, atoms))) role = "existing";
      else if (EXISTING_BEFORE.test(afterMoveVerb(sinceLast)) || OWN_BOOKING_IS.test(folded.slice(Math.max(lastEnd, atom.index - 90), atom.index))) role = "existing";
    }
    const group: ReadonlySet<Slot> = adjacent && previous && previous.role === role ? new Set([...previous.group, slotOf(atom)]) : new Set([slotOf(atom)]);
    const item: Classified = { atom, clause: clauseIndex, negated, role, busy, group };
    out.push(item);
    previous = item;
    lastEnd = atom.end;
  }
  void text;
  return out;
}

/** "heute bis Sonntag", "Montag bis zum 4.12.": a day right before "bis <day>" starts the range. */
function joinDayRanges(inputs: DateInput[], items: Classified[], folded: string): DateInput[] {
  const out: DateInput[] = [];
  for (let k = 0; k < inputs.length; k++) {
    const cur = inputs[k] as DateInput;
    const prev = out[out.length - 1];
    const a = items[k - 1]?.atom;
    const b = items[k]?.atom;
    if (prev && a && b && !prev.span.container && prev.span.to === prev.span.from && cur.span.to !== null && cur.span.to >= prev.span.from &&
      /^\s*(?:bis|-|–)\s*(?:zum|zur|einschlie(?:ss|ß)lich)?\s*$/.test(folded.slice(a.end, b.index) + leadIn(folded, b))) {
      out[out.length - 1] = { span: { from: prev.span.from, to: cur.span.to, container: true }, weekday: null };
      continue;
    }
    out.push(cur);
  }
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
  const items = classify(text, folded, atoms, clauses, mode === "reschedule", mode === "existing", today);
  const slots: TemporalSlots = {
    dates: [], weekdays: [], excludedWeekdays: [], excludedDates: [], times: [], excludedTimes: [], existing: null,
  };
  const clockTimeWished = items.some((i) => i.role === "wish" && !i.negated && !i.busy && i.atom.payload.kind === "time" && !i.atom.payload.daypart);
  // "nach der Arbeit, also ab 17 Uhr": the clock time says what the vague day part means
  // "nach Feierabend" alone says no time the parser could know (like "gleiche Uhrzeit")
  const wishes = items.filter((i) => i.role === "wish" && !i.negated && !i.busy &&
    !(i.atom.payload.kind === "time" && (i.atom.payload.vague || (clockTimeWished && i.atom.payload.soft))));
  // busy times are excluded, unless the citizen wishes a window inside them ("nur mittags, … nachmittags arbeite ich")
  const wishedTimes = wishes.map((i) => i.atom.payload).filter((p) => p.kind === "time");
  for (const item of items.filter((i) => i.busy)) {
    const p = item.atom.payload;
    if (p.kind !== "time") continue;
    if (wishedTimes.some((w) => w.kind === "time" && w.from >= p.from && w.to <= p.to && !(w.from === w.to && w.from === p.to))) continue;
    slots.excludedTimes.push({ from: p.from, to: p.to });
  }
  // A weekday next to a weekday anchored in a week ("Di oder Do nächste Woche") belongs to that week.
  // "nächsten Montag" anchors only itself ("Dienstag, Donnerstag oder nächsten Montag")
  const anchor = wishes.find((i) => i.atom.payload.kind === "weekday" && i.atom.payload.anchored && /woche/.test(folded.slice(i.atom.index, i.atom.end)));
  const dateInputs: DateInput[] = [];
  const inputItems: Classified[] = [];
  let weekOfList: DayNumber | null = null;
  for (const item of wishes) {
    const p = item.atom.payload;
    const before = folded.slice(Math.max(0, item.atom.index - 28), item.atom.index) + leadIn(folded, item.atom);
    if (p.kind === "weekdays") slots.weekdays.push(...p.weekdays);
    else if (p.kind === "dates") {
      dateInputs.push({ span: withDateModifier({ from: p.from, to: p.to, container: p.container }, before, today), weekday: null });
      inputItems.push(item);
    }
    else if (p.kind === "weekday") {
      // "Di oder Do nächste Woche" pulls the days before it into the week; "Freitag oder nächste Woche Montag" does not
      const anchorText = anchor ? folded.slice(anchor.atom.index, anchor.atom.end) : "";
      const reanchor = !p.anchored && anchor && anchor.atom.payload.kind === "weekday" &&
        (/woche\s*$/.test(anchorText) ? item.atom.index < anchor.atom.index : item.atom.index > anchor.atom.index);
      const day = reanchor && anchor.atom.payload.kind === "weekday" ? weekStart(anchor.atom.payload.day) + p.weekday - 1 : p.day;
      const span = withDateModifier({ from: day, to: day, container: false }, before, today);
      let filter = span.container || p.anchored || reanchor ? null : p.weekday;
      // "Freitag oder in die nächste Woche", "nächste Woche oder Freitag": the weekday is an alternative to the week, not a day in it
      const k = wishes.indexOf(item);
      const neighbours = [wishes[k - 1], wishes[k + 1]];
      if (filter !== null && neighbours.some((n) => n && n.atom.payload.kind === "dates" && n.atom.payload.container &&
        /^\s*,?\s*(?:oder|bzw\.?)\s+(?:(?:in|auf)\s+(?:die|der|den)\s+)?$/.test(n.atom.index > item.atom.index
          ? folded.slice(item.atom.end, n.atom.index) : folded.slice(n.atom.end, item.atom.index)))) filter = null;
      // "nächste Woche Montag": the weekday right after a named week is that week's day, and replaces the week
      // ("nächste Woche Dienstag oder Mittwoch": the days listed after it too; "Freitag oder nächste Woche Montag": not the one before)
      const prevItem = inputItems[inputItems.length - 1];
      const prevInput = dateInputs[dateInputs.length - 1];
      if (filter !== null && prevItem && prevInput && prevItem.atom.payload.kind === "dates" && prevItem.atom.payload.container &&
        prevItem.atom.payload.to - prevItem.atom.payload.from === 6 && isoWeekday(prevItem.atom.payload.from) === 1 &&
        /^[\s,]*$/.test(folded.slice(prevItem.atom.end, item.atom.index)) && prevInput.span.from === prevItem.atom.payload.from) {
        weekOfList = prevItem.atom.payload.from;
        const d = weekOfList + p.weekday - 1;
        dateInputs[dateInputs.length - 1] = { span: { from: d, to: d, container: false }, weekday: null };
        inputItems[inputItems.length - 1] = item;
        continue;
      }
      if (filter !== null && weekOfList !== null && prevItem && /^\s*(?:,|oder|und|bzw\.?|\/)\s*$/.test(folded.slice(prevItem.atom.end, item.atom.index))) {
        const d = weekOfList + p.weekday - 1;
        dateInputs.push({ span: { from: d, to: d, container: false }, weekday: null });
        inputItems.push(item);
        continue;
      }
      weekOfList = null;
      dateInputs.push({ span, weekday: filter });
      inputItems.push(item);
    }
  }
  slots.dates = resolveDates(joinDayRanges(dateInputs, inputItems, folded));
  // "Dienstag vormittag oder Donnerstag ab 14 Uhr": an "oder" since the last wished time starts an alternative
  const timeWishes = wishes.filter((i) => i.atom.payload.kind === "time");
  slots.times = resolveTimes(timeWishes.map((i, k) => {
    const prev = timeWishes[k - 1];
    const gap = prev ? folded.slice(prev.atom.end, i.atom.index) : folded.slice(Math.max(0, i.atom.index - 12), i.atom.index);
    return {
      span: i.atom.payload.kind === "time" ? { from: i.atom.payload.from, to: i.atom.payload.to } : { from: 0, to: 0 },
      alternative: /\boder\b/.test(prev && gap.length <= 40 && !/[.!?\n]/.test(gap) ? gap : folded.slice(Math.max(0, i.atom.index - 12), i.atom.index)),
    };
  }));
  // "nächste Woche, aber nicht Montag": a negated weekday names the days of the wished span
  const spans = dateInputs.map((i) => i.span).filter((s) => s.to !== null && s.to > s.from && s.to - s.from < 14);
  for (const item of items.filter((i) => i.negated && i.role === "wish")) {
    const p = item.atom.payload;
    if (p.kind === "weekdays") slots.excludedWeekdays.push(...p.weekdays);
    else if (p.kind === "weekday" && !p.anchored && spans.length === 0 &&
      EXCEPT_BEFORE.test(folded.slice(Math.max(0, item.atom.index - 24), item.atom.index) + leadIn(folded, item.atom))) {
      slots.excludedWeekdays.push(p.weekday);
    } else if (p.kind === "weekday" && !p.anchored && spans.length > 0) {
      // a bare weekday is never today ("am Montag geht nicht" said on a Monday is next Monday)
      let found = false;
      for (const s of spans) {
        for (let d = Math.max(s.from, today + 1); d <= (s.to ?? s.from); d++) {
          if (isoWeekday(d) === p.weekday) {
            slots.excludedDates.push(d);
            found = true;
          }
        }
      }
      if (!found) slots.excludedDates.push(p.day);
    } else if (p.kind === "weekday") slots.excludedDates.push(p.day);
    else if (p.kind === "dates") for (let d = p.from; d <= p.to && d - p.from < 62; d++) slots.excludedDates.push(d);
    else slots.excludedTimes.push({ from: p.from, to: p.to });
  }
  const existing = items.filter((i) => i.role === "existing" && !i.negated);
  if (existing.length > 0) {
    // a point date first; "nächste Woche Dienstag" is the Tuesday of that week
    // an explicit day first ("Dienstag klappt nicht, den Termin am 1.12. auf …")
    const date = existing.find((i) => i.atom.payload.kind === "dates" && i.atom.payload.from === i.atom.payload.to) ??
      existing.find((i) => i.atom.payload.kind === "weekday") ??
      existing.find((i) => i.atom.payload.kind === "dates");
    const exactTimes = existing.filter((i) => i.atom.payload.kind === "time" && i.atom.payload.from === i.atom.payload.to);
    // "ist das 10:00 oder 10:30?": the citizen does not know the booked time
    const unsure = exactTimes.length > 1 && exactTimes.some((i, k) => k > 0 && /^\s*oder\s*$/.test(folded.slice((exactTimes[k - 1] as Classified).atom.end, i.atom.index)));
    const time = unsure ? undefined : exactTimes[0];
    const dp = date?.atom.payload;
    const tp = time?.atom.payload;
    const week = existing.find((i) => i.atom.payload.kind === "dates" && i.atom.payload.container && i.atom.payload.to - i.atom.payload.from <= 6)?.atom.payload;
    let weekdayDay: DayNumber | null = null;
    if (dp?.kind === "weekday") {
      weekdayDay = dp.day;
      if (!dp.anchored && week?.kind === "dates") {
        for (let d = week.from; d <= week.to; d++) if (isoWeekday(d) === dp.weekday) weekdayDay = d;
      }
    }
    const day = dp?.kind === "weekday" ? weekdayDay : dp?.kind === "dates" && dp.from === dp.to ? dp.from : null;
    const minutes = tp?.kind === "time" ? tp.from : null;
    if (day !== null || minutes !== null) slots.existing = { date: day, time: minutes };
  }
  // "auf später am selben Tag", "eine Woche später": the new day is named by the booked one
  if (mode === "reschedule" && slots.existing?.date != null && slots.dates.length === 0) {
    const booked = slots.existing.date;
    const shift = SHIFT.exec(folded);
    if (SAME_DAY.test(folded)) slots.dates = [{ from: booked, to: booked, container: false }];
    // "auf die Woche danach", "in die Folgewoche": the calendar week after the booked one
    else if (WEEK_AFTER.test(folded)) slots.dates = [{ from: weekStart(booked) + 7, to: weekStart(booked) + 13, container: true }];
    else if (shift) {
      const n = numberFromToken(shift[1] ?? "") ?? 1;
      const days = n * (/^woche/.test(shift[2] ?? "") ? 7 : 1) * (/^(?:frueher|vorher|nach vorn)/.test(shift[3] ?? "") ? -1 : 1);
      if (booked + days >= today) slots.dates = [{ from: booked + days, to: booked + days, container: false }];
    }
  }
  return slots;
}
