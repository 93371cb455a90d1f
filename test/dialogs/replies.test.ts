import { describe, expect, it } from "vitest";
import { applyParse, emptyRequest, hasBookingWishes } from "../../dialogs/booking-request.ts";
import { extractCode, extractEmail, isPlausibleName, looksLikeSentence } from "../../dialogs/contact.ts";
import { isAbort, ordinalIndex, pickButton, yesNo } from "../../dialogs/replies.ts";
import { emptyParseResult } from "../../dialogs/understanding.ts";
import { loadCityConfig } from "../../core/config/load.ts";

const config = loadCityConfig();

describe("short replies", () => {
  it.each([
    ["2", 1],
    ["zwei", 1],
    ["den zweiten", 1],
    ["Den Zweiten bitte!", 1],
    ["Nr. 3", 2],
    ["die erste", 0],
    ["Termin 1", 0],
    ["zwei Ausweise", null],
    ["Erika Mustermann", null],
    ["", null],
  ])("ordinalIndex(%j) = %j", (text, index) => expect(ordinalIndex(text)).toBe(index));

  it("picks a button by label or position, never beyond the list", () => {
    const labels = ["Mo, 30.11., 08:00 Uhr · Bürgerbüro Brackel", "Andere Zeiten"];
    expect(pickButton("andere zeiten", labels)).toBe(1);
    expect(pickButton("2", labels)).toBe(1);
    expect(pickButton("3", labels)).toBeNull();
  });

  it("recognises yes/no, abort", () => {
    expect(yesNo("Ja bitte", ["Ja, absagen", "Nein"])).toBe(true);
    expect(yesNo("Nein", ["Ja, absagen", "Nein"])).toBe(false);
    expect(yesNo("vielleicht", ["Ja, absagen", "Nein"])).toBeNull();
    expect(isAbort("Abbrechen!")).toBe(true);
    expect(isAbort("Termin abbrechen und neu buchen")).toBe(false);
  });
});

describe("contact data in replies", () => {
  it("extracts e-mail addresses and codes", () => {
    expect(extractEmail("Meine Adresse ist Erika.M@Example.de.")).toBe("erika.m@example.de");
    expect(extractEmail("erika at example")).toBeNull();
    expect(extractCode("k7p 2qx", null)).toBe("K7P-2QX");
    expect(extractCode("meinen", null)).toBe("MEI-NEN");
    expect(extractCode("weiß ich nicht", null)).toBeNull();
  });

  it("tells names from sentences", () => {
    expect(isPlausibleName("Erika von Hohenberg-Müller")).toBe(true);
    expect(isPlausibleName("12345")).toBe(false);
    expect(looksLikeSentence("Erika von Hohenberg")).toBe(false);
    expect(looksLikeSentence("doch in Brackel")).toBe(true);
  });
});

describe("booking wishes", () => {
  it("replaces only the dimensions a correction mentions", () => {
    const start = applyParse(emptyRequest(), { ...emptyParseResult(), services: [{ id: "personalausweis", count: 1 }], dateRanges: [{ from: "2026-11-30", to: "2026-12-06" }], timeRanges: [{ from: 360, to: 720 }] }, config);
    const later = applyParse(start, { ...emptyParseResult(), timeRanges: [{ from: 720, to: 1080 }] }, config);
    expect(later.services).toEqual([{ id: "personalausweis", count: 1 }]);
    expect(later.dateRanges).toEqual([{ from: "2026-11-30", to: "2026-12-06" }]);
    expect(later.timeRanges).toEqual([{ from: 720, to: 1080 }]);
  });

  it("ignores services and locations the city does not have and clamps counts", () => {
    const p = { ...emptyParseResult(), services: [{ id: "hundesteuer", count: 1 }, { id: "reisepass", count: 9 }], locations: ["atlantis"] };
    expect(applyParse(emptyRequest(), p, config).services).toEqual([{ id: "reisepass", count: 4 }]);
    expect(hasBookingWishes({ ...emptyParseResult(), services: [{ id: "hundesteuer", count: 1 }] }, config)).toBe(false);
  });
});
