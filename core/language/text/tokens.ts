// Folded word tokens with their character positions, shared by the lexicon matchers.
import { fold } from "./fold.ts";

export interface Token { text: string; start: number; end: number }

/** Folding only replaces single characters by pairs, so positions refer to the folded string. */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  for (const m of folded.matchAll(/[a-z0-9]+/g)) {
    tokens.push({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return tokens;
}

export function phraseTokens(phrase: string): string[] {
  return fold(phrase).match(/[a-z0-9]+/g) ?? [];
}

const SUFFIXES = ["ern", "en", "er", "es", "te", "e", "n", "s", "t"];

/** A very light stemmer: enough for plural and verb endings of catalogue words. */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}
