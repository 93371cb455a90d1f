// Disambiguation between catalogue services (nlu.md §5.2).
//
// "Anmelden" and its kin name a service only together with what is being registered: the object in the
// same clause ("mein Auto ummelden", "mich anmelden", "das Kind in der Grundschule anmelden"), else the
// object of an earlier clause of the sentence ("Auto abmelden und das neue anmelden"), else the nearest one.
// A vehicle makes it a vehicle registration, a business a Gewerbeanmeldung, a marriage an Eheschließung,
// a person or a flat the residence registration; a dog, a school or a club is out of scope (no service).
//
// The action wins over the document: collecting a finished ID is "abholung", certifying a birth
// certificate is "beglaubigung". An event given as the reason ("für meine Hochzeit", "nach dem Umzug",
// "wegen der Heirat") is no service when another service is what the request asks for.
import type { Token } from "../text/tokens.ts";
import type { Match } from "./lexicon-matcher.ts";

export const VEHICLE_WORD =
  /^(?:auto|autos|fahrzeug\w*|\w+fahrzeug\w*|kfz\w*|pkw\w*|lkw\w*|wagen|neuwagen|gebrauchtwagen|zweitwagen|firmenwagen|dienstwagen|wohnwagen|motorrad\w*|motorraeder\w*|roller|motorroller|anhaenger\w*|wohnmobil\w*|kennzeichen\w*|transporter|oldtimer|karre|kiste)$/;
const BUSINESS_WORD = /^(?:\w*gewerbe\w*|firma|firmen|selbsts?taendigkeit|selbsts?taendig|geschaeft|kleinunternehmen|einzelunternehmen)$/;
const MARRIAGE_WORD = /^(?:ehe|eheschliessung|heirat\w*|hochzeit\w*|trauung\w*|trautermin\w*|standesamtlich\w*)$/;
/** Things citizens register elsewhere: pets, schools, day care, clubs, courses, broadcasting, utilities. */
const ELSEWHERE_WORD =
  /^(?:hund(?!ert)\w*|katze\w*|kater|haustier\w*|welpe\w*|\w*schule\w*|\w*schul|kita\w*|kindergarten\w*|krippe\w*|kinderkrippe\w*|hort|\w*verein|\w*vereine|\w*vereins|\w*muell\w*|abfall\w*|sperrgut|\w*tonne|gruenschnitt|gruengut|laub|elektroschrott|paket\w*|paeckchen|\w*kurs\w*|studium|studiengang|uni|universitaet|pruefung\w*|rundfunk\w*|gez|radio|strom|gas|internet|telefon\w*|handy|fahrrad\w*|boot|veranstaltung\w*|versammlung\w*|demo|\w*steuer\w*|wohngeld\w*|kindergeld\w*|elterngeld\w*|buergergeld|krankenkasse\w*|jobcenter|arbeitsamt|newsletter\w*|abo|abonnement\w*|mailingliste\w*|verteiler\w*|benachrichtigung\w*|konto|kundenkonto|account)$/;
const PERSON_WORD =
  /^(?:mich|uns|sich|mi|euch|dich|wohnsitz\w*|hauptwohnsitz\w*|nebenwohnsitz\w*|wohnung\w*|adresse\w*|meldeadresse|umzug\w*|umgezogen|zugezogen|hergezogen|familie|sohn|tochter|kind|kinder|baby|mann|frau|ehemann|ehefrau|mutter|vater|eltern|partner\w*)$/;

type ObjectKind = "vehicle" | "business" | "marriage" | "elsewhere" | "person";
/** Which object decides when a clause names several: "mein Kind in der Grundschule" is a school matter. */
const OBJECT_PRIORITY: ObjectKind[] = ["vehicle", "business", "marriage", "elsewhere", "person"];

const kindCache = new Map<string, ObjectKind | null>();

function objectKind(word: string): ObjectKind | null {
  let kind = kindCache.get(word);
  if (kind === undefined) {
    kind = classify(word);
    if (kindCache.size > 20_000) kindCache.clear();
    kindCache.set(word, kind);
  }
  return kind;
}

function classify(word: string): ObjectKind | null {
  if (VEHICLE_WORD.test(word) && !/^automat/.test(word)) return "vehicle";
  if (BUSINESS_WORD.test(word)) return "business";
  if (MARRIAGE_WORD.test(word)) return "marriage";
  if (ELSEWHERE_WORD.test(word)) return "elsewhere";
  if (PERSON_WORD.test(word)) return "person";
  return null;
}

/** Generic verbs that alone name no service: what they register, collect or lost decides. */
export const GENERIC_SERVICE_WORDS = new Set([
  "anmelden", "anmeldung", "abmelden", "abmeldung", "ummelden", "ummeldung", "abholen", "abholung", "abholn", "zulassung", "zulassen",
  // lost and found: "Schlüssel verloren" is a Fundsache, "Steuer-ID verloren" a matter for another office
  "verloren", "gefunden", "liegengelassen",
]);
const CLAUSE_JOINER = /^(?:und|sowie|oder|aber|ausserdem|zudem|sondern|bzw|dann|danach|weil|damit|dass|wenn|ob|sonst)$/;

const EMIGRATION = /\b(?:ausland|wegzug|wegziehen|ziehe\s+(?:\w+\s+){0,4}weg|abmeld\w*|auswander\w*)\b/;
const MARRIAGE = /\b(?:ehe|eheschliessung|heirat\w*|hochzeit|trau(?:ung|termin)\w*|standesamtlich\w*)\b/;
const LOST_AND_FOUND_PLACE = /\bfund\w*/;
const NOT_FOUND = /\b(?:nicht|nie|nirgends|nirgendwo)\s+(?:\w+\s+)?(?:gefunden|finden)\b|\b(?:link|mail|seite|button|knopf|formular)\b.{0,30}\bgefunden\b/;
const ID_DOCUMENTS = ["personalausweis", "reisepass", "kinderreisepass"];
const CERTIFIABLE = ["geburtsurkunde", "sterbeurkunde", "eheschliessung", "meldebescheinigung", "fuehrungszeugnis", "personalausweis", "reisepass"];

/** Events that are often the reason for a request rather than its subject. */
const EVENT_WORD = /^(?:hochzeit\w*|heirat\w*|trauung\w*|eheschliessung\w*|umzug\w*|wegzug\w*|auswanderung\w*|todesfall\w*|sterbefall\w*)$/;
/** "bin umgezogen", "sind zugezogen": the move is stated as what happened, the request is what follows from it. */
const EVENT_STATEMENT = /^(?:umgezogen|zugezogen|hergezogen|eingezogen)$/;
/** A registration or application already done: its object names no service ("Gewerbe schon angemeldet"). */
const DONE_PARTICIPLE = /^(?:an|ab|um)gemeldet$|^(?:zugelassen|stillgelegt|beantragt|abgeholt)$/;
/** "für (meine) …", "zur …", "wegen der …", "nach dem …": the purpose or cause of the request. */
const REASON_MARKER = /^(?:fuer|fuers|zur|zum|wegen|aufgrund|anlaesslich|nach|vor)$/;
/** Adverbs by which a clause names the preceding one as its reason. */
const POINTS_BACK = /^(?:dafuer|hierfuer|deshalb|deswegen|daher|darum|weshalb|dazu)$/;
/** Filler between the marker and the event: articles, possessives, adjectives. */
const REASON_FILLER = /^(?:die|der|den|dem|das|des|ein\w*|mein\w*|unser\w*|mei|bevorstehend\w*|geplant\w*|anstehend\w*|kommend\w*|baldig\w*|neu\w*)$/;
/** "Termin für die Hochzeit", "Anmeldung zur Eheschließung": the event is what the appointment is for. */
const APPOINTMENT_WORD = /^(?:termin\w*|anmeld\w*|anmeldung\w*|beantrag\w*|buch\w*)$/;

export interface Resolved { id: string; first: number; last: number }

interface Layout { clause: number[]; sentence: number[]; kinds: (ObjectKind | null)[] }

/** Pronouns that stand for an object named before: "einen Hund adoptiert und müssen ihn anmelden". */
const ANAPHOR = /^(?:ihn|es|ihm)$/;
/** "auf mich ummelden", "auf meinen Namen": the new holder, not what is registered. */
const HOLDER_BEFORE = /^(?:auf)$/;

/** Object kinds of the words; a pronoun takes the kind of the nearest object named before it. */
function kindsOf(words: Token[]): (ObjectKind | null)[] {
  const kinds: (ObjectKind | null)[] = [];
  let lastKind: { kind: ObjectKind; at: number } | null = null;
  words.forEach((w, k) => {
    let kind = HOLDER_BEFORE.test(words[k - 1]?.text ?? "") ? null : objectKind(w.text);
    if (kind === null && ANAPHOR.test(w.text) && lastKind && k - lastKind.at <= 25 && lastKind.kind !== "person") kind = lastKind.kind;
    else if (kind !== null) lastKind = { kind, at: k };
    kinds.push(kind);
  });
  return kinds;
}

function layout(words: Token[], folded: string): Layout {
  const clause: number[] = [];
  const sentence: number[] = [];
  let c = 0;
  let s = 0;
  words.forEach((w, k) => {
    const gap = k === 0 ? "" : folded.slice(words[k - 1]?.end ?? 0, w.start);
    // the dot of a date ("am 19.12. in Italien") ends no sentence
    const sentenceEnd = /[!?;\n]/.test(gap) || (gap.includes(".") && !/^\d+$/.test(words[k - 1]?.text ?? ""));
    if (sentenceEnd) { s++; c++; } else if (/[,:()]/.test(gap) || CLAUSE_JOINER.test(w.text)) c++;
    clause.push(c);
    sentence.push(s);
  });
  return { clause, sentence, kinds: kindsOf(words) };
}

function strongest(kinds: Set<ObjectKind>): ObjectKind | null {
  return OBJECT_PRIORITY.find((k) => kinds.has(k)) ?? null;
}

interface Found { kind: ObjectKind; at: number[] }

function found(set: Set<ObjectKind> | undefined, clause: number, l: Layout): Found | null {
  const kind = set ? strongest(set) : null;
  if (kind === null) return null;
  return { kind, at: l.kinds.flatMap((k, i) => (k === kind && l.clause[i] === clause ? [i] : [])) };
}

/** The object a generic verb registers: its own clause, an earlier clause of the sentence, the nearest clause. */
function objectOf(m: Match, l: Layout): Found | null {
  const byClause = new Map<number, Set<ObjectKind>>();
  l.kinds.forEach((kind, k) => {
    if (kind === null || (k >= m.first && k <= m.last)) return;
    const c = l.clause[k] ?? 0;
    const set = byClause.get(c) ?? new Set<ObjectKind>();
    set.add(kind);
    byClause.set(c, set);
  });
  const own = l.clause[m.first] ?? 0;
  const ownSet = byClause.get(own);
  if (ownSet) return found(ownSet, own, l);
  const sentence = l.sentence[m.first] ?? 0;
  const clausesOfSentence = new Set(l.clause.filter((_, k) => l.sentence[k] === sentence));
  for (let c = own - 1; c >= 0 && clausesOfSentence.has(c); c--) {
    const set = byClause.get(c);
    if (set) return found(set, c, l);
  }
  let best: { distance: number; clause: number } | null = null;
  for (const c of byClause.keys()) {
    const distance = Math.abs(c - own) + (c > own ? 0.5 : 0);
    if (!best || distance < best.distance) best = { distance, clause: c };
  }
  return best ? found(byClause.get(best.clause), best.clause, l) : null;
}

function isGeneric(m: Match): boolean {
  return m.phrase.tokens.length === 1 && GENERIC_SERVICE_WORDS.has(m.phrase.tokens[0] ?? "");
}

/** The service a generic verb names, given what it registers; null when it is out of scope. */
function attach(id: string, object: ObjectKind | null): string | null {
  if (object === "elsewhere") return null;
  if (id === "anmeldung") {
    if (object === "vehicle") return "kfz_zulassung";
    if (object === "business") return "gewerbeanmeldung";
    if (object === "marriage") return "eheschliessung";
  }
  if (id === "abmeldung") {
    if (object === "vehicle") return "kfz_abmeldung";
    if (object === "business") return "gewerbeanmeldung";
  }
  return id;
}

/** "Pass für meinen Sohn", "Pass von meine Kind": a passport for a child is a Kinderreisepass. */
const CHILD_WORD = /^(?:kind|kinder|kindes|kids?|sohn|sohnes|tochter|baby|babys|saeugling|nachwuchs|kleinen?|neugeborene\w*)$/;
const OWNER_MARKER = /^(?:fuer|fuers|von|vom)$/;

function childPass(m: Match, words: Token[], l: Layout): string {
  if (m.id !== "reisepass") return m.id;
  const marker = words[m.last + 1]?.text ?? "";
  if (!OWNER_MARKER.test(marker) || l.clause[m.last + 1] !== l.clause[m.last]) return m.id;
  for (let k = m.last + 2, fillers = 0; k < words.length && fillers <= 2 && l.clause[k] === l.clause[m.last]; k++) {
    const w = words[k]?.text ?? "";
    if (CHILD_WORD.test(w)) return "kinderreisepass";
    if (!REASON_FILLER.test(w)) return m.id;
    fillers++;
  }
  return m.id;
}

/** An event named as the reason: "für meine Hochzeit", "nach Umzug", "wegen der Heirat". */
function isReason(m: Match, words: Token[], l: Layout, done: Set<number>): boolean {
  if (done.has(l.clause[m.first] ?? -1) && !isGeneric(m)) return true;
  if (EVENT_STATEMENT.test(words[m.first]?.text ?? "") && m.first === m.last) return true;
  if (!EVENT_WORD.test(words[m.first]?.text ?? "")) return false;
  // "Mein Bruder heiratet im Dezember, dafür brauche ich einen Reisepass": a later clause points back to it
  for (let k = m.last + 1; k < words.length && l.sentence[k] === l.sentence[m.first]; k++) {
    if (l.clause[k] !== l.clause[m.first] && POINTS_BACK.test(words[k]?.text ?? "")) return true;
  }
  for (let k = m.first - 1, fillers = 0; k >= 0 && l.clause[k] === l.clause[m.first]; k--) {
    const w = words[k]?.text ?? "";
    if (REASON_MARKER.test(w)) return !APPOINTMENT_WORD.test(words[k - 1]?.text ?? "");
    if (!REASON_FILLER.test(w) || ++fillers > 3) return false;
  }
  return false;
}

export function resolveServices(matches: Match[], words: Token[], folded: string): Resolved[] {
  if (matches.length === 0) return [];
  const l = layout(words, folded);
  const done = new Set(words.flatMap((w, k) => (DONE_PARTICIPLE.test(w.text) ? [l.clause[k] ?? -1] : [])));
  const items: (Resolved & { reason: boolean })[] = [];
  // a catalogue word that is the object of a registration verb names no service of its own:
  // "Kennzeichen abmelden" is a vehicle deregistration, not also a registration
  const objects = new Set<number>();
  const verbs = new Map<Match, string | null>();
  for (const m of matches) {
    if (!isGeneric(m)) continue;
    const object = objectOf(m, l);
    const id = attach(m.id, object?.kind ?? null);
    verbs.set(m, id);
    if (id !== null && object && l.clause[object.at[0] ?? -1] === l.clause[m.first]) for (const k of object.at) objects.add(k);
  }
  for (const m of matches) {
    const id = verbs.has(m) ? verbs.get(m) ?? null : objects.has(m.first) && m.first === m.last ? null : childPass(m, words, l);
    if (id !== null) items.push({ id, first: m.first, last: m.last, reason: isReason(m, words, l, done) });
  }
  // a reason is dropped when the request names something else it is for
  const kept = items.filter((it) => !it.reason || !items.some((o) => !o.reason && o.id !== it.id));
  const ids = applyServiceRules([...new Set(kept.map((it) => it.id))], folded);
  return kept.filter((it) => ids.includes(it.id)).map(({ id, first, last }) => ({ id, first, last }));
}

/** Rules between the services found: the action wins over the document, one registration direction. */
export function applyServiceRules(ids: string[], folded: string): string[] {
  let out = [...ids];
  const has = (id: string) => out.includes(id);
  if (MARRIAGE.test(folded) && has("eheschliessung")) out = out.filter((id) => id !== "anmeldung");
  if (has("anmeldung") && has("abmeldung")) {
    out = out.filter((id) => id !== (EMIGRATION.test(folded) ? "anmeldung" : "abmeldung"));
  }
  if (has("abholung") && has("fundsache")) out = out.filter((id) => id !== "abholung");
  if (has("abholung")) out = out.filter((id) => !ID_DOCUMENTS.includes(id));
  if (has("beglaubigung")) out = out.filter((id) => !CERTIFIABLE.includes(id));
  if (has("fundsache") && !LOST_AND_FOUND_PLACE.test(folded) && out.some((id) => ID_DOCUMENTS.includes(id))) {
    // "Ausweis verloren" asks for a new ID, not for the lost-and-found office
    out = out.filter((id) => id !== "fundsache");
  }
  // "den Link nicht gefunden": finding nothing on a page is no lost property
  if (has("fundsache") && !LOST_AND_FOUND_PLACE.test(folded) && NOT_FOUND.test(folded)) out = out.filter((id) => id !== "fundsache");
  if (has("internationaler_fuehrerschein")) out = out.filter((id) => id !== "fuehrerschein_umtausch");
  return out;
}
