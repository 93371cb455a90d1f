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
/** Where someone lives or writes from is not where they want to go. */
const RESIDENCE_BEFORE = /\b(?:wohne|wohnen|wohnhaft|lebe|leben|aus|komme|kommen|str|strasse)\s+(?:\w+\s+)?(?:in\s+)?$/;

function phrasesOf(config: LanguageConfig): Phrase[] {
  let phrases = phraseCache.get(config);
  if (!phrases) {
    phrases = buildPhrases(config.locations.map((l) => ({ id: l.id, phrases: [l.name, ...(l.aliases ?? [])] })));
    phraseCache.set(config, phrases);
  }
  return phrases;
}

export function findLocations(tokens: Token[], folded: string, config: LanguageConfig): { locations: string[]; excluded: string[] } {
  const locations: string[] = [];
  const excluded: string[] = [];
  for (const m of findPhrases(tokens, phrasesOf(config), { inflection: false, maxGap: 0 })) {
    const start = tokens[m.first]?.start ?? 0;
    const end = tokens[m.last]?.end ?? 0;
    if (CALENDAR_ALIAS.test(tokens[m.first]?.text ?? "") && m.phrase.tokens.length === 1 && CALENDAR_FOLLOWER.test(folded.slice(end, end + 16))) continue;
    const before = folded.slice(Math.max(0, start - 40), start);
    if (RESIDENCE_BEFORE.test(before)) continue;
    // "lieber in Hörde statt in Mitte": the office replaced is no preference (and no exclusion either)
    if (/\b(?:statt|anstatt|anstelle)\s+(?:in\s+|im\s+|von\s+)?(?:der\s+|dem\s+)?$/.test(before)) continue;
    const clauseBefore = before.split(/[,.;!?\n]|\baber\b|\bsonst\b/).pop() ?? "";
    const negated = NEGATION_BEFORE.test(clauseBefore) || /^\s*(?:geht|ist|passt|kommt)?\s*(?:leider\s+)?(?:nicht|schlecht)\b/.test(folded.slice(end, end + 30)) ||
      (NEGATION_AFTER.test(folded.slice(end, end + 30)) && /^\s*(?:geht|passt|kommt|ist)/.test(folded.slice(end, end + 20)));
    const target = negated ? excluded : locations;
    if (!target.includes(m.id)) target.push(m.id);
  }
  return { locations: locations.filter((l) => !excluded.includes(l)), excluded };
}
