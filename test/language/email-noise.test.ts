import { describe, expect, it } from "vitest";
import { p } from "./helpers.ts";

describe("e-mail noise", () => {
  it("ignores the signature and the quoted history", () => {
    const r = p("Sehr geehrte Damen und Herren,\nich brauche einen Reisepass am 2.12.\n\nMit freundlichen Grüßen\nAnna Schmidt\nBrackeler Straße 12\n44309 Dortmund\n\nAm 20.11.2026 schrieb Bürgerdienste:\n> Termin am 24.11. in Eving");
    expect(r.services).toEqual([{ id: "reisepass", count: 1 }]);
    expect(r.locations).toEqual([]);
    expect(r.dateRanges).toEqual([{ from: "2026-12-02", to: "2026-12-02" }]);
  });
  it("does not read 'Guten Morgen' as tomorrow", () => {
    expect(p("Guten Morgen, ich brauche einen Ausweis").dateRanges).toEqual([]);
  });
  it("reads the subject line", () => {
    expect(p("Betreff: Anmeldung\n\nHallo, geht es am Freitag?").services).toEqual([{ id: "anmeldung", count: 1 }]);
  });
});
