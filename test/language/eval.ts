// `npm run eval:nlu`: per-field accuracy and exact-row rate on the dev and the four held-out corpora.
// Failures are printed for dev only: the held-out sets are judged by their aggregate figures.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "../../core/language/index.ts";
import type { LanguageConfig, ParseResult } from "../../core/language/types.ts";
import { compareResults, completeExpected, FIELDS, type Field } from "./compare.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = join(HERE, "corpus");

export interface CorpusRow { id: string; text: string; now: string; timezone?: string; expected: Partial<ParseResult> }
export interface Report { set: string; rows: number; exact: number; exactRate: number; fields: Record<Field, number>; failures: { id: string; fields: Field[] }[] }

export function loadConfig(): LanguageConfig {
  return JSON.parse(readFileSync(join(HERE, "../../core/config/demo-city.json"), "utf8")) as LanguageConfig;
}

export function loadCorpus(name: string): CorpusRow[] {
  return readFileSync(join(CORPUS_DIR, `${name}.jsonl`), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as CorpusRow);
}

export function evaluate(name: string, config = loadConfig()): Report {
  const rows = loadCorpus(name);
  const fields = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  const failures: Report["failures"] = [];
  for (const row of rows) {
    const now = new Date(row.now);
    const actual = parse(row.text, now, row.timezone ?? "Europe/Berlin", config);
    const verdict = compareResults(actual, completeExpected(row.expected), now, row.timezone ?? "Europe/Berlin");
    const wrong = FIELDS.filter((f) => !verdict[f]);
    FIELDS.forEach((f) => { if (verdict[f]) fields[f] += 1; });
    if (wrong.length > 0) failures.push({ id: row.id, fields: wrong });
  }
  const exact = rows.length - failures.length;
  for (const f of FIELDS) fields[f] = rows.length ? fields[f] / rows.length : 0;
  return { set: name, rows: rows.length, exact, exactRate: rows.length ? exact / rows.length : 0, fields, failures };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(7);

function printTable(reports: Report[]): void {
  const header = ["field".padEnd(20), ...reports.map((r) => r.set.padStart(9))].join(" ");
  console.log(header);
  console.log("-".repeat(header.length));
  for (const f of FIELDS) console.log([f.padEnd(20), ...reports.map((r) => pct(r.fields[f]).padStart(9))].join(" "));
  console.log("-".repeat(header.length));
  console.log(["exact rows".padEnd(20), ...reports.map((r) => pct(r.exactRate).padStart(9))].join(" "));
  console.log(["rows".padEnd(20), ...reports.map((r) => String(r.rows).padStart(9))].join(" "));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const reports = ["dev", "heldout", "heldout2", "heldout3", "heldout4"].map((name) => evaluate(name));
  printTable(reports);
  if (process.argv.includes("--failures")) {
    for (const r of reports.filter((x) => x.set === "dev")) {
      for (const f of r.failures) console.log(`${r.set} ${f.id}: ${f.fields.join(", ")}`);
    }
  }
  for (const r of reports) {
    console.log(JSON.stringify({ set: r.set, rows: r.rows, exactRate: Number(r.exactRate.toFixed(4)), fields: Object.fromEntries(FIELDS.map((f) => [f, Number(r.fields[f].toFixed(4))])) }));
  }
}
