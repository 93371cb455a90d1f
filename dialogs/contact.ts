/**
 * Reading contact data and booking codes out of short chat replies ("meine Mail ist erika@example.de").
 */

const EMAIL = /[^\s@<>(),;:"']+@[^\s@<>(),;:"']+\.[a-z]{2,}/iu;
const CODE_SPACED = /^[a-z0-9]{3}[\s-]?[a-z0-9]{3}$/iu;
/** Inside a sentence only the dashed form counts: six letters alone are usually a word ("meinen"). */
const CODE_DASHED = /(?<![a-z0-9-])([a-z0-9]{3}-[a-z0-9]{3})(?![a-z0-9-])/iu;
/** Lowercase words allowed inside a name (nobiliary particles), so "Erika von Hohenberg" stays a name. */
const NAME_PARTICLES = new Set(["von", "van", "de", "del", "der", "den", "da", "di", "du", "la", "le", "zu", "zum", "zur", "ten", "ter", "vom", "y", "bin", "al"]);

/** The first e-mail address in the text, lowercased, or null. */
export function extractEmail(text: string): string | null {
  const match = EMAIL.exec(text);
  if (!match) return null;
  const email = match[0].replace(/[.]+$/u, "").toLowerCase();
  return email.length <= 254 ? email : null;
}

/**
 * The booking code, normalised to "K7P-2QX": the parser's, else a dashed code anywhere in the text,
 * else a reply that is nothing but a code ("k7p2qx", "K7P 2QX"). The parser keeps codes only for
 * cancel/reschedule/status requests, so bare replies need the own patterns.
 */
export function extractCode(text: string, parsed: string | null): string | null {
  if (parsed) return parsed.toUpperCase();
  const dashed = CODE_DASHED.exec(text);
  if (dashed) return dashed[1]!.toUpperCase();
  const t = text.trim();
  if (!CODE_SPACED.test(t)) return null;
  const plain = t.replace(/[\s-]/gu, "").toUpperCase();
  return `${plain.slice(0, 3)}-${plain.slice(3)}`;
}

/** Letters, spaces, hyphens and apostrophes; at least two characters; no digits or "@". */
export function isPlausibleName(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 100 && /^[\p{L}][\p{L}\p{M}' .-]*$/u.test(t);
}

/** "Erika Mustermann" keeps capitals; a lowercase word that is no name particle hints at a sentence ("doch in Brackel"). */
export function looksLikeSentence(text: string): boolean {
  return text
    .trim()
    .split(/\s+/u)
    .some((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w));
}
