import { describe, expect, it } from "vitest";
import { p } from "./helpers.ts";

describe("codes", () => {
  it("extracts and upper-cases booking codes", () => {
    expect(p("Termin absagen, Code k7p-2qx").code).toBe("K7P-2QX");
  });
  it("does not take licence plates or number ranges for codes", () => {
    expect(p("Auto abmelden, Kennzeichen DO-AB 123").code).toBeNull();
    expect(p("Ausweis, Kosten 100-200 Euro?").code).toBeNull();
  });
});
