/**
 * German words the bot recognises in short replies (not in requests: those go through the parser).
 * Matched against the whole message after `normalizeReply`, so "zwei Ausweise" is not mistaken for "zwei".
 */

/** Ends the current process at any step. */
export const ABORT_WORDS = ["abbrechen", "abbruch", "stopp", "stop", "cancel", "vorgang abbrechen", "neu anfangen", "von vorne", "neustart"];

/** Asks for help at any step. */
export const HELP_WORDS = ["hilfe", "help", "?", "was kann ich tun", "was kann ich schreiben", "ich verstehe das nicht"];

export const YES_WORDS = ["ja", "ja bitte", "jawohl", "ok", "okay", "gerne", "genau", "richtig", "stimmt", "passt", "klar", "ja, buchen", "ja, absagen", "ja, verschieben", "buchen", "bestätigen", "einverstanden", "jo", "yes"];
export const NO_WORDS = ["nein", "nein danke", "nee", "lieber nicht", "doch nicht", "no"];

/** "Any time is fine": answers the time question without a wish. */
export const ANY_TIME_WORDS = ["egal", "ist egal", "egal wann", "jederzeit", "keine vorliebe", "flexibel", "mir egal", "alles", "ganz egal"];

/** Number and ordinal words for picking the n-th button (index 0 = first); articles are fillers. */
export const ORDINALS: string[][] = [
  ["1", "eins", "erste", "ersten", "erster", "erstes"],
  ["2", "zwei", "zweite", "zweiten", "zweiter", "zweites"],
  ["3", "drei", "dritte", "dritten", "dritter", "drittes"],
  ["4", "vier", "vierte", "vierten", "vierter", "viertes"],
  ["5", "fünf", "fünfte", "fünften", "fünfter", "fünftes"],
  ["6", "sechs", "sechste", "sechsten", "sechster", "sechstes"],
  ["7", "sieben", "siebte", "siebten", "siebter", "siebtes"],
  ["8", "acht", "achte", "achten", "achter", "achtes"],
  ["9", "neun", "neunte", "neunten", "neunter", "neuntes"],
  ["10", "zehn", "zehnte", "zehnten", "zehnter", "zehntes"],
  ["11", "elf", "elfte", "elften", "elfter", "elftes"],
  ["12", "zwölf", "zwölfte", "zwölften", "zwölfter", "zwölftes"],
];

/** Words around a pick that carry no meaning: "den zweiten bitte", "Termin Nr. 2 nehme ich". */
export const PICK_FILLERS = ["bitte", "ich", "nehme", "nehmen", "termin", "option", "vorschlag", "der", "den", "die", "das", "gerne", "gern", "nummer", "nr", "nr."];

/** Lowercases, trims and drops trailing punctuation and repeated spaces. */
export function normalizeReply(text: string): string {
  return text
    .toLowerCase()
    .replace(/[!.,;:]+$/u, "")
    .replace(/\s+/gu, " ")
    .trim();
}
