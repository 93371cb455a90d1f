import { describe, expect, it } from "vitest";
import { p } from "./helpers.ts";

describe("negation", () => {
  it("excludes recurring weekdays, dates, times and offices", () => {
    expect(p("Ausweis, nicht montags").excludedWeekdays).toEqual([1]);
    expect(p("Ausweis, nicht am 3.12.").excludedDates).toEqual(["2026-12-03"]);
    expect(p("Ausweis, nicht vormittags").excludedTimeRanges).toEqual([{ from: 360, to: 720 }]);
    expect(p("Ausweis, aber nicht in Eving").excludedLocations).toEqual(["eving"]);
  });
  it("reads a negation after the date", () => {
    expect(p("Ausweis, mittwochs kann ich nicht").excludedWeekdays).toEqual([3]);
  });
});
