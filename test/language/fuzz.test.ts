import { describe, expect, it } from "vitest";
import { parse } from "../../core/language/index.ts";
import { INTENT_PRIORITY } from "../../core/language/types.ts";
import { CONFIG, MONDAY } from "./helpers.ts";

/** Deterministic pseudo-random numbers so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32);
}

const PIECES = ["Ausweis", "am", "3.12.", "nicht", "um 5", "ab", "bis", "oder", "<b>", "&nbsp;", "\u0000", "🙂", "ä", "ß",
  "KW", "halb", "zwischen 8 und", "-", ".", ",", "\n> ", "Mit freundlichen Grüßen", "Montag", "99.99.", "25:99", "((((", "Code ABC-123"];

/** Validity only: speed on hostile input is measured by `npm run bench` (parse), never asserted here. */
function assertValid(text: string): void {
  const r = parse(text, MONDAY, "Europe/Berlin", CONFIG);
  expect(INTENT_PRIORITY).toContain(r.intent);
  for (const key of ["secondaryIntents", "services", "locations", "excludedLocations", "dateRanges", "weekdays", "excludedWeekdays", "excludedDates", "timeRanges", "excludedTimeRanges", "infoTopics"] as const) {
    expect(Array.isArray(r[key])).toBe(true);
  }
  for (const t of [...r.timeRanges, ...r.excludedTimeRanges]) expect(t.from <= t.to && t.from >= 0 && t.to <= 1440).toBe(true);
  for (const d of r.dateRanges) expect(d.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}

describe("hostile input", () => {
  it("survives empty, huge, binary, emoji and HTML input", () => {
    const random = rng(7);
    const binary = Array.from({ length: 4096 }, () => String.fromCharCode(Math.floor(random() * 65_536))).join("");
    for (const text of ["", " ", "\n\n", "🙂".repeat(5000), "a".repeat(100_000), "3.12. ".repeat(20_000), binary,
      "<html><body><script>alert(1)</script><p>Ausweis am 3.12.</p></body></html>", "\uFFFF\uD800", "ab ".repeat(30_000)]) {
      assertValid(text);
    }
  });
  it("survives random combinations of tricky pieces", () => {
    const random = rng(42);
    for (let i = 0; i < 500; i++) {
      const n = 1 + Math.floor(random() * 12);
      const text = Array.from({ length: n }, () => PIECES[Math.floor(random() * PIECES.length)]).join(random() < 0.5 ? " " : "");
      assertValid(text);
    }
  });
  it("treats an invalid time zone or date without throwing", () => {
    expect(parse("Ausweis morgen", MONDAY, "Mars/Olympus", CONFIG).intent).toBe("book");
    expect(parse("Ausweis morgen", new Date(Number.NaN), "Europe/Berlin", CONFIG).intent).toBe("unknown");
  });
});
