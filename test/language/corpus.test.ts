import { describe, expect, it } from "vitest";
import { evaluate } from "./eval.ts";

// Floors just below the figures reached, so any regression fails. Raise them when rules improve.
describe("labelled corpus", () => {
  it("holds its accuracy on the dev rows", () => {
    const r = evaluate("dev");
    expect(r.rows).toBeGreaterThanOrEqual(700);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.995);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.995);
  });
  it("holds its accuracy on the held-out rows", () => {
    const r = evaluate("heldout");
    expect(r.rows).toBeGreaterThanOrEqual(100);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.96);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.98);
  });
  // A second held-out set written before any rule change of that round and never tuned on.
  it("holds its accuracy on the second held-out rows", () => {
    const r = evaluate("heldout2");
    expect(r.rows).toBeGreaterThanOrEqual(180);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.88);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.95);
  });
  // A third held-out set, intent-heavy, written before the structural intent rules; baseline 75.8 % intent.
  it("holds its accuracy on the third held-out rows", () => {
    const r = evaluate("heldout3");
    expect(r.rows).toBeGreaterThanOrEqual(180);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.71);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.8);
  });
  // A fourth held-out set of realistic citizen messages in proportion to traffic, written before the
  // rule changes of its round (baseline 90.8 % intent, 85.4 % exact) and never tuned on.
  it("holds its accuracy on the fourth held-out rows", () => {
    const r = evaluate("heldout4");
    expect(r.rows).toBeGreaterThanOrEqual(180);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.86);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.93);
  });
  // A fifth held-out set drawn from how citizens write to offices (registers: elderly, young, non-native,
  // officialese, angry, quoted mail history, signatures), written before that round's rule changes
  // (baseline 91.0 % intent, 86.0 % exact) and never tuned on.
  it("holds its accuracy on the fifth held-out rows", () => {
    const r = evaluate("heldout5");
    expect(r.rows).toBeGreaterThanOrEqual(170);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.93);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.96);
  });
});
