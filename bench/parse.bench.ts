// Throughput and latency of parse() over the labelled corpus, on one core (called by bench/run.ts).
import { performance } from "node:perf_hooks";
import { parse } from "../core/language/index.ts";
import { heldOutSets, loadConfig, loadCorpus } from "../test/language/eval.ts";

const WARMUP_ROUNDS = 3;
const MEASURED_ROUNDS = 10;

export async function benchParse(): Promise<{ name: "parse"; messagesPerSecond: number; p50Ms: number; p99Ms: number; rows: number }> {
  const config = loadConfig();
  const rows = ["dev", ...heldOutSets()].flatMap((name) => loadCorpus(name)).map((r) => ({ text: r.text, now: new Date(r.now) }));
  for (let i = 0; i < WARMUP_ROUNDS; i++) for (const r of rows) parse(r.text, r.now, "Europe/Berlin", config);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < MEASURED_ROUNDS; i++) {
    for (const r of rows) {
      const t0 = performance.now();
      parse(r.text, r.now, "Europe/Berlin", config);
      samples.push(performance.now() - t0);
    }
  }
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return {
    name: "parse",
    messagesPerSecond: Math.round((samples.length / elapsed) * 1000),
    p50Ms: Number(at(0.5).toFixed(3)),
    p99Ms: Number(at(0.99).toFixed(3)),
    rows: rows.length,
  };
}
