import { describe, expect, it } from "vitest";
import { p } from "./helpers.ts";

describe("codes", () => {
  it("extracts and upper-cases booking codes", () => {
    expect(p("Termin absagen, Code k7p-2qx").code).toBe("K7P-2QX");
  });
  it("reads a code written with spaces or without dash after a word that names it", () => {
    expect(p("Code K7P 2QX absagen").code).toBe("K7P-2QX");
    expect(p("Buchungscode: k7p2qx, bitte absagen").code).toBe("K7P-2QX");
    expect(p("Buchungsnummer AB1 - 23C stornieren").code).toBe("AB1-23C");
    expect(p("Termin absagen, meine Nummer 0231 123456").code).toBeNull();
  });
  it("does not take licence plates or number ranges for codes", () => {
    expect(p("Auto abmelden, Kennzeichen DO-AB 123").code).toBeNull();
    expect(p("Ausweis, Kosten 100-200 Euro?").code).toBeNull();
  });
});
