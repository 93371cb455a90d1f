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
const PERSON_NOUN = new RegExp(
  `^(?:person|personen|leute|leuten|erwachsene[nr]?|kind|kinder|kindern|kids|kiddies|kleinen?|babys?|saeuglinge?n?|jugendliche[nr]?|familienmitglied(?:er|ern)?|mitglieder[n]?|kolleg(?:e|en|in|innen)|mitarbeiter(?:in|innen|n)?|soehne[n]?|toechter[n]?|sohn|tochter|enkel(?:kinder[n]?|n)?|geschwister[n]?|jungs|maedels|teilnehmer(?:innen|n)?|antragsteller(?:innen|n)?|` +
  // clients, residents and pupils of those who book for others: care services, schools, car dealers, firms
  `kunden|kundinnen|klient(?:en|innen)|mandant(?:en|innen)|patient(?:en|innen)|betreute[n]?|bewohner(?:innen|n)?|schueler(?:innen|n)?|` +
  `jugendliche[n]?|pflegekraefte[n]?|fachkraefte[n]?|beschaeftigte[n]?|angestellte[n]?|azubis|auszubildende[n]?|bewerber(?:innen|n)?|` +
  `fahrer(?:innen|n)?|mieter(?:innen|n)?|eigentuemer(?:innen|n)?|gaeste[n]?|studierende[n]?|studenten|studentinnen|fluechtlinge[n]?|senioren|seniorinnen)$`,
);
const GROUP_NOUN = /^(?:person|personen|leute|leuten|familienmitglied(?:er|ern)?|teilnehmer(?:innen|n)?|antragsteller(?:innen|n)?)$/;
/** Things counted per case: vehicles, documents, copies. */
const CASE_NOUN =
  /^(?:\w*autos|\w*fahrzeuge[n]?|\w*pkws?|\w*wagen|motorraeder[n]?|anhaenger[n]?|kennzeichen|\w*zeugniss(?:e|en)?|dokument(?:e|en)|\w*kopien|kopie|dokument|zeugnis|urkunde|seiten|\w*urkunden|unterlagen|stueck|exemplare[n]?|ausfertigung(?:en)?|antraege[n]?|dinge[n]?|gegenstaende[n]?|faelle[n]?)$/;
/** One adjective may stand between number and noun: "zwei kleine Kinder", "3 beglaubigte Kopien". */
const ADJECTIVE = /^(?:klein|gross|neu|erwachsen|minderjaehrig|volljaehrig|beglaubigt|weiter|eigen|alt|jung|verschieden|gebraucht)\w*$/;
const RELATIVE =
  /^(?:mann|frau|ehemann|ehefrau|gatte|gattin|sohn|soehne|tochter|toechter|kind|kinder|partner\w*|freund\w*|mutter|vater|mama|papa|mutti|vati|eltern|grosseltern|schwiegereltern|oma|opa|bruder|brueder|schwester\w*|enkel\w*|familie|verlobte\w*|schwieger\w+|neffe|nichte|cousin\w*|tante|onkel|wife|husband|son|daughter|mother|father|parents)$/;
const MULTIPLES: Readonly<Record<string, number>> = { zwillinge: 2, zwillingen: 2, drillinge: 3, drillingen: 3, vierlinge: 4, vierlingen: 4 };
const POSSESSIVE = /^(?:mein\w*|unser\w*|mei|meim|meina|my|our)$/;
/** Verbs after which a number states what someone has, not whom the request is for: "ich habe 3 Kinder". */
const HAVING = /^(?:habe|hab|hat|haben|hatte|hatten|kriege|kriegen|bekomme|bekommen|erwarte|erwarten)$/;
/** "ich habe drei Betreute, die alle einen neuen Ausweis brauchen": what someone has, needing the service. */
const NEEDING_AFTER = /^\s*,\s+die\b.*\b(?:brauch\w*|benoetig\w*)\b/;
/** Words before a number that turn it into a stated total. */
const TOTAL_MARKER = /^(?:alle|insgesamt|gesamt|zusammen|also|sind|anzahl)$/;
const LIST_JOINER = /^(?:und|sowie|plus|u)$/;
const GROUP_SIZE: Readonly<Record<string, number>> = { zweit: 2, dritt: 3, viert: 4, fuenft: 5, sechst: 6, siebt: 7, acht: 8 };

interface Piece { word: string; sep: string; raw: string }

/**
 * A bracket right after a counted group spells out who the group is ("uns drei Erwachsene (mein Mann, ich
 * und unsere Tochter)", "die drei Kinder (2, 5 und 9 Jahre)"): its persons are the same ones again.
 */
const EXPLAINED_GROUP =
  /(\b(?:\d{1,2}|zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn|beide[n]?)\s+(?:[a-z]+\s+)?(?:personen|leute|erwachsene[nr]?|kinder|kindern|kids|familienmitglieder|soehne|toechter|enkel\w*|geschwister)\s*)\([^()]{0,160}\)/g;

/** The text without the brackets that only explain a group already counted. */
export function withoutExplanations(folded: string): string {
  return folded.replace(EXPLAINED_GROUP, "$1 ");
}

/** "(79)", "(8 und 11)", "(2, 5 und 9 Jahre alt)": ages in brackets. */
const AGE_IN_BRACKETS = /\(\s*\d{1,3}(?:\s*(?:,|und|&)\s*\d{1,3}){0,6}\s*(?:j|jahre?)?(?:\s+alt)?\s*\)/g;

/** A person the request is said not to be for: "nicht für mich", "nicht für meinen Mann". */
const NOT_FOR = /\b(?:nicht|nich|net)\s+(?:fuer|fuers)\s+(?:mich|mir|uns|(?:mein\w*|unser\w*|mei)\s+[a-z]+)\b/g;

/** "meine Kinder (8 und 11)": as many children as ages are listed. */
const AGES_OF_GROUP = /\b(kinder|kids|soehne|toechter|enkel|enkelkinder|geschwister)\s*\(\s*(\d{1,2}(?:\s*(?:,|und|&)\s*\d{1,2}){1,6})\s*(?:j|jahre?)?(?:\s+alt)?\s*\)/g;

/** Words with the punctuation that precedes each; bracketed ages are removed first. */
function pieces(folded: string): Piece[] {
  const text = folded.replace(AGE_IN_BRACKETS, " ").replace(/\berw\./g, "erwachsene");
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
    // "DO-X 12 abmelden": the digits of a licence plate
    const before = tokens[k - 1];
    if (before && /^[a-z]{1,2}$/.test(before.text) && folded[before.start - 1] === "-") break;
    // "3x Führungszeugnis": a multiplier written before the service
    const n = /^\d{1,2}x?$/.test(t) ? Number(t.replace("x", "")) : /^(?:ein|eine|einen)$/.test(t) ? null : /^beiden?$/.test(t) ? 2 : numberFromToken(t.replace("fuenf", "fünf").replace("zwoelf", "zwölf"));
    // "der drei Zulassungstermine": an article before a number word is no date ("der 3.")
    const article = /^\d/.test(t) ? false : /^(?:der|den|dem|die)$/.test(tokens[k - 1]?.text ?? "");
    if (n !== null && n >= 1 && n <= 20) return TEMPORAL_BEFORE.test(tokens[k - 1]?.text ?? "") && !article ? null : n;
    if (k === first - 1 && !/^(?:neue\w*|weitere\w*|beglaubigte\w*|internationale\w*|alte\w*|erweiterte\w*|polizeiliche\w*|amtliche\w*|separate\w*|gemeinsame\w*)$/.test(t)) break;
  }
  return null;
}

interface Mention { value: number; at: number; kind: "person" | "case"; total: boolean; one: boolean }

/** Number-noun mentions: "3 Erwachsene", "zwei kleine Kinder", "Personen: 3". */
function numberMentions(ps: Piece[], used: Set<number>): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < ps.length; i++) {
    const n = numberAt(ps[i]?.word);
    if (n === null || n < 1 || n > 20) continue;
    // "14.12.", "9:30", "2-3": a number in a date, time or range
    if (/^[.:/-]/.test(ps[i + 1]?.raw ?? "") || /[.:/-]$/.test(ps[i]?.raw ?? "")) continue;
    let noun = i + 1;
    if (/^(?:unserer|meiner|ihrer|seiner|der)$/.test(ps[noun]?.word ?? "") && (ps[noun]?.sep ?? "") === "" && PERSON_NOUN.test(ps[noun + 1]?.word ?? "")) noun++;
    if (ps[noun] && ADJECTIVE.test(ps[noun]?.word ?? "") && !PERSON_NOUN.test(ps[noun]?.word ?? "") && !CASE_NOUN.test(ps[noun]?.word ?? "") && (ps[noun + 1]?.sep ?? "") === "") noun++;
    const word = ps[noun]?.word ?? "";
    if ((ps[noun]?.sep ?? "") !== "") continue;
    const person = PERSON_NOUN.test(word);
    // "Zwei Pflegekräfte begleiten sie": companions are not applicants
    if (/^begleit/.test(ps[noun + 1]?.word ?? "") || /^begleit/.test(word)) continue;
    if (!person && !CASE_NOUN.test(word)) continue;
    // "ich habe 3 Kinder" says what someone has, not whom the request is for
    const prev = ps[i - 1];
    if (prev && (ps[i]?.sep ?? "") === "" && HAVING.test(prev.word) && !NEEDING_AFTER.test(ps.slice(noun + 1, noun + 9).map((p) => `${p.sep} ${p.word}`).join(" "))) continue;
    const total = GROUP_NOUN.test(word) || (!!prev && (ps[i]?.sep ?? "") === "" && TOTAL_MARKER.test(prev.word));
    out.push({ value: n, at: i, kind: person ? "person" : "case", total, one: ONE.test(ps[i]?.word ?? "") });
    used.add(noun);
  }
  // "Anzahl Personen: 3", "Personen: 2"
  for (let i = 1; i < ps.length; i++) {
    const n = numberAt(ps[i]?.word);
    if (n === null || n < 1 || n > 20 || !/^:/.test(ps[i]?.sep ?? "") || !GROUP_NOUN.test(ps[i - 1]?.word ?? "")) continue;
    out.push({ value: n, at: i, kind: "person", total: true, one: false });
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
  "\\b(?:ich|mich|mir)\\s+(?:auch|ebenfalls)\\s*(?:[,.!?;)]|$)|\\b(?:ich|i)\\s*(?:und\\s+|,\\s*)(?:mein\\w*|mei|unser\\w*)\\b|" +
  `\\b${RELATIVE.source.slice(1, -1)}\\s+und\\s+(?:ich|i)\\b|` +
  // non-native English: "me and my wife", "my husband and me"
  "\\b(?:me|i)\\s+and\\s+my\\b|\\band\\s+(?:me|i)\\b",
);
/** "für uns beide", "wir zwei": a couple without family words. */
const PAIR = /\b(?:uns|wir)\s+(beide|beiden|zwei|drei|vier|fuenf|sechs|[2-9])\b(?!\s*(?:uhr|tage\w*|wochen|monate\w*|jahre\w*|[.:]\d))/;
/** "Ich brauche einen Pass, mein Mann auch": a relative who needs the same as the sender. */
const ALSO_RELATIVE = new RegExp(`\\b(?:mein\\w*|unser\\w*|mei)\\s+${RELATIVE.source.slice(1, -1)}\\s+(?:(?:braucht|benoetigt|moechte|will|muss)\\s+)?(?:auch|ebenfalls)\\b`);
/** A person named by title and name, listed with the sender: "für Frau Lang und mich", "mich und Herrn Abel". */
const TITLED_BESIDE_SELF = /\b(?:frau|herr|herrn)\s+[a-z]+\s+(?:und|sowie)\s+(?:mich|mir|ich)\b|\b(?:mich|mir|ich)\s+(?:und|sowie)\s+(?:frau|herr|herrn)\s+[a-z]+/g;
/** The sender states a need of their own: "ich brauche", "brauche ich". */
const SENDER_NEEDS = /\b(?:ich|i)\s+(?:brauch\w*|benoetig\w*|moecht\w*|muss|will|haette)\b|\b(?:brauche|benoetige|moechte|haette)\s+(?:ich|i)\b/;
const GROUP = /\bzu\s+(zweit|dritt|viert|fuenft|sechst|siebt|acht)\b/;
/** "vierköpfige Familie", "4-köpfig": a household size. */
const HOUSEHOLD = /\b(\d{1,2}|zwei|drei|vier|fuenf|sechs|sieben|acht)\s*-?\s*koepfig/;
const WE_ARE = /\bwir\s+sind\s+(?:insgesamt\s+|zusammen\s+)?(\d{1,2}|zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn)\b(?!\s*(?:uhr|jahre|tage|wochen|monate|[.:]))/;

/** A count for the whole request: "zu viert", "3 Erwachsene und 2 Kinder", "für mich und meinen Mann". */
export function requestCount(folded: string): number | null {
  const { cases, persons } = requestCounts(folded);
  return GROUP.test(folded) ? persons : cases ?? persons;
}

/**
 * The case count ("zwei Autos", "4 Dokumente") and the person count of a request, apart: a vehicle is
 * registered once however many people come ("Mein Mann und ich melden uns ab, und unser Auto auch").
 */
export function requestCounts(text: string): { cases: number | null; persons: number | null; total: boolean } {
  // "meine Mutter (78) und ich": an age in brackets stands between the persons it joins
  // "nicht für mich, für meinen Sohn": a person excluded is not counted
  const folded = withoutExplanations(text).replace(NOT_FOR, " ").replace(AGES_OF_GROUP, (_, noun: string, ages: string) => ` ${ages.split(/,|und|&/).length} ${noun} `)
    .replace(AGE_IN_BRACKETS, " ");
  const ps = pieces(folded);
  const used = new Set<number>();
  const mentions = numberMentions(ps, used);
  const caseMentions = mentions.filter((m) => m.kind === "case");
  const cases = caseMentions.length > 0 ? atLeastTwo(Math.max(...listSums(ps, caseMentions).map((l) => l.sum))) : null;
  const group = GROUP.exec(folded);
  if (group) return { cases, persons: GROUP_SIZE[group[1] ?? ""] ?? null, total: true };
  const { persons, total } = personCount(folded, ps, used, mentions.filter((m) => m.kind === "person"));
  return { cases, persons, total };
}

/** The persons of the request; `total` when the text states the whole group ("wir sind 4", "zu viert"). */
function personCount(folded: string, ps: Piece[], used: Set<number>, mentions: Mention[]): { persons: number | null; total: boolean } {
  const self = SELF.test(folded);
  // "ein Kind" alone is the kind of case ("Pass für ein Kind? Unsere Tochter ist 11"); it adds up only
  // in a list ("zwei Erwachsene und ein Kind") or beside the sender ("für mich und ein Kind")
  const lists = listSums(ps, mentions).filter((l) => !l.single || self);
  const weAre = WE_ARE.exec(folded);
  const totals = lists.filter((l) => l.total).map((l) => l.sum);
  if (weAre) totals.push(numberAt(weAre[1]) ?? 0);
  const household = HOUSEHOLD.exec(folded);
  if (household) totals.push(numberAt(household[1]) ?? 0);
  if (totals.length > 0) return { persons: atLeastTwo(Math.max(...totals)), total: true };
  const pair = PAIR.exec(folded);
  if (pair) return { persons: numberAt(pair[1]) ?? 2, total: true };
  // parts: number-noun mentions, relatives and the sender add up
  let persons = lists.reduce((s, l) => s + l.sum, 0);
  let relatives = 0;
  // the same relative named twice is one person ("mein Mann und ich … für mich und meinen Mann")
  const named = new Set<string>();
  for (let i = 0; i < ps.length; i++) {
    const word = ps[i]?.word ?? "";
    // "die Zwillinge" are two whatever stands before them
    const multiple = MULTIPLES[word];
    if (multiple !== undefined && !used.has(i)) {
      if (!named.has(word)) relatives += multiple;
      named.add(word);
      continue;
    }
    if (used.has(i) || !RELATIVE.test(word)) continue;
    const prev = ps[i - 1];
    const clauseStart = !prev || /[,.;!?\n]/.test(ps[i]?.sep ?? "");
    // "meine Mutter, Frau Irmgard Lehmann": "Frau" without a possessive is a title
    if ((!clauseStart || word === "frau") && !POSSESSIVE.test(prev?.word ?? "")) continue;
    if (named.has(word)) continue;
    named.add(word);
    // "meine beiden Kinder" is a number mention; "meine Eltern" are two
    relatives += /^(?:eltern|grosseltern|schwiegereltern|parents)$/.test(word) ? 2 : 1;
  }
  // "für Frau Lang und mich": a person named by title beside the sender
  relatives += [...folded.matchAll(TITLED_BESIDE_SELF)].length;
  persons += relatives;
  if (persons > 0 && (self || (ALSO_RELATIVE.test(folded) && SENDER_NEEDS.test(folded)))) persons += 1;
  return { persons: atLeastTwo(persons), total: false };
}

function atLeastTwo(n: number): number | null {
  return n >= 2 ? n : null;
}

function listSums(ps: Piece[], mentions: Mention[]): { sum: number; total: boolean; single: boolean }[] {
  const lists: { sum: number; total: boolean; single: boolean }[] = [];
  let prev: Mention | null = null;
  for (const m of mentions.sort((a, b) => a.at - b.at)) {
    const last = lists[lists.length - 1];
    if (prev && last && joined(ps, prev, m)) {
      last.sum += m.value;
      last.total = last.total || m.total;
      last.single = false;
    } else {
      lists.push({ sum: m.value, total: m.total, single: m.one });
    }
    prev = m;
  }
  return lists;
}

const SELF_WORD = /^(?:mich|mir|mi|ich)$/;
const DETERMINER = /^(?:die|den|der|dem|das|des|meine[nmr]?|mein|unsere[nmr]?|unser|mei|meim|ihre[nmr]?|ihr|seine[nmr]?|sein)$/;
/** Words between a person list and the service it is for: "für meine Tochter und ihren Freund je ein Führungszeugnis". */
const LIST_TO_SERVICE = /^(?:je|jeweils|ein|eine|einen|neue[nmrs]?|einen)$/;
const BENEFICIARY_MARKER = /^(?:fuer|fuers)$/;
const SPOKEN_FOR = /^(?:uns|euch|sich|alle|jeden|jede|jeweils)$/;

/** Depth of brackets at each character: bracket contents are explanations, not list members. */
function bracketDepths(folded: string): Uint8Array {
  const depth = new Uint8Array(folded.length + 1);
  let d = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i];
    if (c === "(") d = Math.min(d + 1, 9);
    depth[i] = d;
    if (c === ")") d = Math.max(d - 1, 0);
  }
  return depth;
}

/** Persons named in a list starting at `from`: "mich und meinen Mann", "die drei Kinder", "meinen Sohn". */
function personList(tokens: Token[], from: number, folded: string, depth: Uint8Array, bareNumber = false): { count: number; end: number } | null {
  let k = from;
  let count = 0;
  let end = -1;
  for (let items = 0; items < 6 && k < tokens.length; items++) {
    let j = k;
    for (let skip = 0; skip < 2 && DETERMINER.test(tokens[j]?.text ?? ""); skip++) j++;
    const w = tokens[j]?.text ?? "";
    if (SPOKEN_FOR.test(w)) return null;
    let value = 0;
    if (j === k && SELF_WORD.test(w)) value = 1;
    else if (numberAt(w) !== null && !/^\d{3,}$/.test(w)) {
      const n = numberAt(w) ?? 0;
      let noun = j + 1;
      if (ADJECTIVE.test(tokens[noun]?.text ?? "") && !PERSON_NOUN.test(tokens[noun]?.text ?? "")) noun++;
      // "Perso für 2": a bare number that ends the clause counts persons
      const bare = bareNumber && j === k && items === 0 && n >= 2 && !/^[.:/-]/.test(folded.slice(tokens[j]?.end ?? 0)) &&
        /^\s*(?:[,!?;)]|\.(?!\d)|$|\s(?:bitte|pls|bitteschoen)\b)/.test(folded.slice(tokens[j]?.end ?? 0));
      if (bare && n <= 20) {
        count += n;
        end = j;
        break;
      }
      if (!PERSON_NOUN.test(tokens[noun]?.text ?? "") || n < 1 || n > 20) break;
      value = n;
      j = noun;
    } else if (RELATIVE.test(w) || PERSON_NOUN.test(w)) {
      // "für die Kinder", "für die Familie", "für Kunden": how many is not said
      if (!RELATIVE.test(w) || /^(?:kinder|kindern|kids|soehne|toechter|geschwister|familie|leute|personen|enkel\w*)$/.test(w)) return null;
      value = /^(?:eltern|grosseltern|schwiegereltern)$/.test(w) ? 2 : MULTIPLES[w] ?? 1;
    }
    if (value === 0) break;
    count += value;
    end = j;
    // an age or remark in brackets ("meine Mutter (82) und mich") stands outside the list
    let n = j + 1;
    while (n < tokens.length && (depth[tokens[n]?.start ?? 0] ?? 0) > (depth[tokens[from]?.start ?? 0] ?? 0)) n++;
    const next = tokens[n];
    if (!next) break;
    const gap = folded.slice(tokens[j]?.end ?? 0, next.start).replace(/\([^()]*\)/g, " ");
    if (/^\s*[,+&]\s*$/.test(gap)) k = n;
    else if (/^\s+$/.test(gap) && /^(?:und|sowie|u|plus)$/.test(next.text)) k = n + 1;
    else break;
  }
  return count > 0 ? { count, end } : null;
}

/**
 * Whom one service is for, when the request says so beside it: "eines Reisepasses für mich und eines
 * Kinderreisepasses für meinen Sohn" (1 and 1), "für die drei Kinder (2, 5 und 9 Jahre) Kinderreisepässe" (3).
 * A plural noun without a number ("für die Kinder") says nothing about how many.
 */
export function beneficiaryCount(tokens: Token[], first: number, last: number, folded: string): number | null {
  const depth = bracketDepths(folded);
  const plain = (a: number, b: number) => !/[.!?;:\n]/.test(folded.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? 0));
  // after the service: "Pass für mich"
  const after = tokens[last + 1];
  if (after && BENEFICIARY_MARKER.test(after.text) && plain(last, last + 1)) {
    const list = personList(tokens, last + 2, folded, depth, true);
    if (list) return list.count;
  }
  // before it: "für die drei Kinder (…) Kinderreisepässe"
  const level = depth[tokens[first]?.start ?? 0] ?? 0;
  for (let j = first - 1, seen = 0; j >= 0 && seen < 8; j--) {
    if ((depth[tokens[j]?.start ?? 0] ?? 0) > level) continue;
    seen++;
    if (!plain(j, first)) break;
    if (!BENEFICIARY_MARKER.test(tokens[j]?.text ?? "")) continue;
    const list = personList(tokens, j + 1, folded, depth);
    if (!list) break;
    let next = list.end + 1;
    while (next < first && ((depth[tokens[next]?.start ?? 0] ?? 0) > (depth[tokens[j]?.start ?? 0] ?? 0) || LIST_TO_SERVICE.test(tokens[next]?.text ?? ""))) next++;
    return next === first ? list.count : null;
  }
  return null;
}

/** Verbs of need between a subject list and the service: "mein Mann und ich brauchen neue Reisepässe". */
const NEED_VERB = /^(?:brauch\w*|benoetig\w*|moechten|wollen|muessen|wuerden|beantragen)$/;
const BEFORE_SERVICE = /^(?:beide[n]?|auch|jeweils|noch|dringend|bitte|eine?[nm]?|die|den|neue\w*|einen|unsere?\w*|jetzt|nun)$/;

/**
 * Persons named as the subject of the clause that asks for the service: "Mein Mann und ich brauchen neue
 * Reisepässe" (2), "meine Mutter (78) und ich brauchen beide neue Personalausweise" (2). Only lists of two
 * or more: "ich brauche" says nothing against "meine Frau auch".
 */
export function subjectCount(tokens: Token[], first: number, folded: string): number | null {
  const depth = bracketDepths(folded);
  const plain = (a: number, b: number) => !/[.!?;:\n,]/.test(folded.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? 0));
  let verb = first - 1;
  while (verb >= 0 && first - verb <= 4 && BEFORE_SERVICE.test(tokens[verb]?.text ?? "") && plain(verb, first)) verb--;
  if (verb < 0 || !NEED_VERB.test(tokens[verb]?.text ?? "") || !plain(verb, first)) return null;
  for (let start = Math.max(0, verb - 9); start < verb; start++) {
    const boundary = start === 0 || /[.!?;:\n,]/.test(folded.slice(tokens[start - 1]?.end ?? 0, tokens[start]?.start ?? 0)) ||
      /^(?:und|aber|ausserdem|da|weil)$/.test(tokens[start - 1]?.text ?? "");
    if (!boundary) continue;
    const list = personList(tokens, start, folded, depth);
    if (list && list.end === verb - 1 && list.count >= 2) return list.count;
  }
  return null;
}

const OF_MARKER = /^(?:von|vom)$/;
/** Documents an action is done to; counted only right after the action, never for the whole request. */
const DOCUMENT_NOUN = /^(?:\w*ausweise[n]?|\w*paesse[n]?|fuehrerscheine[n]?|\w*bescheinigungen)$/;

/** A number of things after an action on them: "Abholung von 3 Ausweisen", "Beglaubigung von sechs Zeugniskopien". */
export function countAfter(tokens: Token[], last: number, folded: string): number | null {
  if (!OF_MARKER.test(tokens[last + 1]?.text ?? "")) return null;
  if (/[.!?;:,\n]/.test(folded.slice(tokens[last]?.end ?? 0, tokens[last + 2]?.start ?? 0))) return null;
  const token = tokens[last + 2];
  if (!token || /^[.:/-]\d/.test(folded.slice(token.end, token.end + 2))) return null;
  const n = numberAt(token.text);
  if (n === null || n < 2 || n > 20 || ONE.test(token.text)) return null;
  let noun = last + 3;
  if (ADJECTIVE.test(tokens[noun]?.text ?? "") && !CASE_NOUN.test(tokens[noun]?.text ?? "")) noun++;
  const word = tokens[noun]?.text ?? "";
  return CASE_NOUN.test(word) || DOCUMENT_NOUN.test(word) || PERSON_NOUN.test(word) ? n : null;
}
