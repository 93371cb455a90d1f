import { describe, expect, it } from "vitest";
import { p } from "./helpers.ts";

describe("day parts", () => {
  it("maps day parts to start windows", () => {
    expect(p("Ausweis vormittags").timeRanges).toEqual([{ from: 360, to: 720 }]);
    expect(p("Ausweis am frühen Nachmittag").timeRanges).toEqual([{ from: 720, to: 900 }]);
  });
  it("reads 'morgen früh' as tomorrow in the morning", () => {
    const r = p("Ausweis morgen früh");
    expect(r.dateRanges).toEqual([{ from: "2026-11-24", to: "2026-11-24" }]);
    expect(r.timeRanges).toEqual([{ from: 360, to: 600 }]);
  });
  it("reads 'nachmittags nach 4' as 16 to 18 o'clock", () => {
    expect(p("Ausweis nachmittags nach 4").timeRanges).toEqual([{ from: 960, to: 1080 }]);
  });
  it("does not read 'so früh wie möglich' as a day part", () => {
    const r = p("Ausweis so früh wie möglich");
    expect(r.timeRanges).toEqual([]);
    expect(r.urgent).toBe(true);
  });
  it("does not take a day part in a reason or busy clause as the wish", () => {
    const r = p("Ausweis. Ich kann nur vormittags, weil ich nachmittags ruhen muss.");
    expect(r.timeRanges).toEqual([{ from: 360, to: 720 }]);
    expect(p("Reisepass, bitte nur nachmittags, da ich vormittags arbeiten muss.").timeRanges).toEqual([{ from: 720, to: 1080 }]);
    // the wished window wins over an overlapping busy one
    const noon = p("Perso, ich kann nur mittags, denn morgens bring ich die Kinder in die Kita und nachmittags arbeite ich.");
    expect(noon.timeRanges).toEqual([{ from: 720, to: 840 }]);
    expect(noon.excludedTimeRanges).not.toContainEqual({ from: 720, to: 1080 });
  });
  it("keeps 'in der Mittagspause' next to a clause about work", () => {
    expect(p("Termin in der Mittagspause bitte, Reisepass, ich arbeite in der Stadtmitte.").timeRanges).toEqual([{ from: 720, to: 840 }]);
  });
  it("reads a day part inside a noun ('Abendtermin') unless a clock time is wished", () => {
    expect(p("Ausweis, gibt es einen Abendtermin am Freitag?").timeRanges).toEqual([{ from: 1020, to: 1320 }]);
    expect(p("Ich kann nicht vor 16 Uhr, gibt es Abendtermine für den Personalausweis?").timeRanges).toEqual([{ from: 960, to: 1440 }]);
  });
  it("ignores 'gestern Abend'", () => {
    expect(p("Mir wurde gestern Abend der Ausweis gestohlen, bitte bald einen Termin").timeRanges).toEqual([]);
  });
});
