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
  it("does not read 'Person' as an inflected 'Perso'", () => {
    expect(p("Anmeldung für Familie 4 Person").services).toEqual([{ id: "anmeldung", count: 4 }]);
    expect(p("Reisepass für eine Person").services).toEqual([{ id: "reisepass", count: 1 }]);
    expect(p("zwei Persos bitte").services).toEqual([{ id: "personalausweis", count: 2 }]);
  });
  it("counts persons", () => {
    expect(p("Ausweis für mich und meinen Mann").services).toEqual([{ id: "personalausweis", count: 2 }]);
    expect(p("Reisepass zu viert").services).toEqual([{ id: "reisepass", count: 4 }]);
    expect(p("Reisepässe (3 Erwachsene, 2 Kinder)").services).toEqual([{ id: "reisepass", count: 5 }]);
    expect(p("Ausweis für meinen Vater (79)").services).toEqual([{ id: "personalausweis", count: 1 }]);
  });
  it("adds up persons joined by 'und', '+' and commas, whatever the noun", () => {
    expect(p("Anmeldung für 3 Erwachsene und 1 Kind").services).toEqual([{ id: "anmeldung", count: 4 }]);
    expect(p("Ummeldung: zwei Erwachsene, ein Kind").services).toEqual([{ id: "anmeldung", count: 3 }]);
    expect(p("Personalausweise für 1 Erwachsenen + 3 Kinder").services).toEqual([{ id: "personalausweis", count: 4 }]);
    expect(p("Anmeldung für mich, meine Frau und unsere 3 Kinder").services).toEqual([{ id: "anmeldung", count: 5 }]);
  });
  it("reads number words before kids, little ones and colleagues", () => {
    expect(p("kinderpass für meine zwei kleinen").services).toEqual([{ id: "kinderreisepass", count: 2 }]);
    expect(p("kinderpass für 2 kids pls").services).toEqual([{ id: "kinderreisepass", count: 2 }]);
    expect(p("Führungszeugnisse für mich und zwei Kollegen").services).toEqual([{ id: "fuehrungszeugnis", count: 3 }]);
  });
  it("lets a stated total win over the parts it sums up", () => {
    expect(p("Familie mit drei Kindern, wir brauchen für alle fünf Familienmitglieder Reisepässe").services)
      .toEqual([{ id: "reisepass", count: 5 }]);
    expect(p("Reisepässe für unsere vierköpfige Familie").services).toEqual([{ id: "reisepass", count: 4 }]);
  });
  it("counts the sender in chat and dialect, not a proxy", () => {
    expect(p("bruder brauch perso, ich auch").services).toEqual([{ id: "personalausweis", count: 2 }]);
    expect(p("i bräucht an Reisepass für mi und mei Frau").services).toEqual([{ id: "reisepass", count: 2 }]);
    expect(p("Kann mein Mann den Ausweis für mich abholen?").services).toEqual([{ id: "abholung", count: 1 }]);
    expect(p("Ich habe 3 Kinder und brauche einen Kinderpass für meine Tochter").services).toEqual([{ id: "kinderreisepass", count: 1 }]);
  });
  it("counts a marrying couple as one", () => {
    expect(p("Eheschließung für mich und meine Verlobte").services).toEqual([{ id: "eheschliessung", count: 1 }]);
  });
  it("splits a catalogue word joined with an action noun", () => {
    expect(p("Termin zur Ausweisbeantragung").services).toEqual([{ id: "personalausweis", count: 1 }]);
    expect(p("Passverlängerung").services).toEqual([{ id: "reisepass", count: 1 }]);
    expect(p("Führerscheinantrag").services).toEqual([{ id: "fuehrerschein_umtausch", count: 1 }]);
    expect(p("Termin zur Passabholung").services).toEqual([{ id: "abholung", count: 1 }]);
    expect(p("Autoummeldung").services).toEqual([{ id: "kfz_zulassung", count: 1 }]);
  });
  it("reads a participle that states a need, not one that states a past event", () => {
    expect(p("mein auto muss zugelassen werden").services).toEqual([{ id: "kfz_zulassung", count: 1 }]);
    expect(p("Der Wagen soll abgemeldet werden").services).toEqual([{ id: "kfz_abmeldung", count: 1 }]);
    expect(p("Unser Auto ist noch nicht zugelassen").services).toEqual([{ id: "kfz_zulassung", count: 1 }]);
    expect(p("Ich bin hier angemeldet und brauche einen Reisepass").services).toEqual([{ id: "reisepass", count: 1 }]);
    expect(p("Gewerbe schon angemeldet, brauche noch ein Führungszeugnis").services).toEqual([{ id: "fuehrungszeugnis", count: 1 }]);
  });
  it("attaches each registration verb to its own object", () => {
    expect(p("Auto abmelden und das neue anmelden").services).toEqual([{ id: "kfz_abmeldung", count: 1 }, { id: "kfz_zulassung", count: 1 }]);
    expect(p("Ich bin umgezogen, muss mich anmelden und mein Auto ummelden").services)
      .toEqual([{ id: "anmeldung", count: 1 }, { id: "kfz_zulassung", count: 1 }]);
    expect(p("Anmeldung meines Kleingewerbes").services).toEqual([{ id: "gewerbeanmeldung", count: 1 }]);
    expect(p("Kennzeichen DO-XY 456 abmelden").services).toEqual([{ id: "kfz_abmeldung", count: 1 }]);
  });
  it("names no service when a school, a pet or a club is registered", () => {
    expect(p("Ich möchte mein Kind in der Grundschule anmelden").services).toEqual([]);
    expect(p("Sohn im Sportverein anmelden").services).toEqual([]);
    expect(p("Hund anmelden").services).toEqual([]);
    expect(p("Kann ich bei euch meinen Sperrmüll anmelden?").services).toEqual([]);
    expect(p("Unseren Hund anmelden und einen Ausweis beantragen").services).toEqual([{ id: "personalausweis", count: 1 }]);
    expect(p("Ich habe meine Steuer-ID verloren").services).toEqual([]);
  });
  it("drops an event given as the reason for another service", () => {
    expect(p("Ich brauche für meine Hochzeit im Mai eine Geburtsurkunde").services).toEqual([{ id: "geburtsurkunde", count: 1 }]);
    expect(p("Wegen meiner Heirat brauche ich einen neuen Personalausweis").services).toEqual([{ id: "personalausweis", count: 1 }]);
    expect(p("Kfz ummelden, bin umgezogen").services).toEqual([{ id: "kfz_zulassung", count: 1 }]);
    expect(p("Termin für unsere Trauung").services).toEqual([{ id: "eheschliessung", count: 1 }]);
    expect(p("Ich bin umgezogen und brauche einen Termin").services).toEqual([{ id: "anmeldung", count: 1 }]);
  });
  it("reads a passport for a child as a Kinderreisepass", () => {
    expect(p("Termin für Pass von meine Kind").services).toEqual([{ id: "kinderreisepass", count: 1 }]);
    expect(p("Reisepass für unser Baby").services).toEqual([{ id: "kinderreisepass", count: 1 }]);
  });
  it("does not count again the persons a bracket spells out, nor a relative named twice", () => {
    expect(p("Reisepässe für uns drei Erwachsene (mein Mann, ich und unsere Tochter)").services).toEqual([{ id: "reisepass", count: 3 }]);
    expect(p("Kinderreisepässe für die drei Kinder (2, 5 und 9 Jahre alt)").services).toEqual([{ id: "kinderreisepass", count: 3 }]);
    expect(p("Mein Mann und ich brauchen Ausweise. Termin bitte für mich und meinen Mann.").services).toEqual([{ id: "personalausweis", count: 2 }]);
    expect(p("Meine Mutter, Frau Lehmann, hat einen Termin für den Personalausweis").services).toEqual([{ id: "personalausweis", count: 1 }]);
  });
  it("reads whom each service is for", () => {
    expect(p("Reisepass für mich und Kinderreisepass für meinen Sohn (6)").services).toEqual([
      { id: "reisepass", count: 1 }, { id: "kinderreisepass", count: 1 },
    ]);
    expect(p("Meine Frau und ich fliegen nach Peru, ich brauche einen Reisepass für mich").services).toEqual([{ id: "reisepass", count: 1 }]);
    expect(p("meine Oma (80) und ich brauchen beide neue Ausweise").services).toEqual([{ id: "personalausweis", count: 2 }]);
    expect(p("Was kostet ein Ausweis für ein Kind? Unsere Tochter ist 8.").services).toEqual([{ id: "personalausweis", count: 1 }]);
  });
  it("counts vehicles, not the people who bring them", () => {
    expect(p("Meine Frau und ich melden uns ab, und unser Auto muss auch abgemeldet werden").services).toEqual([
      { id: "abmeldung", count: 2 }, { id: "kfz_abmeldung", count: 1 },
    ]);
    expect(p("Zulassung unserer drei Firmenfahrzeuge").services).toEqual([{ id: "kfz_zulassung", count: 3 }]);
  });
  it("drops documents named only as context of another service", () => {
    expect(p("Was brauche ich für die Anmeldung außer dem Personalausweis?").services).toEqual([{ id: "anmeldung", count: 1 }]);
    expect(p("Muss ich für den Kinderpass die Geburtsurkunde mitbringen?").services).toEqual([{ id: "kinderreisepass", count: 1 }]);
    expect(p("Ich möchte mein Gewerbe anmelden. Reicht der Reisepass?").services).toEqual([{ id: "gewerbeanmeldung", count: 1 }]);
    expect(p("Ich brauche einen neuen Ausweis. Der Führerschein war nicht in der Tasche.").services).toEqual([{ id: "personalausweis", count: 1 }]);
    expect(p("Beim Fundbüro war ich schon gewesen, jetzt brauche ich einen neuen Pass").services).toEqual([{ id: "reisepass", count: 1 }]);
    expect(p("Auto mit dem Kennzeichen DO-X 12 abmelden").services).toEqual([{ id: "kfz_abmeldung", count: 1 }]);
    expect(p("Welche Unterlagen brauche ich für den Personalausweis?").services).toEqual([{ id: "personalausweis", count: 1 }]);
  });
  it("names no service for out-of-catalogue requests, even beside a registration verb or a move", () => {
    expect(p("Wir haben einen Hund adoptiert und müssen ihn anmelden").services).toEqual([]);
    expect(p("Seit meinem Umzug möchte ich Wohngeld beantragen").services).toEqual([]);
    expect(p("Keinen Newsletter mehr? Hier abmelden.").services).toEqual([]);
    expect(p("Ich habe Vaters Auto übernommen und muss es auf mich ummelden").services).toEqual([{ id: "kfz_zulassung", count: 1 }]);
  });
  it("keeps lost and found to the lost-and-found office, a turned-down option and a separate certification", () => {
    expect(p("Meine Geburtsurkunde ist verloren gegangen, ich brauche eine neue").services).toEqual([{ id: "geburtsurkunde", count: 1 }]);
    expect(p("Zulassung: der Vorbesitzer hat nur Teil II gefunden").services).toEqual([{ id: "kfz_zulassung", count: 1 }]);
    expect(p("Kann ich die Geburtsurkunde schicken lassen, statt sie abzuholen?").services).toEqual([{ id: "geburtsurkunde", count: 1 }]);
    expect(p("Ich brauche eine Meldebescheinigung und müsste außerdem eine Kopie beglaubigen lassen").services).toEqual([
      { id: "meldebescheinigung", count: 1 }, { id: "beglaubigung", count: 1 },
    ]);
    expect(p("Geburtsurkunde beglaubigen lassen").services).toEqual([{ id: "beglaubigung", count: 1 }]);
  });
  it("reads colloquial names of catalogue services", () => {
    expect(p("den grauen Lappen umschreiben lassen").services).toEqual([{ id: "fuehrerschein_umtausch", count: 1 }]);
    expect(p("Geburtsschein fürs Baby").services).toEqual([{ id: "geburtsurkunde", count: 1 }]);
    expect(p("Stempel auf Kopie vom Zeugnis").services).toEqual([{ id: "beglaubigung", count: 1 }]);
  });
  it("counts the things an action is done to and the vehicles registered", () => {
    expect(p("Abholung von 3 Ausweisen").services).toEqual([{ id: "abholung", count: 3 }]);
    expect(p("Beglaubigung von sechs Zeugniskopien").services).toEqual([{ id: "beglaubigung", count: 6 }]);
    expect(p("Wir müssen drei Neuwagen zulassen").services).toEqual([{ id: "kfz_zulassung", count: 3 }]);
    expect(p("Perso für 2").services).toEqual([{ id: "personalausweis", count: 2 }]);
    expect(p("Termin für Frau Berg und mich, Personalausweis").services).toEqual([{ id: "personalausweis", count: 2 }]);
    expect(p("Perso und Reisepass für mich und meine Frau").services).toEqual([
      { id: "personalausweis", count: 2 }, { id: "reisepass", count: 2 },
    ]);
  });
  it("gives each object of a registration verb its service, and each document its own request", () => {
    expect(p("Ummeldung Wohnsitz und Auto").services).toEqual([{ id: "anmeldung", count: 1 }, { id: "kfz_zulassung", count: 1 }]);
    expect(p("Perso abholen und gleich einen neuen Reisepass beantragen").services).toEqual([
      { id: "abholung", count: 1 }, { id: "reisepass", count: 1 },
    ]);
    expect(p("Reisepass ist fertig, will abholen").services).toEqual([{ id: "abholung", count: 1 }]);
    expect(p("Gewerbe ummelden (neue Adresse der Firma)").services).toEqual([{ id: "gewerbeanmeldung", count: 1 }]);
    expect(p("Den alten Sprinter muss ich abmelden").services).toEqual([{ id: "kfz_abmeldung", count: 1 }]);
  });
  it("does not read a registration particle through a typo, nor a found flat as lost property", () => {
    expect(p("Wohnsitzabmeldung für mich").services).toEqual([{ id: "abmeldung", count: 1 }]);
    expect(p("Hab ne Wohnung gefunden, jetzt muss ich mich melden").services).toEqual([{ id: "anmeldung", count: 1 }]);
    expect(p("Brauche ich eine beglaubigte Übersetzung vom Führerschein?").services).toEqual([{ id: "fuehrerschein_umtausch", count: 1 }]);
  });
  it("joins a separated registration particle to its verb", () => {
    expect(p("Wir melden uns ab, wir ziehen nach Kanada").services).toEqual([{ id: "abmeldung", count: 1 }]);
  });
});

describe("urgency", () => {
  it("needs an explicit marker", () => {
    expect(p("Pass abgelaufen, brauche schnell neuen").urgent).toBe(false);
    expect(p("Ausweis, aber bitte schnell").urgent).toBe(false);
    expect(p("Reisepass, möglichst schnell bitte").urgent).toBe(true);
    expect(p("so schnell wie möglich einen Reisepass").urgent).toBe(true);
    expect(p("nächster freier Termin für den Perso").urgent).toBe(true);
  });
  it("takes forms of the markers and drops negated ones", () => {
    expect(p("Es ist dringlich, ich brauche einen Pass").urgent).toBe(true);
    expect(p("Ich brauche schnellstens einen Reisepass").urgent).toBe(true);
    expect(p("bitte den frühesten Termin für den Perso").urgent).toBe(true);
    expect(p("nicht dringend, aber ich bräuchte einen Pass").urgent).toBe(false);
    expect(p("Es eilt nicht, Ausweis im Dezember").urgent).toBe(false);
  });
});
