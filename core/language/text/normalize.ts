// Turns user spelling into the spelling our temporal parsers expect, without changing meaning:
// unified dashes and spaces, umlaut-less and mistyped calendar words, split day-part compounds.
import {
  CANONICAL_REQUEST_WORDS, CANONICAL_TEMPORAL_WORDS, PROTECTED_REQUEST_PREFIXES, PROTECTED_REQUEST_WORDS, PROTECTED_WORDS, TYPO_MAP,
} from "../lexicon/normalization.de.ts";
import { withinOneEdit, withinTwoEdits } from "./damerau.ts";
import { fold } from "./fold.ts";

const FOLDED_CANONICAL = CANONICAL_TEMPORAL_WORDS.map((w) => [fold(w), w] as const);
const FOLDED_TYPOS = new Map(Object.entries(TYPO_MAP).map(([k, v]) => [fold(k), v]));
const FOLDED_PROTECTED = new Set([...PROTECTED_WORDS, ...PROTECTED_REQUEST_WORDS].map(fold));
const FOLDED_REQUEST = CANONICAL_REQUEST_WORDS.map((w) => [fold(w), w] as const);
const COMPOUND =
  /^(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|heute|morgen)(vormittag|nachmittag|mittag|abend|morgen|früh)(s?)$/i;

/** Characters that only get in the way: control chars, exotic dashes and spaces, zero-width marks. */
export function cleanCharacters(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, " ")
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, " ");
}

/** Words repeat across messages; their correction depends on the word alone. */
const corrections = new Map<string, string>();
const MAX_CACHED_WORDS = 20_000;

function correctWord(word: string): string {
  const cached = corrections.get(word);
  if (cached !== undefined) return cached;
  const corrected = correctUncached(word);
  if (word.length <= 40) {
    if (corrections.size >= MAX_CACHED_WORDS) corrections.clear();
    corrections.set(word, corrected);
  }
  return corrected;
}

function correctUncached(word: string): string {
  const lower = word.toLowerCase();
  const folded = fold(word);
  const compound = COMPOUND.exec(lower);
  if (compound) return `${compound[1]} ${compound[2]}${compound[3]}`;
  const mapped = FOLDED_TYPOS.get(folded);
  if (mapped) return mapped;
  if (folded.length < 5 || FOLDED_PROTECTED.has(folded)) return word;
  for (const [canonicalFolded, canonical] of FOLDED_CANONICAL) {
    if (canonicalFolded === folded) return lower === canonical ? word : canonical;
  }
  for (const [canonicalFolded, canonical] of FOLDED_CANONICAL) {
    if (canonicalFolded[0] === folded[0] && withinOneEdit(folded, canonicalFolded)) return canonical;
  }
  for (const [canonicalFolded] of FOLDED_REQUEST) if (canonicalFolded === folded) return word;
  if (PROTECTED_REQUEST_PREFIXES.some((prefix) => folded.startsWith(prefix))) return word;
  for (const [canonicalFolded, canonical] of FOLDED_REQUEST) {
    if (canonicalFolded[0] !== folded[0]) continue;
    if (withinOneEdit(folded, canonicalFolded)) return canonical;
    if (canonicalFolded.length >= 10 && folded.length >= 8 && canonicalFolded[1] === folded[1] && withinTwoEdits(folded, canonicalFolded)) return canonical;
  }
  return word;
}

/** "zwischen dem 7. und 11.12." is the range "7. bis 11.12." that the date parsers know. */
const BETWEEN_DAYS = /\bzwischen\s+(?:dem\s+)?(\d{1,2}\.(?:\d{1,2}\.(?:\d{2,4})?)?)\s+und\s+(?:dem\s+)?(?=\d{1,2}\.)/giu;

export function normalizeForTemporal(text: string): string {
  return text.replace(/\p{L}+/gu, correctWord).replace(BETWEEN_DAYS, "zwischen $1 bis ");
}
