import { describe, expect, it } from "vitest";
import { p } from "./helpers.ts";

describe("locations", () => {
  it("reads aliases and umlaut-less spellings", () => {
    expect(p("Ausweis in Hoerde").locations).toEqual(["hoerde"]);
    expect(p("Ausweis Innenstadt").locations).toEqual(["mitte"]);
    expect(p("Geburtsurkunde beim Standesamt").locations).toEqual(["standesamt"]);
  });
  it("ignores street adjectives and calendar uses of alias words", () => {
    expect(p("Ausweis, ich wohne Hombrucher Str. 5").locations).toEqual([]);
    expect(p("Ausweis Mitte Dezember").locations).toEqual([]);
  });
  it("keeps alternatives in order of mention", () => {
    expect(p("Ausweis Brackel oder notfalls Innenstadt").locations).toEqual(["brackel", "mitte"]);
  });
});
