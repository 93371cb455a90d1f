import { describe, expect, it } from "vitest";
import { withinTwoEdits } from "../../core/language/text/damerau.ts";
import { normalizeForTemporal } from "../../core/language/text/normalize.ts";
import { p } from "./helpers.ts";

describe("slips in request words", () => {
  it("counts two edits, transpositions included", () => {
    expect(withinTwoEdits("stoniern", "stornieren")).toBe(true);
    expect(withinTwoEdits("verschiban", "verschieben")).toBe(true);
    expect(withinTwoEdits("annulierne", "annullieren")).toBe(true);
    expect(withinTwoEdits("verschicken", "vereinbaren")).toBe(false);
  });

  it.each([
    ["stonieren", "stornieren"], ["stornieen", "stornieren"], ["annulieren", "annullieren"],
    ["verschiben", "verschieben"], ["vorziehn", "vorziehen"], ["wan", "wann"],
  ])("corrects %s to %s", (typed, meant) => {
    expect(normalizeForTemporal(typed)).toBe(meant);
  });

  it("leaves real words near a request word alone", () => {
    for (const word of ["verschrieben", "verschoben", "verlegt", "vorlegen", "Termins", "abgesagt", "beantragt", "verschiedene", "verschicken", "ansagen"]) {
      expect(normalizeForTemporal(word)).toBe(word);
    }
  });

  it.each([
    ["stonieren bitte, termin morgen", "cancel"],
    ["ich möchte mein termin verschiben", "reschedule"],
    ["wan ist mein termin", "status"],
    ["Was muss ich für einen Reisepass vorlegen?", "info"],
    ["Mein Ausweis ist verlegt, ich brauche einen neuen", "book"],
  ])("%s → %s", (text, intent) => {
    expect(p(text).intent).toBe(intent);
  });
});
