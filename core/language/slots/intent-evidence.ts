// Evidence for each intent from structural cue families, gathered per sentence: a question sentence
// and a request sentence in the same mail contribute differently (nlu.md §5.2).
import {
  ADDRESSING_ASSISTANT, ALSO_OTHER_SLOT, APPOINTMENT_OBJECT, APPOINTMENT_REQUEST, ASSISTANT_QUESTION, AVAILABILITY, CANCEL_ACT, CANCEL_STATE,
  COME_QUESTION, CONFIRMATION_TAG, FORGOT_BOOKING, HAVE_APPOINTMENT, KEEP_AT_OTHER_TIME, MOVE_PRONOUN, MOVE_TO, NEW_ONE, NOT_NEEDED,
  OWN_BOOKING, REPLACE_OLD, RESCHEDULE_ACT, STATUS_ASPECT, SWAP, WALK_IN, WHEN_TO_APPEAR, WISH,
} from "../lexicon/intent-families.de.ts";

/** Sentence ends, and a comma, dash or "und" that opens a question ("…, was kostet das?"). */
const SENTENCE_SPLIT = /(?<=[.!?\n;:])\s|(?:,|\s[-–]|\bund|\baber)\s+(?=(?:was|wie|wo|wann|welche\w*|kann|koennte|muss|darf|gibt|habe|hab|ist|wurde)\b)/;
/** A question sentence: ends with "?" or opens with a question word or a verb-first form. */
const QUESTION_OPENING =
  /^\W*(?:was|wie|wo|wann|welche\w*|warum|wieso|kann|kannst|koennen|koennte|muss|darf|gibt|hat|haben|habt|ist|sind|seid|wurde|war|bin|brauche\s+ich|braucht\s+man)\b/;

const INDEFINITE = /\b(?:einen|ein|eine|nen|neue[nrs]?)\b/;

export interface Sentence { text: string; question: boolean }

export function sentences(folded: string): Sentence[] {
  const out: Sentence[] = [];
  for (const raw of folded.split(SENTENCE_SPLIT)) {
    const text = raw.trim();
    if (text) out.push({ text, question: text.includes("?") || QUESTION_OPENING.test(text) });
  }
  return out;
}

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
  for (const s of parts) {
    const own = OWN_BOOKING.test(s.text);
    ownBooking ||= own || /\bden\s+termin\b/.test(s.text);
    const wish = WISH.test(s.text);
    if (own && s.question && !wish && STATUS_ASPECT.test(s.text)) status = true;
    if (own && CONFIRMATION_TAG.test(s.text)) status = true;
    if (!s.question && wish && APPOINTMENT_OBJECT.test(s.text)) appointmentWish = true;
    // "Mein Sohn braucht einen Kinderpass, muss er mitkommen?": the need is stated, the question is extra
    if (!s.question && wish && hasService && INDEFINITE.test(s.text)) appointmentWish = true;
  }
  return {
    cancel: CANCEL_ACT.test(active) || NOT_NEEDED.test(active),
    cancelState,
    reschedule: (RESCHEDULE_ACT.test(folded) && (appointmentWord || !hasService)) || MOVE_TO.test(folded) || REPLACE_OLD.test(folded) ||
      (SWAP.test(folded) && (!hasService || ownBooking)) || (MOVE_PRONOUN.test(folded) && ownBooking) ||
      (KEEP_AT_OTHER_TIME.test(folded) && appointmentWord) ||
      // "Habe am Mittwoch einen Termin. Geht auch Freitag?": another slot for a booking one has
      (ALSO_OTHER_SLOT.test(folded) && hasTemporal && (hasAppointment || /\bmein\w*\s+termin/.test(folded))),
    status,
    availability: AVAILABILITY.test(folded) || (COME_QUESTION.test(folded) && !WALK_IN.test(folded)),
    appointmentWish: appointmentWish || (NEW_ONE.test(folded) && appointmentWord),
    assistant: ASSISTANT_QUESTION.test(folded) || (ADDRESSING_ASSISTANT.test(folded) && !APPOINTMENT_REQUEST.test(folded)),
  };
}
