// Catalogue services named in a request, driven by the synonyms of the city configuration.
// Before matching, words are brought into the forms the synonyms use:
//   - "abzumelden" → "abmelden" (infinitive with "zu");
//   - "muss zugelassen werden", "ist noch nicht angemeldet" → "zulassen", "anmelden" (a participle that
//     states a need; "habe mich schon angemeldet" is a past event and stays unmatched);
//   - "Ausweisbeantragung", "Passverlängerung", "Autoummeldung" → "ausweis beantragung", "pass
//     verlaengerung", "auto ummeldung" (a catalogue word joined with an action noun).
import type { LanguageConfig } from "../types.ts";
import type { Token } from "../text/tokens.ts";
import { phraseTokens } from "../text/tokens.ts";
import { buildPhrases, findPhrases, type Match, type Phrase } from "./lexicon-matcher.ts";
import { resolveServices, type Resolved } from "./service-rules.ts";
import { beneficiaryCount, countAfter, countBefore, requestCounts, subjectCount } from "./counts.ts";

const ZU_INFINITIVE = /^(ab|an|um|aus|ein|zu|vor)zu([a-z]{4,})$/;
/** Separable verbs in the participle: "abgemeldet", "zugelassen", "umgemeldet", "stillgelegt", "abgeholt". */
const PARTICIPLE = /^(ab|an|um|zu|still)ge([a-z]{3,})$/;
/** Words after a participle that make it a need: "muss abgemeldet werden", "zugelassen lassen/bekommen". */
const PASSIVE_AFTER = /^(?:werden|wird|lassen|bekommen)$/;
/** "noch nicht zugelassen", "nicht angemeldet": the state that is still missing. */
const MISSING_BEFORE = /^(?:nicht|noch|nich|net)$/;
/** "wenn das Auto umgemeldet ist", "sobald es zugelassen ist": a state still to come is a need as well. */
const PENDING_BEFORE = /^(?:wenn|sobald|bevor|bis)$/;
/** Action nouns that join a catalogue word into one compound ("Ausweis|beantragung", "Pass|termin"). */
const COMPOUND_TAILS = new Set([
  "beantragung", "antrag", "antraege", "verlaengerung", "erneuerung", "ausstellung", "neuausstellung", "neuantrag",
  "termin", "termine", "abholung", "verlust", "umtausch", "aenderung", "ummeldung", "anmeldung", "abmeldung",
  "zulassung", "neuzulassung", "angelegenheit", "sache", "bestellung", "ersatz",
]);
const PLURAL_END = /(?:en|n|e|s)$/;
const VEHICLE_SERVICES = new Set(["kfz_zulassung", "kfz_abmeldung"]);

interface Lexicon { phrases: Phrase[]; heads: Set<string> }
const lexiconCache = new WeakMap<LanguageConfig, Lexicon>();

function lexiconOf(config: LanguageConfig): Lexicon {
  let lexicon = lexiconCache.get(config);
  if (!lexicon) {
    const phrases = buildPhrases(config.services.map((s) => ({ id: s.id, phrases: [s.name, ...(s.synonyms ?? [])] })));
    // compound heads: one-word synonyms that name a document or permit, and the vehicles
    // "Anmelde|termin", "Abmelde|bestätigung": the verb stem joins an action noun as well
    const heads = new Set<string>(["auto", "fahrzeug", "kfz", "pkw", "motorrad", "wohnmobil", "anhaenger", "wohnsitz", "anmelde", "abmelde", "ummelde"]);
    for (const s of config.services) {
      for (const p of [s.name, ...(s.synonyms ?? [])]) {
        const t = phraseTokens(p);
        // "Zulassungs|termin", "Anmeldungs|termin": an action noun is a head as well
        if (t.length === 1 && (t[0] ?? "").length >= 4) heads.add(t[0] ?? "");
      }
    }
    lexicon = { phrases, heads };
    lexiconCache.set(config, lexicon);
  }
  return lexicon;
}

function participleInfinitive(word: string): string | null {
  const m = PARTICIPLE.exec(word);
  if (!m) return null;
  const rest = m[2] ?? "";
  const stem = rest.endsWith("et") ? rest.slice(0, -2) : rest.endsWith("en") ? null : rest.endsWith("t") ? rest.slice(0, -1) : undefined;
  if (stem === undefined) return null;
  return `${m[1]}${stem === null ? rest : `${stem}en`}`;
}

function isTail(word: string): boolean {
  if (COMPOUND_TAILS.has(word)) return true;
  const bare = word.replace(PLURAL_END, "");
  return bare !== word && COMPOUND_TAILS.has(bare);
}

/** "passverlaengerung" → ["pass", "verlaengerung"]; null when the word is no such compound. */
function splitCompound(word: string, heads: Set<string>): [string, string] | null {
  if (word.length < 8 || word.length > 48) return null;
  for (let cut = word.length - 4; cut >= 3; cut--) {
    const head = word.slice(0, cut);
    const tail = word.slice(cut);
    if (!isTail(tail)) continue;
    if (heads.has(head)) return [head, tail];
    // linking -s-: "Führerscheins|antrag" is rare, "Fahrzeugs|zulassung" less so
    if (head.endsWith("s") && heads.has(head.slice(0, -1))) return [head.slice(0, -1), tail];
  }
  return null;
}

/** "melden uns ab", "hole den Ausweis ab": a separable verb, its particle at the clause end. */
const SEPARABLE: Readonly<Record<string, RegExp>> = {
  melden: /^meld(?:e|en|et|est)$/,
  holen: /^hol(?:e|en|t|st)$/,
};
const PARTICLES: Readonly<Record<string, RegExp>> = { melden: /^(?:ab|an|um)$/, holen: /^(?:ab)$/ };

/** "wir melden uns ab" → "wir abmelden uns …", "ich hole den Pass ab" → "ich abholen den Pass …". */
function joinParticles(tokens: Token[], folded: string): Token[] {
  const out = [...tokens];
  for (let i = 0; i < out.length; i++) {
    const verb = Object.keys(SEPARABLE).find((v) => SEPARABLE[v]?.test(out[i]?.text ?? ""));
    if (verb === undefined) continue;
    for (let k = i + 1; k <= i + 6 && k < out.length; k++) {
      const gap = folded.slice(out[k - 1]?.end ?? 0, out[k]?.start ?? 0);
      if (/[.!?;,:\n]/.test(gap)) break;
      const t = out[k] as Token;
      if (!PARTICLES[verb]?.test(t.text)) continue;
      const after = folded.slice(t.end, out[k + 1]?.start ?? folded.length);
      if (!/[.!?;,:\n)]|^\s*$/.test(after) && !/^(?:und|oder|aber|sowie)$/.test(out[k + 1]?.text ?? "")) continue;
      out[i] = { ...(out[i] as Token), text: `${t.text}${verb}` };
      out[k] = { ...t, text: "ja" };
      break;
    }
  }
  return out;
}

/** "jetzt muss ich mich irgendwo melden": a duty to report oneself is the residence registration. */
const DUTY = /^(?:muss|muessen|musst|sollte|soll|sollen)$/;

function reportingDuty(tokens: Token[], folded: string): Token[] {
  return tokens.map((t, i) => {
    if (t.text !== "melden") return t;
    // the words of its own clause only
    const before = tokens.slice(Math.max(0, i - 5), i).filter((w) => !/[.!?;,\n]/.test(folded.slice(w.end, t.start)));
    if (!before.some((w) => DUTY.test(w.text)) || !before.some((w) => /^(?:mich|uns)$/.test(w.text))) return t;
    if (/^\s*(?:bei|zurueck)\b/.test(folded.slice(t.end, t.end + 12)) || before.some((w) => /^(?:bei|zurueck|telefonisch)$/.test(w.text))) return t;
    return { ...t, text: "anmelden" };
  });
}

function normalizeWords(raw: Token[], folded: string): Token[] {
  const tokens = reportingDuty(joinParticles(raw, folded), folded);
  return tokens.map((t, i) => {
    if (ZU_INFINITIVE.test(t.text)) return { ...t, text: t.text.replace(ZU_INFINITIVE, "$1$2") };
    const infinitive = participleInfinitive(t.text);
    if (infinitive !== null) {
      const next = tokens[i + 1]?.text ?? "";
      const before = [tokens[i - 1]?.text ?? "", tokens[i - 2]?.text ?? ""];
      if (PASSIVE_AFTER.test(next) || before.some((w) => MISSING_BEFORE.test(w))) return { ...t, text: infinitive };
      const clause = tokens.slice(Math.max(0, i - 5), i);
      const cut = clause.map((w) => w.text).lastIndexOf("und");
      if (clause.slice(cut + 1).some((w) => PENDING_BEFORE.test(w.text)) && /^(?:ist|sind|wird|wurde)$/.test(next)) return { ...t, text: infinitive };
    }
    return t;
  });
}

const SERVICE_JOINER = /^(?:und|sowie|oder|bzw|u)$/;
const SERVICE_JOIN_FILLER = /^(?:ein|eine|einen|einem|die|den|der|dem|das|des|neue\w*|mein\w*|unser\w*|auch|noch|jeweils)$/;

/** Two services named together, with nothing but "und" and articles between them. */
function joinedServices(words: Token[], folded: string, aLast: number, bFirst: number): boolean {
  if (bFirst <= aLast + 1) return false;
  if (/[.!?;:\n()]/.test(folded.slice(words[aLast]?.end ?? 0, words[bFirst]?.start ?? 0))) return false;
  let joiner = false;
  for (let k = aLast + 1; k < bFirst; k++) {
    const w = words[k]?.text ?? "";
    if (SERVICE_JOINER.test(w)) joiner = true;
    else if (!SERVICE_JOIN_FILLER.test(w)) return false;
  }
  return joiner || /,/.test(folded.slice(words[aLast]?.end ?? 0, words[bFirst]?.start ?? 0));
}

export function findServices(tokens: Token[], folded: string, config: LanguageConfig): { id: string; count: number }[] {
  const { phrases, heads } = lexiconOf(config);
  let words = normalizeWords(tokens, folded);
  let matches: Match[] = findPhrases(words, phrases, { inflection: true, maxGap: 2 });
  // words no synonym covers may be compounds of a catalogue word and an action noun
  const covered = new Set<number>();
  for (const m of matches) for (let k = m.first; k <= m.last; k++) covered.add(k);
  let split = false;
  const expanded: Token[] = [];
  words.forEach((w, k) => {
    const parts = covered.has(k) ? null : splitCompound(w.text, heads);
    if (parts) {
      split = true;
      for (const part of parts) expanded.push({ ...w, text: part });
    } else {
      expanded.push(w);
    }
  });
  if (split) {
    words = expanded;
    matches = findPhrases(words, phrases, { inflection: true, maxGap: 2 });
  }
  const resolved = resolveServices(matches, words, folded);
  const order: string[] = [];
  const local = new Map<string, number>();
  for (const r of resolved) {
    if (!order.includes(r.id)) order.push(r.id);
    // parts of one compound share its position: the number stands before the whole word
    let first = r.first;
    while (first > 0 && words[first - 1]?.start === words[r.first]?.start) first--;
    // "Beglaubigung von 2 Kopien" may be one phrase of the lexicon with the number inside it
    let after: number | null = null;
    for (let k = r.first; k <= r.last && after === null; k++) after = countAfter(words, k, folded);
    const n = countBefore(words, first, folded) ?? after ?? beneficiaryCount(words, r.first, r.last, folded) ??
      subjectCount(words, first, folded);
    if (n !== null && !local.has(r.id)) local.set(r.id, n);
  }
  // "Abholung von 3 Ausweisen": an action on documents counts the documents it absorbed
  for (const id of ["abholung", "beglaubigung"]) {
    if (!order.includes(id) || local.has(id)) continue;
    for (const m of matches) {
      if (order.includes(m.id)) continue;
      const n = countBefore(words, m.first, folded);
      if (n !== null) {
        local.set(id, n);
        break;
      }
    }
  }
  // "Perso und Reisepass für mich und meine Frau": services joined by "und" share whom they are for
  for (let k = resolved.length - 2; k >= 0; k--) {
    const a = resolved[k] as Resolved;
    const b = resolved[k + 1] as Resolved;
    const n = local.get(b.id);
    if (n === undefined || local.has(a.id) || !joinedServices(words, folded, a.last, b.first)) continue;
    if (countBefore(words, b.first, folded) === null) local.set(a.id, n);
  }
  const { cases, persons, total } = requestCounts(folded);
  const grouped = /\bzu\s+(?:zweit|dritt|viert|fuenft|sechst|siebt|acht)\b/.test(folded);
  // persons added up from the text belong to the services that do not say whom they are for themselves:
  // "Pässe für meinen Mann und mich und einen Kinderpass für Lena" asks for one Kinderpass
  const sharedPersons = total || local.size === 0 || order.length === 1 ? persons : null;
  // a number of things already given to one service ("Beglaubigung von 3 Dokumenten") is not everyone's
  const sharedCases = cases !== null && [...local.values()].includes(cases) ? null : cases;
  const shared = grouped ? persons : sharedCases ?? sharedPersons;
  return order.map((id) => {
    // the services a rule swapped in inherit the count of the word they replaced
    const inherited = order.length === 1 ? [...local.values()][0] : undefined;
    // a vehicle is registered once however many people come: only a number of vehicles counts
    const fallback = VEHICLE_SERVICES.has(id) ? sharedCases : shared;
    const count = id === "eheschliessung" ? 1 : local.get(id) ?? inherited ?? fallback ?? 1;
    return { id, count: Math.max(1, Math.min(20, count)) };
  });
}
