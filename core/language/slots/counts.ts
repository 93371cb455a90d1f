// How many persons or cases a request is for (nlu.md §5.2 "count"). Only explicit numbers count;
// ages in brackets ("mein Vater (79)") and numbers in dates or times never do.
//
// The request is read as a sequence of person and case mentions:
//   - a number before a person or case noun: "3 Erwachsene", "zwei kids", "meine 2 kleinen", "4 person";
//   - a relative: "meine Frau", "mei Mann", "bruder brauch …" (chat style drops the possessive);
//   - the sender in a coordination: "für mich und …", "… und ich", "ich auch".
// Mentions joined by "und", "+" or commas add up; a stated total ("wir sind 5", "insgesamt 4 Personen",
// "für alle fünf Familienmitglieder", "zu viert") wins over the parts it sums up.
import { numberFromToken } from "../lexicon/calendar-words.de.ts";
import type { Token } from "../text/tokens.ts";

const NUMBER_WORD: Readonly<Record<string, number>> = { beide: 2, beiden: 2, fuenf: 5, zwoelf: 12 };
const ONE = /^(?:ein|eine|einen|einem|einer|eins)$/;
/** Nouns that name persons; the ones that name a whole group state a total on their own. */
const PERSON_NOUN =
  /^(?:person|personen|leute|leuten|erwachsene[nr]?|kind|kinder|kindern|kids|kiddies|kleinen?|babys?|saeuglinge?n?|jugendliche[nr]?|familienmitglied(?:er|ern)?|mitglieder[n]?|kolleg(?:e|en|in|innen)|mitarbeiter(?:in|innen|n)?|soehne[n]?|toechter[n]?|sohn|tochter|enkel(?:kinder[n]?|n)?|geschwister[n]?|jungs|maedels|teilnehmer(?:innen|n)?|antragsteller(?:innen|n)?)$/;
const GROUP_NOUN = /^(?:person|personen|leute|leuten|familienmitglied(?:er|ern)?|teilnehmer(?:innen|n)?|antragsteller(?:innen|n)?)$/;
/** Things counted per case: vehicles, documents, copies. */
const CASE_NOUN =
  /^(?:autos|fahrzeuge[n]?|pkws?|wagen|motorraeder[n]?|anhaenger[n]?|kennzeichen|zeugniss(?:e|en)?|dokument(?:e|en)|kopien|seiten|urkunden|unterlagen|stueck|exemplare[n]?|ausfertigung(?:en)?|antraege[n]?|dinge[n]?|gegenstaende[n]?|faelle[n]?)$/;
/** One adjective may stand between number and noun: "zwei kleine Kinder", "3 beglaubigte Kopien". */
const ADJECTIVE = /^(?:klein|gross|neu|erwachsen|minderjaehrig|volljaehrig|beglaubigt|weiter|eigen|alt|jung|verschieden|gebraucht)\w*$/;
const RELATIVE =
  /^(?:mann|frau|ehemann|ehefrau|gatte|gattin|sohn|soehne|tochter|toechter|kind|kinder|partner\w*|freund\w*|mutter|vater|mama|papa|mutti|vati|eltern|grosseltern|schwiegereltern|oma|opa|bruder|brueder|schwester\w*|enkel\w*|familie|verlobte\w*|schwieger\w+|neffe|nichte|cousin\w*|tante|onkel)$/;
const MULTIPLES: Readonly<Record<string, number>> = { zwillinge: 2, zwillingen: 2, drillinge: 3, drillingen: 3, vierlinge: 4, vierlingen: 4 };
const POSSESSIVE = /^(?:mein\w*|unser\w*|mei|meim|meina)$/;
/** Verbs after which a number states what someone has, not whom the request is for: "ich habe 3 Kinder". */
const HAVING = /^(?:habe|hab|hat|haben|hatte|hatten|kriege|kriegen|bekomme|bekommen|erwarte|erwarten)$/;
/** Words before a number that turn it into a stated total. */
const TOTAL_MARKER = /^(?:alle|insgesamt|gesamt|zusammen|also|sind|anzahl)$/;
const LIST_JOINER = /^(?:und|sowie|plus|u)$/;
const GROUP_SIZE: Readonly<Record<string, number>> = { zweit: 2, dritt: 3, viert: 4, fuenft: 5, sechst: 6, siebt: 7, acht: 8 };

interface Piece { word: string; sep: string; raw: string }

/** Words with the punctuation that precedes each; bracketed ages are removed first. */
function pieces(folded: string): Piece[] {
  const text = folded.replace(/\(\s*\d{1,3}\s*(?:j|jahre?)?\s*\)/g, " ").replace(/\berw\./g, "erwachsene");
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(/[a-z0-9]+/g)) {
    const at = m.index ?? 0;
    const raw = text.slice(last, at);
    out.push({ word: m[0], sep: raw.replace(/\s+/g, " ").trim(), raw });
    last = at + m[0].length;
  }
  return out;
}

function numberAt(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (/^\d{1,2}$/.test(word)) return Number(word);
  if (ONE.test(word)) return 1;
  return NUMBER_WORD[word] ?? numberFromToken(word) ?? null;
}

/** Words before a number that make it a time, a date or a range: "um 10, Meldebescheinigung", "zwischen 2 und 4". */
const TEMPORAL_BEFORE = /^(?:um|ab|bis|vor|nach|gegen|zwischen|kw|in|am|den|dem|der|ca|circa|halb|viertel|seit|von|vom|zum|zur|uhr|so|spaetestens|fruehestens)$/;

/** A number right before the service word, allowing one adjective: "zwei neue Reisepässe", "3x Führungszeugnis". */
export function countBefore(tokens: Token[], first: number, folded: string): number | null {
  for (const k of [first - 1, first - 2]) {
    const t = tokens[k]?.text;
    if (t === undefined) break;
    const token = tokens[k] as Token;
    // nothing but spaces between the number and what it counts: "um 10, Pass" is a time
    const gap = folded.slice(token.end, tokens[k + 1]?.start ?? token.end);
    if (/[^\s]/.test(gap) || /[.:/-]/.test(folded[token.start - 1] ?? "")) break;
    // "3x Führungszeugnis": a multiplier written before the service
    const n = /^\d{1,2}x?$/.test(t) ? Number(t.replace("x", "")) : /^(?:ein|eine|einen)$/.test(t) ? null : numberFromToken(t.replace("fuenf", "fünf").replace("zwoelf", "zwölf"));
    if (n !== null && n >= 1 && n <= 20) return TEMPORAL_BEFORE.test(tokens[k - 1]?.text ?? "") ? null : n;
    if (k === first - 1 && !/^(?:neue\w*|weitere\w*|beglaubigte\w*|internationale\w*|alte\w*)$/.test(t)) break;
  }
  return null;
}

interface Mention { value: number; at: number; kind: "person" | "case"; total: boolean }

/** Number-noun mentions: "3 Erwachsene", "zwei kleine Kinder", "Personen: 3". */
function numberMentions(ps: Piece[], used: Set<number>): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < ps.length; i++) {
    const n = numberAt(ps[i]?.word);
    if (n === null || n < 1 || n > 20) continue;
    // "14.12.", "9:30", "2-3": a number in a date, time or range
    if (/^[.:/-]/.test(ps[i + 1]?.raw ?? "") || /[.:/-]$/.test(ps[i]?.raw ?? "")) continue;
    let noun = i + 1;
    if (ps[noun] && ADJECTIVE.test(ps[noun]?.word ?? "") && !PERSON_NOUN.test(ps[noun]?.word ?? "") && (ps[noun + 1]?.sep ?? "") === "") noun++;
    const word = ps[noun]?.word ?? "";
    if ((ps[noun]?.sep ?? "") !== "") continue;
    const person = PERSON_NOUN.test(word);
    if (!person && !CASE_NOUN.test(word)) continue;
    // "ich habe 3 Kinder" says what someone has, not whom the request is for
    const prev = ps[i - 1];
    if (prev && (ps[i]?.sep ?? "") === "" && HAVING.test(prev.word)) continue;
    const total = GROUP_NOUN.test(word) || (!!prev && (ps[i]?.sep ?? "") === "" && TOTAL_MARKER.test(prev.word));
    out.push({ value: n, at: i, kind: person ? "person" : "case", total });
    used.add(noun);
  }
  // "Anzahl Personen: 3", "Personen: 2"
  for (let i = 1; i < ps.length; i++) {
    const n = numberAt(ps[i]?.word);
    if (n === null || n < 1 || n > 20 || !/^:/.test(ps[i]?.sep ?? "") || !GROUP_NOUN.test(ps[i - 1]?.word ?? "")) continue;
    out.push({ value: n, at: i, kind: "person", total: true });
  }
  return out;
}

/** Mentions are joined into one list when only "und", "+", "sowie" or commas stand between them. */
function joined(ps: Piece[], a: Mention, b: Mention): boolean {
  const gap = ps.slice(a.at + 1, b.at + 1);
  if (gap.length > 4) return false;
  for (let k = 0; k < gap.length; k++) {
    const piece = gap[k] as Piece;
    if (k === gap.length - 1) return /^(?:,|\+|&|)$/.test(piece.sep) && (piece.sep !== "" || LIST_JOINER.test(gap[k - 1]?.word ?? ""));
    if (/[.!?;:]/.test(piece.sep)) return false;
  }
  return true;
}

/**
 * The sender named as one of the persons: "für mich und …", "… und mir", "meine Frau und ich", "ich auch.".
 * "meine Frau holt den Ausweis für mich ab" names a proxy, not a second person.
 */
const SELF = new RegExp(
  "\\b(?:und|sowie)\\s+(?:mich|mir|mi)\\b|\\b(?:mich|mir|mi)\\s*(?:,|und\\b|sowie\\b)|\\bich\\s+selbst\\b|" +
  "\\b(?:ich|mich|mir)\\s+(?:auch|ebenfalls)\\s*(?:[,.!?;)]|$)|\\b(?:ich|i)\\s+und\\s+(?:mein\\w*|mei|unser\\w*)\\b|" +
  `\\b${RELATIVE.source.slice(1, -1)}\\s+und\\s+(?:ich|i)\\b`,
);
/** "für uns beide", "wir zwei": a couple without family words. */
const PAIR = /\b(?:uns|wir)\s+(?:beide|beiden|zwei|2)\b/;
const GROUP = /\bzu\s+(zweit|dritt|viert|fuenft|sechst|siebt|acht)\b/;
/** "vierköpfige Familie", "4-köpfig": a household size. */
const HOUSEHOLD = /\b(\d{1,2}|zwei|drei|vier|fuenf|sechs|sieben|acht)\s*-?\s*koepfig/;
const WE_ARE = /\bwir\s+sind\s+(?:insgesamt\s+|zusammen\s+)?(\d{1,2}|zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn)\b(?!\s*(?:uhr|jahre|tage|wochen|monate|[.:]))/;

/** A count for the whole request: "zu viert", "3 Erwachsene und 2 Kinder", "für mich und meinen Mann". */
export function requestCount(folded: string): number | null {
  const group = GROUP.exec(folded);
  if (group) return GROUP_SIZE[group[1] ?? ""] ?? null;
  const ps = pieces(folded);
  const used = new Set<number>();
  const mentions = numberMentions(ps, used);
  // the case count ("zwei Autos", "4 Dokumente") names how many cases, whoever comes
  const cases = mentions.filter((m) => m.kind === "case");
  if (cases.length > 0) return atLeastTwo(Math.max(...listSums(ps, cases).map((l) => l.sum)));
  const lists = listSums(ps, mentions);
  const weAre = WE_ARE.exec(folded);
  const totals = lists.filter((l) => l.total).map((l) => l.sum);
  if (weAre) totals.push(numberAt(weAre[1]) ?? 0);
  const household = HOUSEHOLD.exec(folded);
  if (household) totals.push(numberAt(household[1]) ?? 0);
  if (totals.length > 0) return atLeastTwo(Math.max(...totals));
  if (PAIR.test(folded)) return 2;
  // parts: number-noun mentions, relatives and the sender add up
  let persons = lists.reduce((s, l) => s + l.sum, 0);
  let relatives = 0;
  for (let i = 0; i < ps.length; i++) {
    const word = ps[i]?.word ?? "";
    // "die Zwillinge" are two whatever stands before them
    const multiple = MULTIPLES[word];
    if (multiple !== undefined && !used.has(i)) {
      relatives += multiple;
      continue;
    }
    if (used.has(i) || !RELATIVE.test(word)) continue;
    const prev = ps[i - 1];
    const clauseStart = !prev || /[,.;!?\n]/.test(ps[i]?.sep ?? "");
    if (!clauseStart && !POSSESSIVE.test(prev?.word ?? "")) continue;
    // "meine beiden Kinder" is a number mention; "meine Eltern" are two
    relatives += /^(?:eltern|grosseltern|schwiegereltern)$/.test(word) ? 2 : 1;
  }
  persons += relatives;
  if (persons > 0 && SELF.test(folded)) persons += 1;
  return atLeastTwo(persons);
}

function atLeastTwo(n: number): number | null {
  return n >= 2 ? n : null;
}

function listSums(ps: Piece[], mentions: Mention[]): { sum: number; total: boolean }[] {
  const lists: { sum: number; total: boolean }[] = [];
  let prev: Mention | null = null;
  for (const m of mentions.sort((a, b) => a.at - b.at)) {
    const last = lists[lists.length - 1];
    if (prev && last && joined(ps, prev, m)) {
      last.sum += m.value;
      last.total = last.total || m.total;
    } else {
      lists.push({ sum: m.value, total: m.total });
    }
    prev = m;
  }
  return lists;
}
