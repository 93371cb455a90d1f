import { describe, expect, it } from "vitest";
import { evaluate, heldOutSets, loadCorpus } from "./eval.ts";

// Floors just below the figures reached, so any regression fails. Raise them when rules improve.
// The dev rows are everything the rules were tuned on: dev.jsonl, the topic files dev-*.jsonl and the
// retired held-out sets of earlier rounds (dev-round2..5.jsonl), which were opened for tuning once a
// fresh blind set had been written to take their place.
describe("labelled corpus", () => {
  it("holds its accuracy on the dev rows", () => {
    const r = evaluate("dev");
    expect(r.rows).toBeGreaterThanOrEqual(5400);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.97);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.995);
  });
  it("holds its accuracy on the first held-out rows", () => {
    const r = evaluate("heldout");
    expect(r.rows).toBeGreaterThanOrEqual(100);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.98);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.99);
  });
  // Sets 9 and 10 were written blind by two authors who never saw the rules or the corpus, after the rules
  // of the red-team rounds; set 9 is a week of realistic traffic, set 10 five messages each from 40 personas.
  it("holds its accuracy on the ninth held-out rows", () => {
    const r = evaluate("heldout9");
    expect(r.rows).toBeGreaterThanOrEqual(200);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.93);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.99);
  });
  it("holds its accuracy on the tenth held-out rows", () => {
    const r = evaluate("heldout10");
    expect(r.rows).toBeGreaterThanOrEqual(190);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.87);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.93);
  });
  it("keeps held-out rows out of the dev rows", () => {
    const dev = new Set(loadCorpus("dev").map((r) => r.text.trim()));
    for (const set of heldOutSets()) {
      const leaked = loadCorpus(set).filter((r) => dev.has(r.text.trim()));
      expect(leaked.map((r) => r.id)).toEqual([]);
    }
  });
});
