// Finds configured phrases (service synonyms, location aliases) in folded text, tolerating
// inflection and one typo on long words, and keeps the longest match where phrases overlap.
import { withinOneEdit } from "../text/damerau.ts";
import { phraseTokens, stem, type Token } from "../text/tokens.ts";

export interface Phrase { id: string; tokens: string[]; stems: string[] }
export interface Match { id: string; phrase: Phrase; first: number; last: number }

export interface MatchOptions {
  /** Allow suffixes and one edit; locations turn this off so "Hombrucher" stays a street name. */
  inflection: boolean;
  /** Filler tokens tolerated between the words of a multi-word phrase. */
  maxGap: number;
}

export function buildPhrases(entries: { id: string; phrases: string[] }[]): Phrase[] {
  const out: Phrase[] = [];
  for (const e of entries) {
    for (const p of e.phrases) {
      const tokens = phraseTokens(p);
      if (tokens.length > 0) out.push({ id: e.id, tokens, stems: tokens.map(stem) });
    }
  }
  return out;
}

function tokenMatches(text: string, word: string, wordStem: string, opts: MatchOptions): boolean {
  if (text === word) return true;
  if (!opts.inflection) return text.length >= 6 && withinOneEdit(text, word) && !text.startsWith(word) && !word.startsWith(text);
  if (word.length < 5) return /^(?:s|es|e|en)$/.test(text.slice(word.length)) && text.startsWith(word);
  if (text.length < 5) return false;
  if (stem(text) === wordStem) return true;
  // typos rarely hit the first letters, while "abmelden" vs "anmelden" differ exactly there
  return text.slice(0, 3) === word.slice(0, 3) && withinOneEdit(text, word);
}

export function findPhrases(tokens: Token[], phrases: Phrase[], opts: MatchOptions): Match[] {
  const found: Match[] = [];
  for (const phrase of phrases) {
    const [head] = phrase.tokens;
    if (head === undefined) continue;
    for (let i = 0; i < tokens.length; i++) {
      if (!tokenMatches(tokens[i]?.text ?? "", head, phrase.stems[0] ?? head, opts)) continue;
      let position = i;
      let ok = true;
      for (let k = 1; k < phrase.tokens.length && ok; k++) {
        ok = false;
        for (let j = position + 1; j <= position + 1 + opts.maxGap && j < tokens.length; j++) {
          if (tokenMatches(tokens[j]?.text ?? "", phrase.tokens[k] ?? "", phrase.stems[k] ?? "", opts)) {
            position = j;
            ok = true;
            break;
          }
        }
      }
      if (ok) found.push({ id: phrase.id, phrase, first: i, last: position });
    }
  }
  // longest phrase first; a shorter phrase inside an accepted one is dropped ("Reisepass für Kinder")
  found.sort((a, b) => b.phrase.tokens.length - a.phrase.tokens.length || (b.last - b.first) - (a.last - a.first) || a.first - b.first);
  const accepted: Match[] = [];
  for (const m of found) {
    if (accepted.some((a) => m.first <= a.last && a.first <= m.last)) continue;
    accepted.push(m);
  }
  return accepted.sort((a, b) => a.first - b.first);
}
