/**
 * Recognising short replies: button labels, "2" / "den zweiten", yes/no, abort and help.
 * Whole-message matches only, so a request like "zwei Ausweise" is left to the parser.
 */
import {
  ABORT_WORDS,
  ANY_TIME_WORDS,
  HELP_WORDS,
  NO_WORDS,
  normalizeReply,
  ORDINALS,
  PICK_FILLERS,
  YES_WORDS,
} from "../templates/de/bot/lexicon.ts";

const FILLERS = new Set(PICK_FILLERS);
const ORDINAL_INDEX = new Map<string, number>(ORDINALS.flatMap((words, i) => words.map((w) => [w, i] as [string, number])));

/** Whether the whole reply is one of `words` (normalised). */
export function isOneOf(text: string, words: readonly string[]): boolean {
  return words.includes(normalizeReply(text));
}

export const isAbort = (text: string): boolean => isOneOf(text, ABORT_WORDS);
export const isHelp = (text: string): boolean => isOneOf(text, HELP_WORDS);
export const isYes = (text: string): boolean => isOneOf(text, YES_WORDS);
export const isNo = (text: string): boolean => isOneOf(text, NO_WORDS);
export const isAnyTime = (text: string): boolean => isOneOf(text, ANY_TIME_WORDS);

/** Index (0-based) named by a number or ordinal word, or null: "2", "2.", "den zweiten bitte", "Nr. 3". */
export function ordinalIndex(text: string): number | null {
  const words = normalizeReply(text)
    .split(" ")
    .map((w) => w.replace(/\.$/u, ""))
    .filter((w) => w !== "" && !FILLERS.has(w));
  if (words.length !== 1) return null;
  return ORDINAL_INDEX.get(words[0]!) ?? null;
}

/** Index of the button the reply names: its exact label (case-insensitive) or its position. */
export function pickButton(text: string, labels: string[]): number | null {
  const norm = normalizeReply(text);
  const exact = labels.findIndex((l) => normalizeReply(l) === norm);
  if (exact >= 0) return exact;
  const index = ordinalIndex(text);
  return index !== null && index < labels.length ? index : null;
}

/** true for yes (or the first button), false for no (or the second), null for anything else. */
export function yesNo(text: string, buttons: readonly string[]): boolean | null {
  const button = pickButton(text, [...buttons]);
  if (isYes(text) || button === 0) return true;
  if (isNo(text) || button === 1) return false;
  return null;
}
