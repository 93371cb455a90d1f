// Folding makes "Hörde", "Hoerde" and "HOERDE" compare equal; used for every lexicon lookup.

const FOLD_MAP: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/** Folded text plus, for every original index, its index in the folded text. */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  const map: number[] = new Array(text.length + 1);
  const parts: string[] = new Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = length;
    const c = text.charCodeAt(i);
    // ASCII needs no table lookup or Unicode normalisation, and is nearly all of the text
    const part = c < 128 ? (c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i] ?? "") : fold(text[i] ?? "");
    parts[i] = part;
    length += part.length;
  }
  map[text.length] = length;
  return { folded: parts.join(""), map };
}

export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => FOLD_MAP[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}
