// Runs our chrono on normalised text and returns atoms in text order.
import { germanChrono } from "./chrono-de.ts";
import { payloadOf, type Atom } from "./atom.ts";
import type { ParsingResult } from "chrono-node";

export function extractAtoms(text: string, instant: Date, offsetMinutes: number): Atom[] {
  const results = germanChrono.parse(text, { instant, timezone: offsetMinutes }) as ParsingResult[];
  const atoms: Atom[] = [];
  for (const r of results) {
    const payload = payloadOf(r);
    if (payload) atoms.push({ index: r.index, end: r.index + r.text.length, text: r.text, payload });
  }
  return atoms.sort((a, b) => a.index - b.index);
}
