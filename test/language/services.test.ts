import { describe, expect, it } from "vitest";
import { p } from "./helpers.ts";

describe("services and counts", () => {
  it("lets the action win over the document", () => {
    expect(p("Personalausweis abholen").services).toEqual([{ id: "abholung", count: 1 }]);
    expect(p("Beglaubigung der Geburtsurkunde").services).toEqual([{ id: "beglaubigung", count: 1 }]);
  });
  it("reads what is being registered", () => {
    expect(p("Auto anmelden").services).toEqual([{ id: "kfz_zulassung", count: 1 }]);
    expect(p("Gewerbe anmelden").services).toEqual([{ id: "gewerbeanmeldung", count: 1 }]);
    expect(p("Auto abmelden").services).toEqual([{ id: "kfz_abmeldung", count: 1 }]);
  });
  it("tolerates typos and inflection", () => {
    expect(p("Führungszeugniss").services).toEqual([{ id: "fuehrungszeugnis", count: 1 }]);
    expect(p("perso abholn").services).toEqual([{ id: "abholung", count: 1 }]);
  });
  it("counts persons", () => {
    expect(p("Ausweis für mich und meinen Mann").services).toEqual([{ id: "personalausweis", count: 2 }]);
    expect(p("Reisepass zu viert").services).toEqual([{ id: "reisepass", count: 4 }]);
    expect(p("Reisepässe (3 Erwachsene, 2 Kinder)").services).toEqual([{ id: "reisepass", count: 5 }]);
    expect(p("Ausweis für meinen Vater (79)").services).toEqual([{ id: "personalausweis", count: 1 }]);
  });
  it("counts a marrying couple as one", () => {
    expect(p("Eheschließung für mich und meine Verlobte").services).toEqual([{ id: "eheschliessung", count: 1 }]);
  });
});
