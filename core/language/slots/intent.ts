// Intent by cue words, resolved by the priority of nlu.md §5.2:
// reschedule > cancel > book > status > info > help > greeting > unknown.
import {
  BOOK_CUES, CANCEL_CUES, CANNOT_COME_CUES, GREETING_CUES, HELP_CUES, INFO_QUESTION, INFO_TOPIC_CUES,
  NEED_APPOINTMENT_QUESTION, OTHER_TOPIC_FALLBACK, PROPOSAL_TAKEN, OUT_OF_SCOPE_CUES, RESCHEDULE_CUES, STATUS_CUES, STRONG_BOOK_CUES, STRONG_OUT_OF_SCOPE,
} from "../lexicon/intent-cues.de.ts";
import { APPOINTMENT_OBJECT, HAVE_APPOINTMENT, HOW_TO_ACT, OWN_BOOKING, REPLACEMENT_WISH } from "../lexicon/intent-families.de.ts";
import { INFO_TOPIC_ORDER, INTENT_PRIORITY, type InfoTopic, type Intent } from "../types.ts";
import { CONFIRMATION_LOST, familyEvidence, maskNonRequests, sentences } from "./intent-evidence.ts";

export interface IntentEvidence {
  folded: string;
  hasService: boolean;
  hasTemporal: boolean;
  /** A preferred or excluded office is named. */
  hasLocation?: boolean;
  /** A booking code was given ("K7P-2QX"). */
  hasCode?: boolean;
  /** Whether a catalogue service is named in a fragment of the folded text. */
  serviceIn?: (fragment: string) => boolean;
}

export interface IntentDecision {
  intent: Intent; secondaryIntents: Intent[]; infoTopics: InfoTopic[];
  /** The message states an appointment the sender already has; its date is not a wish. */
  ownAppointment: boolean;
}

/** A statement of having an appointment ("Ich habe am Freitag einen Termin", "Mein Termin ist am Montag"). */
const HAVING_STATEMENT = new RegExp(`${HAVE_APPOINTMENT.source}|\\bmein\\w*\\s+termin\\w*\\s+(?:ist|war|liegt)\\b`);
const HAVING_STATEMENT_G = new RegExp(HAVING_STATEMENT.source, "g");
/** "Ich möchte gerne wissen, ob …": a wish to know, not a wish for an appointment. */
const WANT_TO_KNOW = /\b(?:moechte|moechten|wollte|will|wuerde|haette)\s+(?:\w+\s+){0,2}(?:wissen|fragen|nachfragen|erfahren)\b/g;
/** A goodbye that names the next meeting ("bis Freitag dann", "bis morgen"). */
const FAREWELL =
  /\bbis\s+(?:morgen|uebermorgen|(?:(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch)|naechste\w*\s+woche|dann|spaeter|zum\s+\S+)(?:\s+dann)?\s*[.!]*\s*$/;

/** "einen Termin … gebucht / vereinbart": a booking made before, not one wished for now. */
const OWN_BOOKED_G = /\b(?:einen|nen|den)\s+termin\b(?:\s+\S+){0,6}?\s+(?:gebucht|vereinbart|gemacht|ausgemacht|angemeldet|reserviert)\b/g;
/** Asking what the assistant can do ("was kannst du so?"). */
const ASSISTANT_ONLY =
  /\bwie\s+funktioniert\s+(?:die|das)\s+(?:termin)?buch\w*\b|\bwie\s+funktioniert\s+das\s+mit\s+(?:dem|diesem)\s+(?:bot|chat|assistenten)|\bwas\s+(?:kannst|machst|weisst)\s+du\b|\bwie\s+funktioniert\s+(?:das|es)\s+hier\b|\bwie\s+funktioniert\s+(?:eigentlich\s+|denn\s+)?(?:dieser|diese|dieses|der|die|das)\s+\S*(?:assistent|chat|bot|system)\w*/;
/** "Bevor ich mich um einen Termin kümmere, …": a booking later, not now. */
const BEFORE_BOOKING = /\bbevor\s+(?:ich|wir)\s+(?:\S+\s+){0,6}?termin\w*\s+(?:\S+\s+){0,3}?(?:kuemmere|buche|mache|vereinbare|ausmache)\b/g;
/** "wir wollten dort einen Ausweis beantragen": what the cancelled booking was for. */
const PAST_INTENTION_G = /\bwollte\w*\s+(?:\S+\s+){0,6}?(?:beantragen|buchen|machen|abholen|vereinbaren)\b/g;
const URGENCY_ONLY = /\bso\s+(?:frueh|schnell|bald)\s+wie\s+moeglich|schnellstmoeglich|fruehestmoeglich|naechstmoeglich|\basap\b/;
/** A booking added to another request: "zusätzlich / außerdem / auch noch einen Termin". */
const ADDITIONAL_BOOKING = /\b(?:zusaetzlich|ausserdem|auch\s+noch|noch\s+einen\s+weiteren|dazu\s+noch)\s+(?:\w+\s+){0,3}?(?:einen|nen|ein|eine)\s+(?:\w+\s+)?termin/;
/** A new booking stated outright, as opposed to "Termin" in a question about an existing one. */
const EXPLICIT_NEW_BOOKING = /\bbitte\s+(?:\w+\s+)?(?:einen|nen)\s+(?:\w+\s+)?(?:fuer|zum|zur)\b|\bzusaetzlich\w*\s+(?:\w+\s+)?(?:einen|nen)\s+termin|\bbraeuchte\w*\s+(?:\w+\s+){0,2}(?:einen|nen)\s+termin|\bneue[nr]?\s+(?:\w+\s+)?termin|\bneu\s+buchen|(?<!\bbeim\s)\bbuchen\b|vereinbaren|reservier(?!ung)|beantrag(?!ung|t\b)/;
/** A question sentence: ends with "?" or opens with a question word or a verb-first modal. */
const QUESTION_SENTENCE =
  /^\W*(?:was|wie|wo|wann|welche\w*|warum|wieso|kann|koennen|muss|darf|gibt|hat|haben|habt|ist|sind|seid|brauche\s+ich|braucht\s+man)\b/;
/** Open questions about the world ("Wer gewinnt heute?") are not booking wishes, even with a date. */
const OPEN_QUESTION = /^\W*(?:wer|was|wie(?!\s+waer)|warum|wieso|weshalb|wird|werden)\b/;
/** The first sentence, or what precedes a question opened after a comma or dash ("Pass Freitag, was kostet der?"). */
const LEAD_SPLIT =
  /[.!?;\n]|(?:,|\s[-–+]|\bund)\s+(?=(?:was|wie|wo|wann|welche\w*|kann|koennen|muss|darf|gibt|hat|haben|habt|ist|sind|seid|braucht?|geht|nimmt|bis\s+wann|ab\s+wann)\b)/;
/** Sentence ends; a dot after a digit ("am 3.12.") belongs to a date, not to the sentence. */
const SENTENCE_END = /(?<=[!?\n]|(?<!\d)\.)\s*/;
/** Sentences, and a request after a comma ("Wie funktioniert das hier, ich will nur …"). */
const HELP_SPLIT = new RegExp(`${SENTENCE_END.source}|,\\s+(?=ich\\b)`);
/** Sentences, and a status question joined by "und" ("… verschieben und mir sagen, ob …"). */
const OWN_QUESTION_SPLIT = new RegExp(`${SENTENCE_END.source}|,?\\s+und\\s+(?=(?:ist|sind|zeig|sag|wann|ob|mir)\\b)`);
/** A short follow-up in a booking dialogue ("und in Brackel?", "Eving geht auch") has at most this many words. */
const FOLLOW_UP_WORDS = 6;

/** "Reisepass für nächste Woche, wie lange …?": a service with a date or office, stated before the question. */
function leadingBooking(f: string, e: IntentEvidence): boolean {
  if (!e.serviceIn || !(e.hasTemporal || e.hasLocation)) return false;
  const lead = f.split(LEAD_SPLIT)[0] ?? "";
  return lead.length < f.length && !QUESTION_SENTENCE.test(lead) && !HAVING_STATEMENT.test(lead) && !/^\W*betreff\b/.test(lead) &&
    // "mein Ausweis läuft im März ab, muss ich …?": a statement of fact, not a booking named before the question
    !/\b(?:laeuft|lief|ist|sind|war|waren|habe|hab|hat|hatte|wurde|wird)\b/.test(lead) && e.serviceIn(lead);
}

/** Sentence ends, and a comma, dash or "und" that opens a question ("…, was kostet das?"). */
const QUESTION_SPLIT = /(?<=[.!?\n;])|(?:,|\s[-–+]|\bund|\baber)\s+(?=(?:was|wie|wo|wann|welche\w*|kann|muss|darf|gibt)\b)/;

/** The text without its question sentences: what is stated rather than asked. */
function statements(f: string): string {
  const parts = f.split(QUESTION_SPLIT);
  return parts.filter((s) => !s.includes("?") && !QUESTION_SENTENCE.test(s)).join(" ");
}

/** Only thanks or a greeting plus a goodbye naming a day ("Danke, bis Freitag dann!"). */
function farewell(e: IntentEvidence, f: string): boolean {
  return !e.hasService && GREETING_CUES.test(f) && FAREWELL.test(f) && f.split(/\s+/).length <= 10;
}

/**
 * "Wie lange habt ihr offen? Und wo beantrage ich Wohngeld?", "Was kostet das? Ich bekomme Bürgergeld.": a question about
 * the office in a sentence of its own. After the out-of-scope sentence, "das" would point back to it, so it must not.
 */
function officeQuestionApart(f: string): boolean {
  const parts = f.split(SENTENCE_END);
  const firstOut = parts.findIndex((s) => OUT_OF_SCOPE_CUES.test(s));
  return parts.some((s, k) => !OUT_OF_SCOPE_CUES.test(s) && (k < firstOut || !/\b(?:das|dies|es|dafuer|dazu|davon)\b/.test(s)) &&
    INFO_TOPIC_CUES.some(([, re]) => re.test(s)));
}

/** Thanks with a story and no request ("Danke für Ihre Geduld am Telefon am Freitag!"): its dates are no wishes. */
function thanksOnly(f: string): boolean {
  return /\b(?:dank\w*|bedank\w*)\b/.test(f) && !/termin|\bfrei\b|buch|\bbitte\s+um|moechte|brauch|\bgeht\b|\bpasst\b|\?/.test(f);
}

/** The question sentences (and "ich wollte fragen …"): where an info topic is asked; all of it when nothing is. */
function askedPart(f: string): string {
  const asked = sentences(f).filter((s) => s.question || /\bfrage|\bwissen\b|erkundig|\binfo/.test(s.text));
  return asked.length > 0 ? asked.map((s) => s.text).join(" ") : f;
}

function collect(e: IntentEvidence, topics: InfoTopic[]): { found: Set<Intent>; help: boolean } {
  const f = e.folded;
  const family = familyEvidence(f, sentences(f), e.hasService, e.hasTemporal);
  const found = new Set<Intent>();
  // "Mein Termin kollidiert mit einem Arzttermin": an out-of-scope word in a message about the own booking is a reason
  const outOfScope = STRONG_OUT_OF_SCOPE.test(f) || OUT_OF_SCOPE_CUES.test(f) && !e.hasService && !OWN_BOOKING.test(f) && !HAVING_STATEMENT.test(f) &&
    // "Wie lange habt ihr offen? Und wo beantrage ich Wohngeld?": a question about the office stands on its own
    !officeQuestionApart(f);
  // "Was kostet eine Hundemarke?" asks about something the office does not handle
  const infoAsked = topics.length > 0 && INFO_QUESTION.test(f) && !outOfScope;
  // "Ich habe am Freitag einen Termin" states a booking one has; it is no wish for one
  // what is not a wish for an appointment: having one, wanting to know, asking whether one is needed
  const unhad = (x: string): string =>
    x.replace(HAVING_STATEMENT_G, " ").replace(WANT_TO_KNOW, " ").replace(NEED_APPOINTMENT_QUESTION, " ").replace(BEFORE_BOOKING, " ");
  const strongBook = STRONG_BOOK_CUES.test(unhad(f));
  const stated = unhad(statements(f));
  // "Perso Termin + was kostet das?": an appointment named outside the question is wanted
  const statedAppointment = e.hasService && /(?<!\b(?:den|der|dem|mein\w*|unser\w*|diesen)\s)\btermin\b/.test(stated);
  const bookCue = strongBook || statedAppointment || BOOK_CUES.test(infoAsked ? stated : f) || family.availability || family.appointmentWish ||
    (infoAsked && leadingBooking(f, e));
  // a wish with no appointment, no service and no date ("ein Grab reservieren") is not a booking
  const bookable = e.hasService || e.hasTemporal || family.availability || APPOINTMENT_OBJECT.test(f) || PROPOSAL_TAKEN.test(f) || /\bbuchen\b/.test(f);
  if (RESCHEDULE_CUES.test(f) || family.reschedule) found.add("reschedule");
  const cancelWords = !family.cancelState && CANCEL_CUES.test(f);
  if (cancelWords || family.cancel || (CANNOT_COME_CUES.test(f) && !e.hasService && !strongBook)) found.add("cancel");
  if (STATUS_CUES.test(f) || family.status) found.add("status");
  if (infoAsked) found.add("info");
  // "Hilfe beim Wohngeldantrag" asks for help with something the office does not handle
  const help = (HELP_CUES.test(f) || family.assistant) && !outOfScope;
  if (!outOfScope) {
    // a service named in a question ("Was kostet ein Reisepass?") is a topic, not yet a booking
    const serviceStated = e.hasService && (!infoAsked || bookCue);
    if (serviceStated) found.add("book");
    else if (bookCue && bookable && !(infoAsked && !e.hasService && !/\btermin/.test(f) && !family.availability && !/\bbuchen\b/.test(stated))) found.add("book");
    else if (e.hasTemporal && found.size === 0 && !help && !(OPEN_QUESTION.test(f) && !/termin|frei/.test(f)) && !farewell(e, f) && !thanksOnly(f) &&
      !(/\bgeb(?:oren|\.)\s/.test(f) && f.split(/\s+/).length <= 6)) found.add("book");
    // "so früh wie möglich" alone, in a booking dialogue: a constraint on the slot sought
    else if (found.size === 0 && !help && URGENCY_ONLY.test(f)) found.add("book");
    else if (e.hasLocation && found.size === 0 && !help && (f.split(/\s+/).length <= FOLLOW_UP_WORDS || /^\W*bitte\b/.test(f)) && !thanksOnly(f)) found.add("book");
  }
  if (found.has("cancel") && found.has("book") && EXPLICIT_NEW_BOOKING.test(f.replace(PAST_INTENTION_G, " ")) && /absag|stornier|storno/.test(f)) found.add("reschedule");
  // "Ich schaffe den Termin am Dienstag nicht, ginge Mittwoch?": a cancellation with a replacement asked for
  if (found.has("cancel") && REPLACEMENT_WISH.test(f)) found.add("reschedule");
  // "Wann war nochmal mein Termin für die Ummeldung?": the service names the booking asked about, not a new wish
  if (found.has("status") && found.has("book") && !EXPLICIT_NEW_BOOKING.test(unhad(f).replace(OWN_BOOKED_G, " ")) &&
    (!e.hasService || !(family.appointmentWish || family.availability))) found.delete("book");
  if (help && !e.hasService && (!e.hasTemporal || family.assistant)) {
    // "Wie buche ich einen Termin?" asks how the assistant works, it does not book yet
    found.add("help");
    found.delete("book");
  } else if ((help || ASSISTANT_ONLY.test(f)) && e.serviceIn) {
    // "Wie funktioniert das hier? Ich brauch nen Termin zum Ummelden.": a question about the assistant of its own
    const serviceIn = e.serviceIn;
    const own = f.split(HELP_SPLIT).some((s) => (HELP_CUES.test(s) || ASSISTANT_ONLY.test(s)) && !serviceIn(s) && !/\d|termin\w*\s+\w*(?:buchen|stornieren|absagen|verschieben)/.test(s));
    if (own) found.add("help");
  }
  if (HOW_TO_ACT.test(f) && !OWN_BOOKING.test(f) && !e.hasTemporal) {
    // "Wie kann ich einen Termin absagen?" asks how it works, about no booking in particular
    found.add("help");
    for (const act of ["cancel", "reschedule", "book"] as const) found.delete(act);
  }
  // "Buchung XYZ-789 prüfen", "Code K7P-2QX – wann und wo ist das?": a booking code with no act asks about that booking
  // a bare code ("K7P-2QX", "mein Code ist …") answers a question of the dialogue and stays without intent
  const beyondCode = f.replace(/\b(?:mein|meine|der|die|code|buchungscode|buchungsnummer|nummer|ist|lautet|hier|bitte|danke|ok)\b|[^a-z]/g, "");
  if (e.hasCode && beyondCode.length > 0 && !outOfScope && !found.has("book") && !found.has("cancel") && !found.has("reschedule") &&
    (found.size === 0 || /\b(?:wann|wo|um\s+wie\s*viel|gueltig|aktuell|noch|richtig|gespeichert|eingetragen|bestaetigt|stimmt)\b/.test(f))) {
    found.add("status");
    if (topics.every((t) => t === "other" || t === "address")) found.delete("info");
  }
  // "Funktioniert der Chat auch nachts oder nur zu den Öffnungszeiten?": a question about the assistant, not the office
  if (family.assistant && /\b(?:chat|bot|assistent\w*)\b/.test(f) && !e.hasService) found.delete("info");
  // "Was kann ich in diesem Chat machen?": a question about the assistant, not the general "other" topic
  if (help && !e.hasService && topics.every((t) => t === "other")) found.delete("info");
  // "danke, das Führungszeugnis ist angekommen!": thanks for a document received, no new request
  if (found.size === 1 && found.has("book") && thanksOnly(f) && /\b(?:angekommen|erhalten|bekommen|geklappt)\b/.test(f)) found.delete("book");
  // "Salam, ich brauche einen Personenbeförderungsschein": a request outside the catalogue, not a greeting
  if (found.size === 0 && !outOfScope && GREETING_CUES.test(f) && !strongBook) found.add("greeting");
  return { found, help };
}

export function decideIntent(evidence: IntentEvidence): IntentDecision {
  const e = { ...evidence, folded: maskNonRequests(evidence.folded) };
  const asked = askedPart(e.folded);
  const named = INFO_TOPIC_CUES.filter(([, re]) => re.test(asked)).map(([t]) => t as InfoTopic);
  const topics: InfoTopic[] = named.length > 0 ? named : OTHER_TOPIC_FALLBACK.test(asked) ? ["other"] : [];
  const { found } = collect(e, topics);
  // "hab die Terminbestätigung gelöscht, wann muss ich kommen?": the deleted notice was about the own booking
  if (CONFIRMATION_LOST.test(evidence.folded) && /\bwann\b/.test(evidence.folded)) found.add("status");
  const intent = INTENT_PRIORITY.find((i) => found.has(i)) ?? "unknown";
  // cancel + book is what reschedule means; a cancel mentions "Termin" without wanting a new one
  const subsumed: Intent[] = intent === "reschedule" ? ["cancel", "book", "status"] : intent === "cancel" ? ["book", "status"] : [];
  // a question of its own about the own booking ("Wann ist mein Termin? Und kann man den verlegen?") stays a second request
  if (intent === "reschedule" || intent === "cancel") {
    const ownQuestion = e.folded.split(OWN_QUESTION_SPLIT).some((s) =>
      (s.includes("?") || /\b(?:zeig|sag|nenn|schick)\w*\b|\bkeine?\b.{0,20}bestaetigung|\bnie\b/.test(s)) && !RESCHEDULE_CUES.test(s) && !CANCEL_CUES.test(s) &&
      (STATUS_CUES.test(s) || (/\b(?:der|mein\w*)\s+termin\b/.test(s) && /\b(?:noch|gueltig|bestaetigt|eingetragen|im\s+system)\b/.test(s))));
    if (ownQuestion) subsumed.splice(subsumed.indexOf("status"), 1);
  }
  // a further booking stated on top ("… verschieben und zusätzlich einen Termin für den Reisepass buchen")
  if (intent === "reschedule" && ADDITIONAL_BOOKING.test(e.folded)) subsumed.splice(subsumed.indexOf("book"), 1);
  // "Ist mein Termin noch gültig?" is about the booking, not a general validity question
  // "Wo ist mein Termin?" asks for the booking's place, not the office's address
  const whereIsMine = /\bwo\s+(?:genau\s+)?(?:ist|war)\s+(?:\w+\s+){0,2}\w*termin\w*/g;
  const addressBesides = INFO_TOPIC_CUES.some(([t, re]) => t === "address" && re.test(asked.replace(whereIsMine, " ")));
  if (found.has("status") && (topics.every((t) => t === "other") || (topics.every((t) => t === "other" || t === "address") && !addressBesides))) {
    subsumed.push("info");
  }
  const rank = INTENT_PRIORITY.indexOf(intent);
  const secondaryIntents = INTENT_PRIORITY.filter((i) =>
    found.has(i) && INTENT_PRIORITY.indexOf(i) > rank && !subsumed.includes(i) && i !== "greeting" && i !== "unknown");
  const withInfo = intent === "info" || secondaryIntents.includes("info");
  const ownAppointment = HAVING_STATEMENT.test(e.folded) || OWN_BOOKING.test(e.folded);
  return { intent, secondaryIntents, infoTopics: withInfo ? INFO_TOPIC_ORDER.filter((t) => topics.includes(t)) : [], ownAppointment };
}
