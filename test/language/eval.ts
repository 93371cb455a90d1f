// `npm run eval:nlu`: per-field accuracy and exact-row rate on the dev rows and each held-out corpus.
// Failures are printed for dev only: the held-out sets are judged by their aggregate figures.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "../../core/language/index.ts";
import { INTENT_PRIORITY, type LanguageConfig, type ParseResult } from "../../core/language/types.ts";
import { compareResults, completeExpected, FIELDS, type Field } from "./compare.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = join(HERE, "corpus");

export interface CorpusRow { id: string; text: string; now: string; timezone?: string; expected: Partial<ParseResult> }
export interface Report {
  set: string; rows: number; exact: number; exactRate: number; fields: Record<Field, number>; failures: { id: string; fields: Field[] }[];
  /** expected intent → actual intent → rows */
  confusion: Record<string, Record<string, number>>;
}

export function loadConfig(): LanguageConfig {
  return JSON.parse(readFileSync(join(HERE, "../../core/config/demo-city.json"), "utf8")) as LanguageConfig;
}

/** The files of a set: "dev" is dev.jsonl plus every dev-*.jsonl (retired held-out sets and topic rows). */
export function corpusFiles(name: string): string[] {
  if (name === ALL_HELD_OUT) return heldOutSets().map((set) => `${set}.jsonl`);
  if (name !== "dev") return [`${name}.jsonl`];
  return ["dev.jsonl", ...readdirSync(CORPUS_DIR).filter((f) => /^dev-.+\.jsonl$/.test(f)).sort()];
}

/** The held-out sets: never tuned on, judged by their aggregate figures only. */
export function heldOutSets(): string[] {
  const number = (set: string): number => Number(set.slice("heldout".length) || 1);
  return readdirSync(CORPUS_DIR).map((f) => /^(heldout\d*)\.jsonl$/.exec(f)?.[1]).filter((x): x is string => !!x)
    .sort((a, b) => number(a) - number(b));
}

/** All held-out rows together. */
export const ALL_HELD_OUT = "held-out";

export function loadCorpus(name: string): CorpusRow[] {
  return corpusFiles(name).flatMap((file) =>
    readFileSync(join(CORPUS_DIR, file), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as CorpusRow));
}

export function evaluate(name: string, config = loadConfig()): Report {
  const rows = loadCorpus(name);
  const fields = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  const failures: Report["failures"] = [];
  const confusion: Report["confusion"] = {};
  for (const row of rows) {
    const now = new Date(row.now);
    const actual = parse(row.text, now, row.timezone ?? "Europe/Berlin", config);
    const verdict = compareResults(actual, completeExpected(row.expected), now, row.timezone ?? "Europe/Berlin");
    const wrong = FIELDS.filter((f) => !verdict[f]);
    const want = row.expected.intent ?? "unknown";
    const byActual = (confusion[want] ??= {});
    byActual[actual.intent] = (byActual[actual.intent] ?? 0) + 1;
    FIELDS.forEach((f) => { if (verdict[f]) fields[f] += 1; });
    if (wrong.length > 0) failures.push({ id: row.id, fields: wrong });
  }
  const exact = rows.length - failures.length;
  for (const f of FIELDS) fields[f] = rows.length ? fields[f] / rows.length : 0;
  return { set: name, rows: rows.length, exact, exactRate: rows.length ? exact / rows.length : 0, fields, failures, confusion };
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

/** Rows: expected intent; columns: parsed intent. Printed for dev only (held-out rows stay unseen). */
function printConfusion(r: Report): void {
  const intents = [...INTENT_PRIORITY, "unknown"].filter((i, k, a) => a.indexOf(i) === k);
  console.log(`\nintent confusion (${r.set}; rows = expected, columns = parsed)`);
  console.log(["".padEnd(11), ...intents.map((i) => i.slice(0, 10).padStart(10))].join(" "));
  for (const want of intents) {
    const row = r.confusion[want] ?? {};
    console.log([want.padEnd(11), ...intents.map((got) => String(row[got] ?? (want === got ? 0 : "·")).padStart(10))].join(" "));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const reports = ["dev", ...heldOutSets(), ALL_HELD_OUT].map((name) => evaluate(name));
  printTable(reports);
  const dev = reports.find((r) => r.set === "dev");
  if (dev) printConfusion(dev);
  if (process.argv.includes("--failures")) {
    for (const r of reports.filter((x) => x.set === "dev")) {
      for (const f of r.failures) console.log(`${r.set} ${f.id}: ${f.fields.join(", ")}`);
    }
  }
  for (const r of reports) {
    console.log(JSON.stringify({ set: r.set, rows: r.rows, exactRate: Number(r.exactRate.toFixed(4)), fields: Object.fromEntries(FIELDS.map((f) => [f, Number(r.fields[f].toFixed(4))])) }));
  }
}
