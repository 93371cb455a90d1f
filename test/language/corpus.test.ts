import { describe, expect, it } from "vitest";
import { evaluate } from "./eval.ts";

// Floors just below the figures reached, so any regression fails. Raise them when rules improve.
describe("labelled corpus", () => {
  it("holds its accuracy on the dev rows", () => {
    const r = evaluate("dev");
    expect(r.rows).toBeGreaterThanOrEqual(460);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.99);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.995);
  });
  it("holds its accuracy on the held-out rows", () => {
    const r = evaluate("heldout");
    expect(r.rows).toBeGreaterThanOrEqual(100);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.95);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.98);
  });
  // A second held-out set written before any rule change of that round and never tuned on.
  it("holds its accuracy on the second held-out rows", () => {
    const r = evaluate("heldout2");
    expect(r.rows).toBeGreaterThanOrEqual(180);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.86);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.93);
  });
});
