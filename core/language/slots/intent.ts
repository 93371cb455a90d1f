// Intent by cue words, resolved by the priority of nlu.md §5.2:
// reschedule > cancel > book > status > info > help > greeting > unknown.
import {
  BOOK_CUES, CANCEL_CUES, GREETING_CUES, HELP_CUES, INFO_QUESTION, INFO_TOPIC_CUES, OUT_OF_SCOPE_CUES,
  RESCHEDULE_CUES, STATUS_CUES,
} from "../lexicon/intent-cues.de.ts";
import { INFO_TOPIC_ORDER, INTENT_PRIORITY, type InfoTopic, type Intent } from "../types.ts";

export interface IntentEvidence {
  folded: string;
  hasService: boolean;
  hasTemporal: boolean;
}

export interface IntentDecision { intent: Intent; secondaryIntents: Intent[]; infoTopics: InfoTopic[] }

/** A new booking stated outright, as opposed to "Termin" in a question about an existing one. */
const EXPLICIT_NEW_BOOKING = /\bneue[nr]?\s+(?:\w+\s+)?termin|\bneu\s+buchen|\bbuchen\b|vereinbaren|reservier|beantrag/;

export function decideIntent(e: IntentEvidence): IntentDecision {
  const f = e.folded;
  const found = new Set<Intent>();
  const topics = INFO_TOPIC_CUES.filter(([, re]) => re.test(f)).map(([t]) => t as InfoTopic);
  const isQuestion = INFO_QUESTION.test(f);
  if (RESCHEDULE_CUES.test(f)) found.add("reschedule");
  if (CANCEL_CUES.test(f)) found.add("cancel");
  if (STATUS_CUES.test(f)) found.add("status");
  if (topics.length > 0 && isQuestion) found.add("info");
  const help = HELP_CUES.test(f);
  const bookCue = BOOK_CUES.test(f);
  const outOfScope = OUT_OF_SCOPE_CUES.test(f) && !e.hasService;
  if (!outOfScope) {
    if (e.hasService && !(found.has("info") && !bookCue)) found.add("book");
    else if (bookCue && !(found.has("info") && !e.hasService && !/\btermin/.test(f))) found.add("book");
    else if (e.hasTemporal && found.size === 0 && !help) found.add("book");
  }
  if (found.has("cancel") && found.has("book") && EXPLICIT_NEW_BOOKING.test(f) && /absag|stornier|storno/.test(f)) found.add("reschedule");
  if (found.has("status") && found.has("book") && !e.hasService && !EXPLICIT_NEW_BOOKING.test(f)) found.delete("book");
  if (help && !e.hasService && !e.hasTemporal) {
    // "Wie buche ich einen Termin?" asks how the assistant works, it does not book yet
    found.add("help");
    found.delete("book");
  }
  if (found.has("info") && topics.length === 0) found.delete("info");
  if (found.size === 0 && GREETING_CUES.test(f)) found.add("greeting");
  const intent = INTENT_PRIORITY.find((i) => found.has(i)) ?? "unknown";
  // cancel + book is what reschedule means; a cancel mentions "Termin" without wanting a new one
  const subsumed: Intent[] = intent === "reschedule" ? ["cancel", "book", "status"] : intent === "cancel" ? ["book", "status"] : [];
  // "Ist mein Termin noch gültig?" is about the booking, not a general validity question
  if (intent === "status" && topics.every((t) => t === "other")) subsumed.push("info");
  const rank = INTENT_PRIORITY.indexOf(intent);
  const secondaryIntents = INTENT_PRIORITY.filter((i) =>
    found.has(i) && INTENT_PRIORITY.indexOf(i) > rank && !subsumed.includes(i) && i !== "greeting" && i !== "unknown");
  const withInfo = intent === "info" || secondaryIntents.includes("info");
  return { intent, secondaryIntents, infoTopics: withInfo ? INFO_TOPIC_ORDER.filter((t) => topics.includes(t)) : [] };
}
