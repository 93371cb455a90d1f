import { describe, expect, it } from "vitest";
import { day, p } from "./helpers.ts";

describe("dates", () => {
  it("reads German dot dates chrono rejects", () => {
    expect(p("Termin am 3.12.").dateRanges).toEqual([day("2026-12-03")]);
    expect(p("Termin 3.12.26").dateRanges).toEqual([day("2026-12-03")]);
    expect(p("Termin am 5.1.").dateRanges).toEqual([day("2027-01-05")]);
  });
  it("treats 'am Montag' said on a Monday as next Monday", () => {
    expect(p("Ausweis am Montag").dateRanges).toEqual([day("2026-11-30")]);
  });
  it("reads a bare weekday as its next occurrence after today", () => {
    expect(p("Ausweis Dienstag").dateRanges).toEqual([day("2026-11-24")]);
  });
  it("reads 'nächste Woche' as Monday to Sunday of next week", () => {
    expect(p("Ausweis nächste Woche").dateRanges).toEqual([{ from: "2026-11-30", to: "2026-12-06" }]);
  });
  it("puts a weekday into a named week", () => {
    expect(p("Ausweis nächste Woche Dienstag").dateRanges).toEqual([day("2026-12-01")]);
  });
  it("reads months, calendar weeks and open ends", () => {
    expect(p("Ausweis im Januar").dateRanges).toEqual([{ from: "2027-01-01", to: "2027-01-31" }]);
    expect(p("Ausweis KW 51").dateRanges).toEqual([{ from: "2026-12-14", to: "2026-12-20" }]);
    expect(p("Ausweis ab dem 7.12.").dateRanges).toEqual([{ from: "2026-12-07", to: null }]);
    expect(p("Ausweis bis Freitag").dateRanges).toEqual([{ from: "2026-11-23", to: "2026-11-27" }]);
  });
  it("merges adjacent alternatives", () => {
    expect(p("Ausweis morgen oder übermorgen").dateRanges).toEqual([{ from: "2026-11-24", to: "2026-11-25" }]);
  });
  it("does not depend on the process time zone across DST", () => {
    const r = p("Montag um 9", new Date("2026-03-27T10:00:00+01:00"));
    expect(r.dateRanges).toEqual([day("2026-03-30")]);
    expect(r.timeRanges).toEqual([{ from: 540, to: 540 }]);
  });
});
