// Evidence for each intent from structural cue families, gathered per sentence: a question sentence
// and a request sentence in the same mail contribute differently (nlu.md §5.2).
import {
  ADDRESSING_ASSISTANT, ALSO_OTHER_SLOT, APPOINTMENT_OBJECT, APPOINTMENT_REQUEST, ASSISTANT_QUESTION, AVAILABILITY, CANCEL_ACT, CANCEL_STATE,
  COME_QUESTION, CONFIRMATION_TAG, EARLIER_LATER_ONE, FORGOT_BOOKING, HAVE_APPOINTMENT, HAVE_BUT_NEED, KEEP_AT_OTHER_TIME, MESSAGE_DELETED, MOVE_PRONOUN,
  MOVE_TO, NEGATED_ACT, NEW_ONE, NONE_FREE, NOT_NEEDED, NOTICE_EXPECTED, THANKS_FOR_NOTICE, OWN_BOOKING, OWN_NOT_WORKING, OWN_PREFERENCE_CHANGE, REPLACE_OLD, REPLACEMENT_WISH,
  RESCHEDULE_ACT, STATUS_ASPECT, SWAP, WALK_IN, WHEN_TO_APPEAR, WHETHER_IT_HOLDS, WISH,
} from "../lexicon/intent-families.de.ts";

/** Sentence ends, and a comma, dash or "und" that opens a question ("…, was kostet das?"). */
const SENTENCE_SPLIT = /(?<=[!?\n;:]|(?<!\d)\.)\s|(?:,|\s[-–]|\bund|\baber)\s+(?=(?:was|wie|wo|wann|welche\w*|kann|koennte|muss|darf|gibt|habe|hab|ist|wurde)\b)/;
/** A question sentence: ends with "?" or opens with a question word or a verb-first form. */
const QUESTION_OPENING =
  /^\W*(?:was|wie|wo|wann|welche\w*|warum|wieso|kann|kannst|koennen|koennte|muss|darf|gibt|hat|haben|habt|ist|sind|seid|wurde|war|bin|brauche\s+ich|braucht\s+man|kostet|kosten|dauert|gilt)\b/;

/** An indirect question: "ich möchte wissen, ob …", "ich wollte fragen, wann …". */
const INDIRECT_QUESTION = /\b(?:wissen|fragen|nachfragen|erkundigen|erfahren)\b,?\s+(?:ob|wie|wann|wo|was|welche\w*)\b/;

/** "ich brauche Kinderpässe für …": documents wished for in the plural, without an article. */
const PLURAL_DOCUMENTS = /\w+(?:paesse|ausweise|urkunden|zeugnisse|bescheinigungen|kopien)\b/;
/** "mein neuer Arbeitgeber": an adjective of someone named, not a new document wished for. */
const OWN_ADJECTIVE = /\b(?:mein|meine|meinem|meinen|meiner|unser\w*)\s+neue\w*/g;
const INDEFINITE = /\b(?:einen|ein|eine|nen|neue[nrs]?)\b/;

export interface Sentence { text: string; question: boolean }

export function sentences(folded: string): Sentence[] {
  const out: Sentence[] = [];
  for (const raw of folded.split(SENTENCE_SPLIT)) {
    const text = raw.trim();
    if (text) out.push({ text, question: text.includes("?") || QUESTION_OPENING.test(text) || INDIRECT_QUESTION.test(text) });
  }
  return out;
}

/** Whether the sentence around `index` is a question (a "?" before its end, or a question opening). */
function inQuestion(folded: string, index: number): boolean {
  const start = Math.max(folded.lastIndexOf(".", index), folded.lastIndexOf("!", index), folded.lastIndexOf("\n", index), folded.lastIndexOf("?", index - 1)) + 1;
  const rest = folded.slice(index);
  const endRel = rest.search(/[.!?\n]/);
  const end = endRel < 0 ? folded.length : index + endRel;
  return folded[end] === "?" || QUESTION_OPENING.test(folded.slice(start, end).trim());
}

/**
 * What the sender does not ask for: an act verb negated in a statement ("ich will nichts stornieren",
 * "den Termin nicht ändern"), a deleted message ("hab die Mail gelöscht"), thanks for a notice
 * ("Danke für die Absage-Bestätigung") and a complaint that nothing is free ("kein Termin mehr frei"). Negation inside a question
 * ("Kann ich den Termin nicht verschieben?") still asks for the act, so it stays.
 */
export function maskNonRequests(folded: string): string {
  return folded
    .replace(OTHER_THING_MOVED, (m) => " ".repeat(m.length))
    .replace(THING_MISPLACED, (m) => " ".repeat(m.length))
    .replace(CONDITIONAL_ACT, (m) => " ".repeat(m.length))
    .replace(NO_NEW_ONE, (m) => " ".repeat(m.length))
    .replace(BUTTON_CLICKED, (m) => " ".repeat(m.length))
    .replace(MESSAGE_DELETED, (m) => " ".repeat(m.length))
    .replace(THANKS_FOR_NOTICE, (m) => " ".repeat(m.length))
    .replace(NONE_FREE, (m) => " ".repeat(m.length))
    .replace(NEGATED_ACT, (m, offset: number) => (inQuestion(folded, offset) ? m : " ".repeat(m.length)));
}

/** Something else was moved ("der Umzug hat sich verschoben", "unsere Reise wurde verschoben"): a reason, not a request. */
const OTHER_THING_MOVED =
  /\b(?:wir|ich)\s+(?:verschieben?|verlege\w*)\s+(?:die|den|das|unser\w*|mein\w*)\s+(?!\w*termin)\w+|\b(?:hat|haben|wurde|ist)\s+(?:\S+\s+){0,6}?(?:verschoben|verlegt|umgebucht)\s*\?|\b(?:wurde|ist)\s+die\s+verschiebung\b|\bverlegung\s+(?:der|des|unserer|unseres|meiner|meines)\s+(?!\w*termin)\w+|\b(?:der|die|das|unser\w*|mein\w*)\s+(?!\w*termin)\w+\s+(?:wird|wurde)\s+(?:\S+\s+){0,12}?(?:verschoben|verlegt)\b|\bsich\s+(?:der|die|das|unser\w*|mein\w*|ihr\w*|sein\w*)\s+(?!\w*termin)\w+\s+(?:\S+\s+){0,5}?(?:verschoben|verlegt)\b|\btermine\s+(?:\S+\s+){0,5}?(?:verlegt|verschoben|abgesagt)\s+werden\b|\bwollte\s+(?:ich\s+)?(?:\S+\s+){0,8}?(?:verschieben|verlegen|umbuchen)\s*,?\s+aber\b|\b(?:der|die|das|unser\w*|mein\w*|ihr\w*|sein\w*)\s+(?!\w*termin)\w+\s+(?:wurde|wird|ist|hat\s+sich|musste|muss)\s+(?:\w+\s+){0,2}?(?:verschoben|verlegt)\b(?:\s+werden)?/g;
/** A thing mislaid ("hab den Buchungscode verlegt"): not a moved appointment. */
const THING_MISPLACED = /\b(?:den|die|das|meine[nr]?|seine[nr]?|ihre[nr]?)\s+(?!\w*termin)\w+\s+(?:\w+\s+)?verlegt\b/g;
/** An act inside a condition ("Kostet es etwas, wenn ich einen Termin storniere?") asks about it; it does not request it. */
const CONDITIONAL_ACT =
  /\b(?:wenn|falls|sobald)\s+(?:ich|man|wir)\s+(?:\S+\s+){0,5}?(?:absage|absagen|storniere|stornieren|verschiebe|verschieben|umbuche|umbuchen)\b(?=[^.!\n]*\?)/g;
const SHORT_WHEN = /^\W*(?:aber\s+|und\s+|nur\s+)?(?:wann|um\s+wie\s*viel\s+uhr|welche\s+uhrzeit|wo)\b/;
/** "ich habe … gebucht / einen Termin bekommen": a booking made before. */
const BOOKED_BEFORE =
  /\b(?:ich|wir)\s+(?:hab\w*|hatte\w*)\s+(?:\S+\s+){0,8}?(?:gebucht|reserviert|vereinbart|bekommen)\b|\bhat\s+(?:\S+\s+){0,4}?(?:einen|nen|den)\s+termin\s+(?:\S+\s+){0,3}?(?:gemacht|gebucht|vereinbart|ausgemacht)\b/;
/** "Einen neuen Termin brauche ich nicht": no replacement wanted. */
const NO_NEW_ONE = /\b(?:einen|nen)\s+neuen\s+(?:termin\s+)?(?:brauche|benoetige|will|moechte)\s+(?:ich|wir)\s+nicht\b|\bkein\w*\s+neue\w*\s+termin\w*/g;
/** "hab aus Versehen auf Absagen geklickt": a button pressed, not a request. */
const BUTTON_CLICKED = /\bauf\s+(?:\S+\s+)?(?:absagen|stornieren|verschieben|buchen)\s+(?:\w+\s+)?(?:geklickt|gedrueckt|getippt)\b/g;
/** A lost confirmation ("hab die Terminbestätigung gelöscht"): a following "wann" asks for the own booking. */
export const CONFIRMATION_LOST = new RegExp(MESSAGE_DELETED.source);

export interface FamilyEvidence {
  cancel: boolean;
  cancelState: boolean;
  reschedule: boolean;
  status: boolean;
  availability: boolean;
  /** A wish whose object is an appointment (or coming in), stated rather than asked. */
  appointmentWish: boolean;
  assistant: boolean;
}

export function familyEvidence(folded: string, parts: Sentence[], hasService: boolean, hasTemporal = false): FamilyEvidence {
  const cancelState = CANCEL_STATE.test(folded);
  // the participles of a cancellation asked about are not a cancellation
  const active = cancelState ? folded.replace(new RegExp(CANCEL_STATE.source, "g"), " ") : folded;
  const appointmentWord = /termin|buchung|reservierung/.test(folded);
  let status = cancelState || FORGOT_BOOKING.test(folded) || WHEN_TO_APPEAR.test(folded);
  let appointmentWish = false;
  const hasAppointment = HAVE_APPOINTMENT.test(folded);
  let ownBooking = hasAppointment;
  let preferenceChange = false;
  const hasAppointmentOrBooked = hasAppointment || BOOKED_BEFORE.test(folded);
  for (const s of parts) {
    const own = OWN_BOOKING.test(s.text);
    ownBooking ||= own || /\bden\s+termin\b/.test(s.text);
    if (own && OWN_PREFERENCE_CHANGE.test(s.text)) preferenceChange = true;
    const wish = WISH.test(s.text);
    if (own && s.question && !wish && STATUS_ASPECT.test(s.text)) status = true;
    if ((own || HAVE_APPOINTMENT.test(s.text)) && CONFIRMATION_TAG.test(s.text)) status = true;
    // "Mein Termin ist morgen 7:30?": the own booking stated as a question
    if (own && s.text.includes("?") && !wish && /\b(?:ist|sind|war)\b/.test(s.text)) status = true;
    // "Ich habe Kinderpässe gebucht. Ist das ein gemeinsamer Termin?": a question about the booking just named
    if (hasAppointmentOrBooked && s.question && !wish && /\btermin|\b(?:der|er|das|es|dieser)\b/.test(s.text) && STATUS_ASPECT.test(s.text)) status = true;
    if (!s.question && wish && APPOINTMENT_OBJECT.test(s.text) && !own) appointmentWish = true;
    // "Mein Sohn braucht einen Kinderpass, muss er mitkommen?": the need is stated, the question is extra
    if (!s.question && wish && hasService && (INDEFINITE.test(s.text.replace(OWN_ADJECTIVE, " ")) || PLURAL_DOCUMENTS.test(s.text) ||
      /\bam\s+liebsten\b|\b(?:sein|ihr|mein)\w*\s+erste[nrs]?\b/.test(s.text))) appointmentWish = true;
  }
  if (ownBooking && WHETHER_IT_HOLDS.test(folded)) status = true;
  // "mein Termin ist am 9.12., aber wann genau?": a short follow-up question about the booking just named
  if (ownBooking && parts.some((s) => s.question && SHORT_WHEN.test(s.text) && s.text.split(/\s+/).length <= 5)) status = true;
  // "… wegen meinem Termin. Sollte ich nicht eine Mail bekommen?": a question about the booking's confirmation
  if (ownBooking && parts.some((s) => s.question && NOTICE_EXPECTED.test(s.text))) status = true;
  const notWorking = OWN_NOT_WORKING.test(folded);
  const cancel = CANCEL_ACT.test(active) || NOT_NEEDED.test(active) || notWorking;
  return {
    cancel,
    cancelState,
    reschedule: (RESCHEDULE_ACT.test(folded) && (appointmentWord || !hasService)) || MOVE_TO.test(folded) || REPLACE_OLD.test(folded) ||
      (SWAP.test(folded) && (!hasService || ownBooking)) || (MOVE_PRONOUN.test(folded) && ownBooking) ||
      (KEEP_AT_OTHER_TIME.test(folded) && appointmentWord) ||
      // "Habe am Mittwoch einen Termin. Geht auch Freitag?": another slot for a booking one has
      (ALSO_OTHER_SLOT.test(folded) && hasTemporal && ownBooking) ||
      // "mein Termin klappt nicht, bitte einen neuen", "hätte aber gern einen früheren": a replacement of the own booking
      (ownBooking && (EARLIER_LATER_ONE.test(folded) || preferenceChange || /\bbrauch\w*\s+(?:aber\s+)?(?:einen|nen)\s+anderen\b|\bbrauch\w*\s+aber\s+(?:einen|nen|eine)\b/.test(folded))) || HAVE_BUT_NEED.test(folded) || ((cancel || notWorking) && REPLACEMENT_WISH.test(folded)),
    status,
    availability: AVAILABILITY.test(folded) || (COME_QUESTION.test(folded) && !WALK_IN.test(folded) && !/\bmit\s+in\s+den\s+termin\b|\bmitkommen\b|\bals\s+(?:dolmetsch|begleit|betreuer|uebersetz)/.test(folded)),
    appointmentWish: appointmentWish || (NEW_ONE.test(folded) && appointmentWord),
    assistant: ASSISTANT_QUESTION.test(folded) || (ADDRESSING_ASSISTANT.test(folded) && !APPOINTMENT_REQUEST.test(folded)),
  };
}
