// Spellings people type for calendar words: umlaut-less forms and frequent typos. Matching code also
// applies Damerau-Levenshtein <= 1 against CANONICAL_TEMPORAL_WORDS, so only unusual slips belong here.

export const TYPO_MAP: Readonly<Record<string, string>> = {
  ubermorgen: "übermorgen", uebermorgen: "übermorgen", übermorgn: "übermorgen", morgn: "morgen",
  nächste: "nächste", naechste: "nächste", naechsten: "nächsten", naechster: "nächster", naechstes: "nächstes",
  nachste: "nächste", nachsten: "nächsten", nachster: "nächster", nächstn: "nächsten",
  uebernaechste: "übernächste", uebernaechsten: "übernächsten", ubernachste: "übernächste",
  ubernachsten: "übernächsten", übernachste: "übernächste",
  frueh: "früh", fruh: "früh", fruehen: "frühen", fruehestens: "frühestens", spaetestens: "spätestens",
  spaeter: "später", spaeten: "späten", maerz: "märz", ausser: "außer", fuer: "für", fur: "für",
  mittags: "mittags", vormitags: "vormittags", vormitag: "vormittag", nachmitags: "nachmittags",
  nachmitag: "nachmittag", abens: "abends", woch: "woche", wochn: "woche", wochen: "wochen",
  dienstg: "dienstag", mitwoch: "mittwoch", mitwochs: "mittwochs", donerstag: "donnerstag",
  donnerstg: "donnerstag", freitg: "freitag", diensdag: "dienstag", dinstag: "dienstag",
  kw: "KW",
  // request words: short slips the fuzzy step cannot reach (it needs 5+ letters)
  wan: "wann", wat: "was", dat: "das", ned: "nicht", nich: "nicht", nit: "nicht", wanns: "wann", is: "ist", termn: "Termin", temin: "Termin", heut: "heute",
};

/**
 * Canonical words a typo may be corrected to. Only words of 5+ letters take part in fuzzy correction,
 * and never a token that is itself a known German word (see PROTECTED_WORDS).
 */
export const CANONICAL_TEMPORAL_WORDS: readonly string[] = [
  "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend",
  "montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags",
  "januar", "februar", "april", "august", "september", "oktober", "november", "dezember",
  "übermorgen", "vormittag", "vormittags", "nachmittag", "nachmittags", "abends", "morgens",
  "nächste", "nächsten", "nächster", "übernächste", "übernächsten", "wochenende",
];

/** Real words that sit within one edit of a calendar word and must stay as written. */
export const PROTECTED_WORDS: ReadonlySet<string> = new Set([
  "monat", "monate", "monats", "mittag", "mittage", "morgen", "abend", "woche", "wochen", "nächstes",
  "feiertag", "freitags", "samstags", "sonntags", "montags", "dienstags", "mittwochs", "donnerstags",
  "morgens", "abends", "august", "augusta", "oktober", "november", "dezember", "septembers",
  "januar", "februar", "april", "auguste", "nachmittag", "vormittag", "nachmittags", "vormittags",
  "nachste", "nachsten", "nachster", "montage", "montagen", "freitage",
]);

/**
 * The request verbs and nouns that decide an intent; a slip in them ("stonieren", "verschiben",
 * "annulieren") would otherwise lose the request. Matched like the calendar words (first letter equal,
 * one edit), and words of 9+ letters also within two edits when the first two letters agree.
 */
export const CANONICAL_REQUEST_WORDS: readonly string[] = [
  "stornieren", "storniere", "stornierung", "annullieren", "annulliere", "absagen", "abzusagen",
  "verschieben", "verschiebe", "verschiebung", "verlegen", "umbuchen", "vorziehen", "termin", "termine", "terminbestätigung",
  "buchung", "bestätigung", "bestätigen", "öffnungszeiten", "beantragen",
];

/** Real words within reach of a request word that must stay as written. */
export const PROTECTED_REQUEST_WORDS: ReadonlySet<string> = new Set([
  "verschrieben", "verschoben", "verlegt", "verlegte", "verlegene", "verlegung", "absage", "absagt", "abgesagt",
  "termins", "terminen", "buchen", "buchungen", "storniert", "annulliert", "beantragt", "beantrage", "beantragte",
  "bestätigt", "bestätigungen", "vorzieht", "vorlegen", "vorlege", "vorlegt", "verlangen", "verlagern", "verlieren", "umbucht", "verlesen", "verlogen", "vorziehe", "abtragen", "absagten",
]);

/** Word families within reach of a request word ("verschiedene", "verschicken", "ansagen"): never corrected. */
export const PROTECTED_REQUEST_PREFIXES: readonly string[] = ["verschied", "verschick", "ansag", "angesag", "aussag", "versag", "umsuch", "vorzeig", "beantragung"];
