import { describe, expect, it } from "vitest";
import { evaluate } from "./eval.ts";

// Floors just below the figures reached, so any regression fails. Raise them when rules improve.
describe("labelled corpus", () => {
  it("holds its accuracy on the dev rows", () => {
    const r = evaluate("dev");
    expect(r.rows).toBeGreaterThanOrEqual(285);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.97);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.99);
  });
  it("holds its accuracy on the held-out rows", () => {
    const r = evaluate("heldout");
    expect(r.rows).toBeGreaterThanOrEqual(100);
    expect(r.exactRate).toBeGreaterThanOrEqual(0.95);
    expect(r.fields.intent).toBeGreaterThanOrEqual(0.98);
  });
});
