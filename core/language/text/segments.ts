// Clause boundaries decide the scope of negation and distractor cues. Dots inside dates ("3.12.")
// and after abbreviations are not sentence ends.

const CLAUSE_BREAK = /[!?;\n()]|:(?!\d)|\.(?=\s|$)(?<![\d]\.)|,|\s(?:aber|sonst|und|oder|jedoch|weil|da|denn|sowie)\s/giu;

export interface Clause { start: number; end: number; connector: string }

export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  let connector = "";
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const index = m.index ?? 0;
    clauses.push({ start, end: index, connector });
    connector = m[0].trim().toLowerCase();
    start = index + m[0].length;
  }
  clauses.push({ start, end: text.length, connector });
  return clauses;
}

export function clauseAt(clauses: Clause[], position: number): number {
  let lo = 0;
  let hi = clauses.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((clauses[mid]?.start ?? 0) <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
