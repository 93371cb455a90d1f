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
  it("does not take residence, a move or the sender address for a preference", () => {
    expect(p("Anmeldung Wohnung, ich wohne jetzt in Dortmund Hörde").locations).toEqual([]);
    expect(p("bin nach Mengede gezogen und muss mich ummelden").locations).toEqual([]);
    expect(p("Meine neue Adresse ist in Scharnhorst, ich möchte mich ummelden").locations).toEqual([]);
    expect(p("Reisepass bitte.\nKarl Becker\nHauptstraße 12\n44269 Dortmund-Hörde").locations).toEqual([]);
  });
  it("keeps a preference stated in another clause than the residence", () => {
    expect(p("Ich wohne in Eving, hätte den Termin aber gern in Hörde").locations).toEqual(["hoerde"]);
    expect(p("Ich lebe in Hörde und brauche einen Reisepass, am liebsten in Hörde").locations).toEqual(["hoerde"]);
    expect(p("Wie komme ich mit der Bahn zum Bürgerbüro Scharnhorst?").locations).toEqual(["scharnhorst"]);
  });
  it("takes neither end of a move of residence for a preference", () => {
    expect(p("Ich bin umgezogen (von Huckarde nach Hörde) und muss mich ummelden").locations).toEqual([]);
    expect(p("Wir sind aus Eving nach Brackel gezogen, bitte Termin zur Ummeldung").locations).toEqual([]);
    expect(p("Bin von Mengede nach Eving umgezogen, den Termin gern in Hörde").locations).toEqual(["hoerde"]);
  });
  it("drops the office an appointment is moved away from", () => {
    expect(p("Kann ich meinen Termin in Eving nach Brackel verlegen lassen?").locations).toEqual(["brackel"]);
  });
});
