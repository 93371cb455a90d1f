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
  /^(?:auto|autos|fahrzeug\w*|\w+fahrzeug\w*|kfz\w*|pkw\w*|lkw\w*|wagen|neuwagen|gebrauchtwagen|zweitwagen|firmenwagen|dienstwagen|wohnwagen|lieferwagen|sprinter|bulli|kombi|cabrio|suv|laster|traktor|trecker|quad|moped|mofa|golf|polo|passat|corsa|astra|fiesta|twingo|motorrad\w*|motorraeder\w*|roller|motorroller|anhaenger\w*|wohnmobil\w*|kennzeichen\w*|transporter|oldtimer|karre|kiste)$/;
const BUSINESS_WORD = /^(?:\w*gewerbe\w*|firma|firmen|selbsts?taendigkeit|selbsts?taendig|geschaeft|kleinunternehmen|einzelunternehmen)$/;
const MARRIAGE_WORD = /^(?:ehe|eheschliessung|heirat\w*|hochzeit\w*|trauung\w*|trautermin\w*|standesamtlich\w*)$/;
/** Things citizens register elsewhere: pets, schools, day care, clubs, courses, broadcasting, utilities. */
const ELSEWHERE_WORD =
  /^(?:hund(?!ert)\w*|katze\w*|kater|haustier\w*|welpe\w*|\w*schule\w*|\w*schul|kita\w*|kindergarten\w*|krippe\w*|kinderkrippe\w*|hort|\w*verein|\w*vereine|\w*vereins|\w*muell\w*|abfall\w*|sperrgut|\w*tonne|gruenschnitt|gruengut|laub|elektroschrott|paket\w*|paeckchen|\w*kurs\w*|studium|studiengang|uni|universitaet|pruefung\w*|rundfunk\w*|gez|radio|strom|gas|internet|telefon\w*|handy|fahrrad\w*|boot|veranstaltung\w*|versammlung\w*|demo|\w*steuer\w*|wohngeld\w*|kindergeld\w*|elterngeld\w*|buergergeld|krankenkasse\w*|jobcenter|arbeitsamt|newsletter\w*|abo|abonnement\w*|mailingliste\w*|verteiler\w*|benachrichtigung\w*|konto|kundenkonto|account|gewinn\w*|gutschein\w*|preis|\w*versicherung\w*|briefwahl\w*|wahlhelfer\w*|briefwaehler\w*|wahlschein\w*)$/;
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
const EVENT_STATEMENT = /^(?:umgezogen|zugezogen|hergezogen|eingezogen|gestorben|verstorben)$/;
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
function kindsOf(words: Token[], folded: string): (ObjectKind | null)[] {
  const kinds: (ObjectKind | null)[] = [];
  let lastKind: { kind: ObjectKind; at: number } | null = null;
  words.forEach((w, k) => {
    // "Kfz-Steuer": the first part of a hyphenated compound only modifies its last part
    const modifier = folded[w.end] === "-" && words[k + 1]?.start === w.end + 1 && objectKind(words[k + 1]?.text ?? "") !== null;
    let kind = HOLDER_BEFORE.test(words[k - 1]?.text ?? "") || modifier ? null : objectKind(w.text);
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
  return { clause, sentence, kinds: kindsOf(words, folded) };
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

/** What one finds that is no lost property: "endlich eine Wohnung gefunden", "einen Job gefunden". */
const FOUND_NON_ITEM = /^(?:wohnung\w*|haus|zimmer|job|arbeit\w*|stelle|ausbildung\w*|nachmieter\w*|mieter\w*|kitaplatz|platz|zeit|loesung|antwort\w*|info\w*|termin\w*|partner\w*)$/;

function foundNoItem(m: Match, words: Token[], l: Layout): boolean {
  if (m.id !== "fundsache") return false;
  return words.some((w, k) => l.clause[k] === l.clause[m.first] && FOUND_NON_ITEM.test(w.text));
}

/** "zuschicken lassen, statt sie abzuholen": the option turned down is not asked for. */
function turnedDown(m: Match, words: Token[]): boolean {
  for (let k = m.first - 1; k >= Math.max(0, m.first - 4); k--) if (/^(?:statt|anstatt|anstelle)$/.test(words[k]?.text ?? "")) return true;
  return false;
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

/** "seit meinem Umzug": an event as a point in time is never what is asked for. */
function sinceEvent(m: Match, words: Token[]): boolean {
  if (!EVENT_WORD.test(words[m.first]?.text ?? "")) return false;
  for (let k = m.first - 1, fillers = 0; k >= 0 && fillers <= 2; k--) {
    const w = words[k]?.text ?? "";
    if (w === "seit" || w === "seitdem") return true;
    if (!REASON_FILLER.test(w)) return false;
    fillers++;
  }
  return false;
}

/** Verbs of applying or registering that make an out-of-scope object a request: "Wohngeld beantragen". */
const APPLY_VERB = /^(?:beantrag\w*|anmeld\w*|abmeld\w*|ummeld\w*|anzumelden|abzumelden|brauch\w*|benoetig\w*)$/;

/** A request for something another office handles: a registration verb attached to it, or "Wohngeld beantragen". */
function outOfScopeRequest(words: Token[], l: Layout, verbs: Map<Match, string | null>): boolean {
  for (const [m, id] of verbs) if (id === null && objectOf(m, l)?.kind === "elsewhere") return true;
  return l.kinds.some((kind, k) => kind === "elsewhere" && words.some((w, j) => l.clause[j] === l.clause[k] && APPLY_VERB.test(w.text)));
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

/**
 * Catalogue words that name the context of a request rather than a service asked for. Each is dropped only
 * when the request asks for another service:
 *   - a past report: "beim Fundbüro habe ich schon nachgefragt";
 *   - a document in a negated state: "der Führerschein war nicht im Portemonnaie", "weil die Geburtsurkunde
 *     noch nicht übersetzt ist", "wenn man keine Geburtsurkunde mehr hat";
 *   - a document one brings for another service: "was brauche ich für die Anmeldung außer dem
 *     Personalausweis?", "ob ich für den Kinderreisepass die Geburtsurkunde mitbringen muss", "Reicht der
 *     Personalausweis?";
 *   - the office or the plate that identifies the vehicle: "die Zeiten der Zulassungsstelle", "mein Fahrzeug
 *     mit dem Kennzeichen DO-KL 482 außer Betrieb setzen".
 */
const PAST_MARK = /^(?:schon|bereits)$/;
const AUXILIARY = /^(?:habe|hab|hat|haben|hatte|hatten|war|waren|bin|sind|ist)$/;
const PARTICIPLE_WORD = /^[a-z]{0,5}ge[a-z]{2,}(?:t|en)$/;
const NEGATION_WORD = /^(?:nicht|kein|keine|keinen|keiner|keinem)$/;
const COPULA = /^(?:war|waren|ist|sind|hat|habe|hab|haben|hatte|wurde|wird)$/;
/** States that make a document the need itself: "nicht mehr gültig", "kaputt", "verloren". */
const NEED_STATE = /^(?:gueltig\w*|abgelaufen|ablaeuft|kaputt|beschaedigt|verloren|gestohlen|unleserlich|voll)$/;
const NEED_VERB = /^(?:brauch\w*|benoetig\w*|moecht\w*|will|wollen|beantrag\w*|termin\w*|bestell\w*)$/;
/** Document services: what one brings to another service, or what a state is told about. */
const DOCUMENT_SERVICES = new Set([
  "personalausweis", "reisepass", "kinderreisepass", "geburtsurkunde", "sterbeurkunde", "meldebescheinigung",
  "fuehrungszeugnis", "fuehrerschein_umtausch", "internationaler_fuehrerschein", "kfz_zulassung",
]);
const BRING_CUE = /^(?:mitbring\w*|mitzubringen|mitnehm\w*|mitzunehmen|vorleg\w*|vorzuleg\w*|vorzeig\w*|reicht|reichen|genuegt|genuegen|ausreich\w*|ausser|ausserdem\s*)$/;
const PURPOSE_MARKER = /^(?:fuer|fuers|zur|zum)$/;
const QUESTION_WORD = /^(?:ob|was|welche\w*|brauch|brauche|braucht|brauchen|muss|reicht|kann|koennen)$/;
const COORDINATION_FILLER = /^(?:und|sowie|oder|bzw|ein\w*|die|den|der|dem|das|des|fuer|fuers|zur|zum|neue\w*|mein\w*|unser\w*|auch|noch)$/;
/** Words that name the vehicle or its office, not the registration asked for. */
const VEHICLE_CONTEXT_WORD = /^(?:kennzeichen\w*|zulassungsstelle\w*)$/;

function sentenceRange(l: Layout, k: number): [number, number] {
  const s = l.sentence[k];
  let a = k;
  let b = k;
  while (a > 0 && l.sentence[a - 1] === s) a--;
  while (b + 1 < l.sentence.length && l.sentence[b + 1] === s) b++;
  return [a, b];
}

function clauseWords(words: Token[], l: Layout, k: number): string[] {
  return words.filter((_, i) => l.clause[i] === l.clause[k]).map((w) => w.text);
}

function isPastReport(words: Token[], l: Layout, m: Match): boolean {
  const clause = clauseWords(words, l, m.first);
  return clause.some((w) => PAST_MARK.test(w)) && clause.some((w) => AUXILIARY.test(w)) && clause.some((w) => PARTICIPLE_WORD.test(w));
}

/** "kein Perso, ich brauch nen Reisepass", "nicht um den Ausweis": a service turned down in a correction. */
function isNegatedMention(words: Token[], l: Layout, m: Match): boolean {
  for (let k = m.first - 1; k >= Math.max(0, m.first - 4) && l.clause[k] === l.clause[m.first]; k--) {
    const w = words[k]?.text ?? "";
    if (/^(?:kein|keine|keinen|keinem|keiner|nicht|nich|net|ohne)$/.test(w)) return !/^(?:nur|bloss|allein)$/.test(words[k + 1]?.text ?? "");
    if (!/^(?:um|fuer|fuers|den|die|das|dem|einen|eine|ein|nen|ne|neuen|neue|mehr|so|wegen)$/.test(w)) return false;
  }
  return false;
}

function isNegatedState(words: Token[], l: Layout, m: Match, id: string): boolean {
  if (!DOCUMENT_SERVICES.has(id)) return false;
  const clause = clauseWords(words, l, m.first);
  return clause.some((w) => NEGATION_WORD.test(w)) && clause.some((w) => COPULA.test(w) || PARTICIPLE_WORD.test(w)) &&
    !clause.some((w) => NEED_STATE.test(w) || NEED_VERB.test(w));
}

/** The purpose of a question: a service right after "für", "zur" ("für die Anmeldung", "für den Kinderreisepass"). */
function purposeAt(words: Token[], m: Match): boolean {
  for (let k = m.first - 1, fillers = 0; k >= 0 && fillers <= 2; k--) {
    const w = words[k]?.text ?? "";
    if (PURPOSE_MARKER.test(w)) return true;
    if (!REASON_FILLER.test(w)) return false;
    fillers++;
  }
  return false;
}

function coordinated(words: Token[], a: Match, b: Match): boolean {
  const [x, y] = a.first < b.first ? [a, b] : [b, a];
  let joiner = false;
  for (let k = x.last + 1; k < y.first; k++) {
    const w = words[k]?.text ?? "";
    if (!COORDINATION_FILLER.test(w)) return false;
    if (/^(?:und|sowie|oder|bzw)$/.test(w)) joiner = true;
  }
  return joiner;
}

function isSupporting(words: Token[], l: Layout, folded: string, m: Match, id: string, all: Match[]): boolean {
  if (!DOCUMENT_SERVICES.has(id) || purposeAt(words, m)) return false;
  const [a, b] = sentenceRange(l, m.first);
  const sentence = words.slice(a, b + 1).map((w) => w.text);
  const asks = /\?/.test(folded.slice(words[a]?.start ?? 0, (words[b + 1]?.start ?? folded.length))) || sentence.includes("ob");
  if (!asks) return false;
  const others = all.filter((o) => o !== m && o.first >= a && o.last <= b && o.id !== m.id);
  // "für die Anmeldung … außer dem Personalausweis": the purpose is another service of the same question
  if (others.some((o) => purposeAt(words, o) && !coordinated(words, o, m)) && sentence.some((w) => QUESTION_WORD.test(w))) return true;
  // "Reicht der Personalausweis?": a question of its own about what suffices or is brought
  return others.length === 0 && sentence.some((w) => BRING_CUE.test(w));
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
    const id = turnedDown(m, words) || foundNoItem(m, words, l) ? null : attach(m.id, object?.kind ?? null);
    verbs.set(m, id);
    if (id !== null && object && l.clause[object.at[0] ?? -1] === l.clause[m.first]) for (const k of object.at) objects.add(k);
  }
  const extra = coordinatedObjects(words, l, verbs);
  const context = new Set<Resolved>();
  for (const m of matches) {
    const id = verbs.has(m) ? verbs.get(m) ?? null : objects.has(m.first) && m.first === m.last ? null : childPass(m, words, l);
    if (id === null) continue;
    // "eine beglaubigte Übersetzung": a sworn translator certifies it, not the office
    if (id === "beglaubigung" && /^uebersetzung\w*$/.test(words[m.last + 1]?.text ?? "")) continue;
    const item = { id, first: m.first, last: m.last, reason: isReason(m, words, l, done) || sinceEvent(m, words) };
    items.push(item);
    const vehicleContext = m.first === m.last && VEHICLE_CONTEXT_WORD.test(words[m.first]?.text ?? "") ||
      // "Gewerbe ummelden (neue Adresse der Firma)": the address is the business's, not a residence
      id === "anmeldung" && !isGeneric(m) && words.some((_, k) => l.clause[k] === l.clause[m.first] && (l.kinds[k] === "business" || l.kinds[k] === "vehicle"));
    if (vehicleContext || isPastReport(words, l, m) || isNegatedMention(words, l, m) || isNegatedState(words, l, m, id) || isSupporting(words, l, folded, m, id, matches)) context.add(item);
  }
  for (const e of extra) if (!items.some((it) => it.id === e.id)) items.push({ ...e, reason: false });
  items.sort((a, b) => a.first - b.first);
  // a reason is dropped when the request names something else it is for, in the catalogue or not
  // ("seit meinem Umzug … möchte ich Wohngeld beantragen")
  const elsewhere = outOfScopeRequest(words, l, verbs);
  const asked = items.filter((it) => !it.reason && !context.has(it));
  const kept = items.filter((it) => {
    if (it.reason) return elsewhere || items.some((o) => !o.reason && o.id !== it.id) ? false : !context.has(it);
    return !context.has(it) || !asked.some((o) => o.id !== it.id);
  });
  const ids = applyServiceRules([...new Set(kept.map((it) => it.id))], folded, actionApart(kept, words, l, folded));
  return kept.filter((it) => ids.includes(it.id)).map(({ id, first, last }) => ({ id, first, last }));
}

/** Words between a document and an action that start a second request: "… und müsste außerdem …". */
const SEPARATE_REQUEST = /^(?:ausserdem|zusaetzlich|ebenfalls|weiterhin)$/;
/** Verbs by which a document's own clause asks for it: "… und gleich einen neuen Reisepass beantragen". */
const OWN_REQUEST = /^(?:beantrag\w*|brauch\w*|braeucht\w*|benoetig\w*|verlaenger\w*|ausstellen|bestellen)$/;
/** A finished document is the one collected: "Reisepass ist fertig, will abholen". */
const READY = /^(?:fertig|abholbereit|da|angekommen|ausgestellt)$/;
/** Objects an action names for itself: copies, documents, certificates of school. */
const ACTION_OBJECT = /^(?:\w*kopie\w*|dokument\w*|\w*zeugnis\w*|unterschrift\w*|unterlagen|vollmacht\w*|vertrag\w*|diplom\w*)$/;
const ACTIONS: Readonly<Record<string, string[]>> = { beglaubigung: CERTIFIABLE, abholung: ID_DOCUMENTS };

/**
 * Documents that stand apart from every action on documents in the text: "eine Meldebescheinigung für den
 * Kindergeldantrag und müsste außerdem die Geburtsurkunde beglaubigen lassen", "Perso abholen und gleich
 * einen neuen Reisepass beantragen" ask for both. A document in the clause of the action is its object.
 */
function actionApart(items: Resolved[], words: Token[], l: Layout, folded: string): Set<string> {
  const apart = new Set<string>();
  for (const [action, documents] of Object.entries(ACTIONS)) {
    const acts = items.filter((it) => it.id === action);
    if (acts.length === 0) continue;
    for (const it of items) {
      if (!documents.includes(it.id)) continue;
      const separated = acts.every((c) => {
        if (l.clause[c.first] === l.clause[it.first]) return false;
        // "Beglaubigung von 3 Dokumenten und Meldebescheinigung": the action has its own object already
        const joinedAfter = it.first > c.last && /^(?:und|sowie)$/.test(words[words.findIndex((_, k) => l.clause[k] === l.clause[it.first])]?.text ?? "") &&
          !/:/.test(folded.slice(words[c.last]?.end ?? 0, words[it.first]?.start ?? 0));
        if (joinedAfter && words.some((w, k) => l.clause[k] === l.clause[c.first] && ACTION_OBJECT.test(w.text))) return true;
        const [a, b] = c.first < it.first ? [c.last + 1, it.first] : [it.last + 1, c.first];
        const own = words.filter((_, k) => l.clause[k] === l.clause[it.first]).map((w) => w.text);
        if (own.some((w) => READY.test(w))) return false;
        for (let k = a; k < b; k++) if (SEPARATE_REQUEST.test(words[k]?.text ?? "")) return true;
        // "… und gleich einen neuen Reisepass beantragen": the document's own clause asks for it
        return own.some((w) => OWN_REQUEST.test(w));
      });
      if (separated) apart.add(it.id);
    }
  }
  return apart;
}

const COORDINATION = /^(?:und|sowie|u)$/;

/**
 * A registration verb with a second object joined by "und" in a clause of its own: "Ummeldung Wohnsitz und
 * Auto" registers the residence and the car. The joined clause holds nothing but the object and fillers.
 */
function coordinatedObjects(words: Token[], l: Layout, verbs: Map<Match, string | null>): Resolved[] {
  const out: Resolved[] = [];
  for (const [m, id] of verbs) {
    if (id === null || m.id !== "anmeldung" && m.id !== "abmeldung") continue;
    const own = l.clause[m.first] ?? 0;
    for (const c of [own + 1, own - 1]) {
      const at = words.flatMap((_, k) => (l.clause[k] === c ? [k] : []));
      if (at.length === 0 || at.length > 5 || l.sentence[at[0] ?? 0] !== l.sentence[m.first]) continue;
      // the joined clause starts with "und" (after the verb) or the verb's clause does (before it)
      const joinAt = c > own ? at[0] ?? 0 : words.findIndex((_, k) => l.clause[k] === own);
      if (!COORDINATION.test(words[joinAt]?.text ?? "")) continue;
      const objects = at.filter((k) => l.kinds[k] !== null);
      if (objects.length !== 1 || at.some((k) => l.kinds[k] === null && !REASON_FILLER.test(words[k]?.text ?? "") && !COORDINATION.test(words[k]?.text ?? ""))) continue;
      const k = objects[0] ?? 0;
      const other = attach(m.id, l.kinds[k] ?? null);
      if (other !== null && other !== id) out.push({ id: other, first: k, last: k });
    }
  }
  return out;
}

/** Rules between the services found: the action wins over the document, one registration direction. */
export function applyServiceRules(ids: string[], folded: string, apart: Set<string> = new Set()): string[] {
  let out = [...ids];
  const has = (id: string) => out.includes(id);
  if (MARRIAGE.test(folded) && has("eheschliessung")) out = out.filter((id) => id !== "anmeldung");
  if (has("anmeldung") && has("abmeldung")) {
    out = out.filter((id) => id !== (EMIGRATION.test(folded) ? "anmeldung" : "abmeldung"));
  }
  if (has("abholung") && has("fundsache")) out = out.filter((id) => id !== "abholung");
  if (has("abholung")) out = out.filter((id) => !ID_DOCUMENTS.includes(id) || apart.has(id));
  if (has("beglaubigung")) out = out.filter((id) => !CERTIFIABLE.includes(id) || apart.has(id));
  if (has("fundsache") && !LOST_AND_FOUND_PLACE.test(folded) && out.some((id) => id !== "fundsache" && id !== "abholung")) {
    // "Ausweis verloren", "Geburtsurkunde verloren gegangen" ask for a new document, "der Vorbesitzer hat nur
    // Teil II gefunden" tells how a vehicle registration stands: only the lost-and-found office makes it one
    out = out.filter((id) => id !== "fundsache");
  }
  // "den Link nicht gefunden": finding nothing on a page is no lost property
  if (has("fundsache") && !LOST_AND_FOUND_PLACE.test(folded) && NOT_FOUND.test(folded)) out = out.filter((id) => id !== "fundsache");
  if (has("internationaler_fuehrerschein")) out = out.filter((id) => id !== "fuehrerschein_umtausch");
  return out;
}
