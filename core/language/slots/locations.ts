// Preferred and excluded offices, driven by the names and aliases of the city configuration.
import type { LanguageConfig } from "../types.ts";
import type { Token } from "../text/tokens.ts";
import { NEGATION_AFTER, NEGATION_BEFORE } from "../lexicon/temporal-cues.de.ts";
import { buildPhrases, findPhrases, type Phrase } from "./lexicon-matcher.ts";

const phraseCache = new WeakMap<LanguageConfig, Phrase[]>();
/** "Mitte Dezember", "Anfang nächster Woche": these alias words are then calendar words. */
const CALENDAR_FOLLOWER =
  /^\s*(?:der|des|dieser|naechst\w*|kommend\w*|uebernaechst\w*|jan\w*|feb\w*|maerz|april|mai|juni|juli|aug\w*|sep\w*|okt\w*|nov\w*|dez\w*|woche|monat\w*|\d)/;
/** Alias words that are also calendar words. */
const CALENDAR_ALIAS = /^(?:mitte|anfang|ende)$/;
/**
 * Where someone lives, moves to or writes from is not where they want to go (nlu.md §5.2 "Locations"):
 * a residence word earlier in the same clause ("ich wohne jetzt in Dortmund Hörde", "meine neue Adresse
 * ist in Scharnhorst", "bin nach Mengede gezogen"), or right after the place ("in Eving gemeldet").
 * A preference in another clause still counts: "Ich wohne in Eving, hätte den Termin aber gern in Hörde".
 */
const RESIDENCE_WORD =
  /\b(?:wohn(?:e|en|t|st|haft|hafte|ort|ortes|sitz|ung|adresse)|leb(?:e|en|t|st)|ansaessig|zuhause|daheim|(?:meine|unsere|neue|alte)\s+(?:\w+\s+)?(?:adresse|anschrift)|(?:um|zu|her|hin)?gezogen|ziehe|ziehen|zieht|umzug|umziehen|stamme|stammen)\b/;
/** Origin and street right before the place: "aus Brackel", "komme aus Eving", "Hombrucher Str.". */
const ORIGIN_BEFORE = /\b(?:aus|str|strasse)\s+(?:\w+\s+)?(?:in\s+)?$/;
const RESIDENCE_AFTER = /^\s*(?:-\s*\w+\s+)?(?:wohne|wohnen|wohnt|lebe|leben|lebt|gemeldet|wohnhaft|gezogen|umgezogen|zugezogen|ziehe|ziehen)\b/;
/** A postal code or street and house number before the place: the sender's address ("44269 Dortmund-Hörde"). */
const ADDRESS_BEFORE = /(?:\b\d{5}|(?:str|strasse|weg|platz|allee|ring|gasse)\.?\s+\d{1,3}[a-z]?,?)\s+(?:dortmund\s*-?\s*)?$/;
/** A move of an appointment from one office to another: the first office is the one left. */
const MOVE_AWAY = /^\s*(?:nach|zu|zum|zur|auf|ins?)\s+(?:(?:das|den|dem|die|buergerbuero|buergeramt)\s+){0,2}$/;
const MOVE_VERB = /\b(?:verleg\w*|umbuch\w*|umleg\w*|verschieb\w*|verschob\w*|wechsel\w*|tausch\w*|aender\w*)/;
/** The booked appointment stated with its place: "mein Termin ist in Eving", "unser Termin war im Bürgerbüro". */
const BOOKED_HERE = /\b(?:mein|meine|meinen|unser|unsere|unseren|der|den)\s+(?:\w+\s+)?termin\w*\s+(?:ist|war|liegt|lag|findet)\b/;
const CLAUSE_BREAK = /[,.;!?\n()]|\b(?:und|aber|sondern|sonst|doch|jedoch|deshalb|daher|trotzdem)\b/g;

function lastClause(before: string): string {
  let cut = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) cut = (m.index ?? 0) + m[0].length;
  return before.slice(cut);
}

function phrasesOf(config: LanguageConfig): Phrase[] {
  let phrases = phraseCache.get(config);
  if (!phrases) {
    phrases = buildPhrases(config.locations.map((l) => ({ id: l.id, phrases: [l.name, ...(l.aliases ?? [])] })));
    phraseCache.set(config, phrases);
  }
  return phrases;
}

/** The sentence around a position: a bracket explains the sentence it stands in. */
function sentenceAround(folded: string, start: number, end: number): string {
  const from = Math.max(folded.lastIndexOf(".", start - 1), folded.lastIndexOf("!", start - 1), folded.lastIndexOf("?", start - 1), folded.lastIndexOf("\n", start - 1), start - 200);
  const rest = folded.slice(end, end + 200).search(/[.!?\n]/);
  return folded.slice(from + 1, rest < 0 ? end + 200 : end + rest);
}

/**
 * "umgezogen (von Huckarde nach Hörde)", "aus Eving nach Brackel gezogen": both ends of a move of residence are
 * places one lives or lived, not offices one prefers; the start of any "von X nach Y" is a place one leaves.
 */
function residenceMove(folded: string, tokens: Token[], matches: { first: number; last: number }[], index: number): boolean {
  const m = matches[index];
  if (!m) return false;
  const start = tokens[m.first]?.start ?? 0;
  const end = tokens[m.last]?.end ?? 0;
  const next = matches[index + 1];
  const prev = matches[index - 1];
  const isFrom = /\b(?:von|aus)\s+$/.test(folded.slice(Math.max(0, start - 8), start)) && !!next &&
    /^\s*nach\s+$/.test(folded.slice(end, tokens[next.first]?.start ?? end));
  const isTo = !!prev && /\b(?:von|aus)\s+$/.test(folded.slice(Math.max(0, (tokens[prev.first]?.start ?? 0) - 8), tokens[prev.first]?.start ?? 0)) &&
    /^\s*nach\s+$/.test(folded.slice(tokens[prev.last]?.end ?? 0, start));
  // where one comes or moves from is never where one wants to go ("ich fahre von Hörde nach Mitte")
  if (isFrom) return true;
  return isTo && RESIDENCE_WORD.test(sentenceAround(folded, start, end));
}

export function findLocations(tokens: Token[], folded: string, config: LanguageConfig): { locations: string[]; excluded: string[] } {
  const locations: string[] = [];
  const excluded: string[] = [];
  const matches = findPhrases(tokens, phrasesOf(config), { inflection: false, maxGap: 0 });
  for (const [index, m] of matches.entries()) {
    const start = tokens[m.first]?.start ?? 0;
    const end = tokens[m.last]?.end ?? 0;
    if (CALENDAR_ALIAS.test(tokens[m.first]?.text ?? "") && m.phrase.tokens.length === 1 && CALENDAR_FOLLOWER.test(folded.slice(end, end + 16))) continue;
    const before = folded.slice(Math.max(0, start - 40), start);
    if (residenceMove(folded, tokens, matches, index)) continue;
    // "mein Termin ist in Eving, ich möchte lieber in Hörde": where the booked appointment is, is no wish
    if (BOOKED_HERE.test(lastClause(before))) continue;
    if (RESIDENCE_WORD.test(lastClause(before)) || ORIGIN_BEFORE.test(before) || RESIDENCE_AFTER.test(folded.slice(end, end + 24)) || ADDRESS_BEFORE.test(before)) continue;
    // "lieber in Hörde statt in Mitte": the office replaced is no preference (and no exclusion either)
    if (/\b(?:statt|anstatt|anstelle)\s+(?:in\s+|im\s+|von\s+)?(?:der\s+|dem\s+)?$/.test(before)) continue;
    // "meinen Termin in Eving nach Brackel verlegen", "von Eving nach Brackel": the office moved away from
    const next = matches[index + 1];
    if (next && MOVE_AWAY.test(folded.slice(end, tokens[next.first]?.start ?? end)) && MOVE_VERB.test(folded)) continue;
    const clauseBefore = before.split(/[,.;!?\n]|\baber\b|\bsonst\b/).pop() ?? "";
    const negated = NEGATION_BEFORE.test(clauseBefore) || /^\s*(?:geht|ist|passt|kommt)?\s*(?:leider\s+)?(?:nicht|schlecht)\b/.test(folded.slice(end, end + 30)) ||
      (NEGATION_AFTER.test(folded.slice(end, end + 30)) && /^\s*(?:geht|passt|kommt|ist)/.test(folded.slice(end, end + 20)));
    const target = negated ? excluded : locations;
    if (!target.includes(m.id)) target.push(m.id);
  }
  return { locations: locations.filter((l) => !excluded.includes(l)), excluded };
}
