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

const UMLAUT_DROPPED: Readonly<Record<string, string>> = { ä: "a", ö: "o", ü: "u", Ä: "A", Ö: "O", Ü: "U" };

/** Phrases with their spelling without umlaut dots as well: "Fuhrungszeugnis", "Horde" (folding gives "ue", "oe"). */
export function buildPhrases(entries: { id: string; phrases: string[] }[]): Phrase[] {
  const out: Phrase[] = [];
  for (const e of entries) {
    for (const p of e.phrases) {
      const tokens = phraseTokens(p);
      if (tokens.length === 0) continue;
      out.push({ id: e.id, tokens, stems: tokens.map(stem) });
      // only long words: "Pässe" without dots would be the verb "passe"
      const plain = phraseTokens(p.replace(/[äöüÄÖÜ]/g, (c) => UMLAUT_DROPPED[c] ?? c));
      if (plain.length === tokens.length && plain.some((t, k) => t !== tokens[k]) && plain.every((t, k) => t === tokens[k] || t.length >= 8)) {
        out.push({ id: e.id, tokens: plain, stems: plain.map(stem) });
      }
    }
  }
  return out;
}

const SHORT_SUFFIX = /^(?:s|es|e|en)$/;
const FULL_VOWEL_END = /[aiou]$/;

function tokenMatches(text: string, word: string, wordStem: string, opts: MatchOptions): boolean {
  if (text === word) return true;
  if (!opts.inflection) return text.length >= 6 && withinOneEdit(text, word) && !text.startsWith(word) && !word.startsWith(text);
  // a word ending in a full vowel only takes "-s" ("Persos"); "Person" is another word, not "Perso" inflected
  if (FULL_VOWEL_END.test(word) && text.startsWith(word)) return text === `${word}s`;
  // "Pass" takes "-es" ("des Passes"); "passe", "passen" are the verb "passen"
  if (word.length < 5) return text.startsWith(word) && (word.endsWith("ss") ? text === `${word}es` : SHORT_SUFFIX.test(text.slice(word.length)));
  if (text.length < 5) return false;
  if (stem(text) === wordStem) return true;
  // typos rarely hit the first letters, while "abmelden" vs "anmelden" differ exactly there
  return text.slice(0, 3) === word.slice(0, 3) && withinOneEdit(text, word) && !particleSwap(text, word);
}

const REGISTRATION_PARTICLE = /(an|ab|um)meld/;

/** "Wohnsitzabmeldung" is no typo of "Wohnsitzanmeldung": the particle is the whole difference in meaning. */
function particleSwap(text: string, word: string): boolean {
  const a = REGISTRATION_PARTICLE.exec(text);
  const b = REGISTRATION_PARTICLE.exec(word);
  return !!a && !!b && a[1] !== b[1];
}

/** Phrase heads indexed so each token looks up its few candidates instead of trying every phrase. */
interface PhraseIndex { exact: Map<string, number[]>; stems: Map<string, number[]>; prefixes: Map<string, number[]>; byLength: Map<number, number[]> }
const indexCache = new WeakMap<Phrase[], PhraseIndex>();

function push(map: Map<string | number, number[]>, key: string | number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexOf(phrases: Phrase[]): PhraseIndex {
  let index = indexCache.get(phrases);
  if (index) return index;
  index = { exact: new Map(), stems: new Map(), prefixes: new Map(), byLength: new Map() };
  phrases.forEach((p, k) => {
    const head = p.tokens[0];
    if (head === undefined) return;
    push(index.exact, head, k);
    push(index.byLength as Map<string | number, number[]>, head.length, k);
    if (head.length >= 5) {
      push(index.stems, p.stems[0] ?? head, k);
      push(index.prefixes, head.slice(0, 3), k);
    }
  });
  indexCache.set(phrases, index);
  return index;
}

/** Phrases whose head may match this token; each is confirmed by tokenMatches. */
function candidates(index: PhraseIndex, text: string, textStem: string, opts: MatchOptions, out: Set<number>): void {
  out.clear();
  for (const k of index.exact.get(text) ?? []) out.add(k);
  if (!opts.inflection) {
    if (text.length < 6) return;
    for (let n = text.length - 1; n <= text.length + 1; n++) for (const k of index.byLength.get(n) ?? []) out.add(k);
    return;
  }
  // short heads take a plural or case ending ("pass" → "passes")
  for (const cut of [1, 2]) if (text.length - cut >= 1) for (const k of index.exact.get(text.slice(0, -cut)) ?? []) out.add(k);
  if (text.length < 5) return;
  for (const k of index.stems.get(textStem) ?? []) out.add(k);
  for (const k of index.prefixes.get(text.slice(0, 3)) ?? []) out.add(k);
}

export function findPhrases(tokens: Token[], phrases: Phrase[], opts: MatchOptions): Match[] {
  const index = indexOf(phrases);
  const hits: [number, number][] = [];
  const found: Match[] = [];
  const heads = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]?.text ?? "";
    candidates(index, text, opts.inflection && text.length >= 5 ? stem(text) : text, opts, heads);
    for (const k of heads) {
      const phrase = phrases[k] as Phrase;
      const head = phrase.tokens[0] ?? "";
      if (tokenMatches(text, head, phrase.stems[0] ?? head, opts)) hits.push([k, i]);
    }
  }
  // phrase-major order, as a scan phrase by phrase would give, so ties resolve as before
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [k, i] of hits) {
    const phrase = phrases[k] as Phrase;
    let position = i;
    let ok = true;
    for (let t = 1; t < phrase.tokens.length && ok; t++) {
      ok = false;
      for (let j = position + 1; j <= position + 1 + opts.maxGap && j < tokens.length; j++) {
        if (tokenMatches(tokens[j]?.text ?? "", phrase.tokens[t] ?? "", phrase.stems[t] ?? "", opts)) {
          position = j;
          ok = true;
          break;
        }
      }
    }
    if (ok) found.push({ id: phrase.id, phrase, first: i, last: position });
  }
  // longest phrase first; a shorter phrase inside an accepted one is dropped ("Reisepass für Kinder")
  // among phrases of one length, the one spelled as written wins over one read through a typo
  const exact = (m: Match) => m.phrase.tokens.filter((t, k) => tokens[m.first + k]?.text === t).length;
  found.sort((a, b) => b.phrase.tokens.length - a.phrase.tokens.length || (b.last - b.first) - (a.last - a.first) || exact(b) - exact(a) || a.first - b.first);
  const accepted: Match[] = [];
  for (const m of found) {
    if (accepted.some((a) => m.first <= a.last && a.first <= m.last)) continue;
    accepted.push(m);
  }
  return accepted.sort((a, b) => a.first - b.first);
}
