import { describe, expect, it } from "vitest";
import { p } from "./helpers.ts";

describe("distractor dates", () => {
  it("ignores expiry dates, birth years, travel and deadlines", () => {
    expect(p("Mein Ausweis läuft am 15.01. ab, Termin nächste Woche").dateRanges).toEqual([{ from: "2026-11-30", to: "2026-12-06" }]);
    expect(p("Reisepass, Jahrgang 1975, ausgestellt 2016").dateRanges).toEqual([]);
    expect(p("Reisepass, ich fliege am 3.12. nach Kanada").dateRanges).toEqual([]);
    expect(p("Anmeldung, Meldepflicht binnen zwei Wochen").dateRanges).toEqual([]);
  });
  it("has no chrono false positives", () => {
    for (const text of ["Ausweis so früh wie möglich", "Ausweis, Fr. Schmidt", "Kennzeichen DO-AB 123 abmelden", "Ausweis in Hörde"]) {
      const r = p(text);
      expect(r.dateRanges, text).toEqual([]);
      expect(r.timeRanges, text).toEqual([]);
    }
  });
});
