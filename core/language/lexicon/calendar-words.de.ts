// German calendar vocabulary. Keys are lower case with umlauts; matching code folds input first.

export const WEEKDAYS: Readonly<Record<string, number>> = {
  montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6, sonntag: 7,
};

/** Two-letter abbreviations; "so" is left out on purpose: it is nearly always the particle "so". */
export const WEEKDAY_ABBREVIATIONS: Readonly<Record<string, number>> = {
  mo: 1, di: 2, mi: 3, do: 4, fr: 5, sa: 6,
};

export const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jänner: 1, jan: 1, februar: 2, feb: 2, märz: 3, mär: 3, april: 4, apr: 4, mai: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, dezember: 12, dez: 12,
};

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  ein: 1, eins: 1, eine: 1, einen: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7,
  acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16,
  siebzehn: 17, achtzehn: 18, neunzehn: 19, zwanzig: 20, einundzwanzig: 21, dreißig: 30,
};

export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  ersten: 1, zweiten: 2, dritten: 3, vierten: 4, fünften: 5, sechsten: 6, siebten: 7, achten: 8, neunten: 9,
  zehnten: 10, elften: 11, zwölften: 12, dreizehnten: 13, vierzehnten: 14, fünfzehnten: 15, sechzehnten: 16,
  siebzehnten: 17, achtzehnten: 18, neunzehnten: 19, zwanzigsten: 20, einundzwanzigsten: 21,
  zweiundzwanzigsten: 22, dreiundzwanzigsten: 23, vierundzwanzigsten: 24, fünfundzwanzigsten: 25,
  sechsundzwanzigsten: 26, siebenundzwanzigsten: 27, achtundzwanzigsten: 28, neunundzwanzigsten: 29,
  dreißigsten: 30, einunddreißigsten: 31,
};

/** Day parts as allowed start windows in minutes (nlu.md §5.4). */
export const DAY_PARTS: Readonly<Record<string, readonly [number, number]>> = {
  morning: [360, 600],
  forenoon: [360, 720],
  noon: [720, 840],
  afternoon: [720, 1080],
  earlyAfternoon: [720, 900],
  lateAfternoon: [900, 1080],
  evening: [1020, 1320],
  afterWork: [1020, 1260],
};

export function numberFromToken(token: string): number | null {
  if (/^\d{1,3}$/.test(token)) return Number(token);
  return NUMBER_WORDS[token.toLowerCase()] ?? null;
}
