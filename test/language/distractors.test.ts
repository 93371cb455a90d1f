import { describe, expect, it } from "vitest";
import { day, p } from "./helpers.ts";

describe("distractor dates", () => {
  it("ignores expiry dates, birth years, travel and deadlines", () => {
    expect(p("Mein Ausweis läuft am 15.01. ab, Termin nächste Woche").dateRanges).toEqual([{ from: "2026-11-30", to: "2026-12-06" }]);
    expect(p("Reisepass, Jahrgang 1975, ausgestellt 2016").dateRanges).toEqual([]);
    expect(p("Reisepass, ich fliege am 3.12. nach Kanada").dateRanges).toEqual([]);
    expect(p("Anmeldung, Meldepflicht binnen zwei Wochen").dateRanges).toEqual([]);
  });
  it("ignores the date of an event, a start, a move or an absence", () => {
    const nextWeek = [{ from: "2026-11-30", to: "2026-12-06" }];
    expect(p("Reisepass, Abflug am 22.12., Termin bitte spätestens bis 4.12.").dateRanges).toEqual([{ from: "2026-11-23", to: "2026-12-04" }]);
    expect(p("Führungszeugnis für den neuen Job, Beginn ist am 1. Januar").dateRanges).toEqual([]);
    expect(p("Ich brauche für meine Hochzeit im Mai eine Geburtsurkunde, nächste Woche").dateRanges).toEqual(nextWeek);
    expect(p("Die Taufe unserer Tochter ist am 13.12., dafür brauche ich eine Beglaubigung").dateRanges).toEqual([]);
    expect(p("Mein Sohn fängt am 1.12. eine Ausbildung an und braucht ein Führungszeugnis").dateRanges).toEqual([]);
    expect(p("wir sind im Oktober aus Köln zugezogen und möchten uns anmelden, gerne an einem Freitag").dateRanges).toEqual([]);
    expect(p("Ausweis läuft ab. Ich bin im Dezember für drei Wochen im Ausland.").dateRanges).toEqual([]);
    expect(p("Reisepass für die Hochzeitsreise im März - haben Sie nächste Woche etwas?").dateRanges).toEqual(nextWeek);
  });
  it("keeps a date the event is moved or booked to", () => {
    expect(p("Termin zur Ummeldung bitte am Freitag, wegen Umzug am Wochenende").dateRanges).toEqual([{ from: "2026-11-27", to: "2026-11-27" }]);
    expect(p("Wir möchten standesamtlich heiraten, im Mai").dateRanges).toEqual([{ from: "2027-05-01", to: "2027-05-31" }]);
  });
  it("ignores a date just past in the perfect tense", () => {
    expect(p("Ich habe am 10.11. per Telefon einen Ausweis-Termin angemeldet, aber keine Bestätigung bekommen. Ist er eingetragen?")
      .existingAppointment).toBeNull();
  });
  it("has no chrono false positives", () => {
    for (const text of ["Ausweis so früh wie möglich", "Ausweis, Fr. Schmidt", "Kennzeichen DO-AB 123 abmelden", "Ausweis in Hörde"]) {
      const r = p(text);
      expect(r.dateRanges, text).toEqual([]);
      expect(r.timeRanges, text).toEqual([]);
    }
  });
  it("ignores office hours in a signature, mail header dates and a letter date line", () => {
    expect(p("Ausweis bitte morgen früh.\n--\nFirma X | Sprechzeiten: Mo–Fr 8–16 Uhr").timeRanges).toEqual([{ from: 360, to: 600 }]);
    expect(p("Ausweis Dienstag ab 14 Uhr.\nGesendet: Sonntag, 22. November 2026 14:48").dateRanges).toEqual([day("2026-11-24")]);
    expect(p("Beglaubigung am 2.12. bitte\nBochum, 23.11.2026").dateRanges).toEqual([day("2026-12-02")]);
  });
  // the day of an opening-hours question is what is asked about ("Habt ihr morgen offen?" is answered for
  // tomorrow, holidays included), so it is kept; only §5.2's help/greeting/unknown drop every slot
  it("keeps the day an opening-hours question asks about", () => {
    expect(p("Ist das Bürgerbüro Eving morgen offen?").dateRanges).toEqual([day("2026-11-24")]);
    expect(p("Hat das Bürgerbüro Mitte samstags geöffnet?").weekdays).toEqual([6]);
  });
  it("ignores trips, expiry, third-party deadlines and weekdays of things done", () => {
    expect(p("flieg am 15.12 nach usa, internationalen Führerschein brauch ich").dateRanges).toEqual([]);
    expect(p("Wir fahren im März nach Südafrika, internationaler Führerschein ab nächster Woche").dateRanges).toEqual([{ from: "2026-11-30", to: null }]);
    expect(p("Ausweis und Pass laufen im Februar ab, heute in einer Woche gegen 10").dateRanges).toEqual([day("2026-11-30")]);
    expect(p("Mein Arbeitgeber braucht es bis zum 15.12., Führungszeugnis diese Woche?").dateRanges).toEqual([{ from: "2026-11-23", to: "2026-11-29" }]);
    expect(p("Ich habe am Freitag einen Hund geholt. Ausweis bitte morgen um 5").dateRanges).toEqual([day("2026-11-24")]);
    expect(p("Geldbörse am Samstag (21.11.) verloren, abholen gern Mittwoch").dateRanges).toEqual([day("2026-11-25")]);
    expect(p("Mein Chef schickt mich Montag und Dienstag auf Schulung, Ausweis bitte Donnerstag").dateRanges).toEqual([day("2026-11-26")]);
  });
  it("ignores dates of trips, events and effective dates named as the reason (round 9)", () => {
    expect(p("Für die Abschlussfahrt nach Prag im April brauche ich einen Reisepass, gern nächste Woche").dateRanges)
      .toEqual([{ from: "2026-11-30", to: "2026-12-06" }]);
    expect(p("Wir machen im Juni eine Rundreise, daher zwei Reisepässe bitte im Dezember").dateRanges).toEqual([{ from: "2026-12-01", to: "2026-12-31" }]);
    expect(p("Ich möchte zum 1. Februar ein Gewerbe anmelden, Termin am 3.12. bitte").dateRanges).toEqual([day("2026-12-03")]);
    expect(p("Ich gehe im März zurück nach Italien und muss mich abmelden").dateRanges).toEqual([]);
    expect(p("Für meinen Sohn, der ab Januar in Spanien eingesetzt wird, einen Pass am Freitag").dateRanges).toEqual([day("2026-11-27")]);
    expect(p("Ich eröffne im Februar ein Café und brauche eine Gewerbeanmeldung").dateRanges).toEqual([]);
  });
  it("ignores a day of the last weeks named without a year (SMS, death, birth)", () => {
    expect(p("Laut SMS vom 19.11. ist mein Pass fertig, abholen morgen?").dateRanges).toEqual([day("2026-11-24")]);
    expect(p("Sterbefall vom 20.11., bitte den nächsten freien Termin").dateRanges).toEqual([]);
    expect(p("Unser Sohn kam am 18.11. zur Welt, Geburtsurkunde am Donnerstag").dateRanges).toEqual([day("2026-11-26")]);
  });
  it("keeps a day asked for with 'einen Termin … bekommen'", () => {
    expect(p("Kann ich nächste Woche einen Termin für die Anmeldung bekommen?").dateRanges).toEqual([{ from: "2026-11-30", to: "2026-12-06" }]);
  });
  it("ignores another person's need-by date and a week of night shifts (round 9c)", () => {
    expect(p("Die Schule braucht bis 4.12. eine Meldebescheinigung, Termin bitte Mittwoch").dateRanges).toEqual([day("2026-11-25")]);
    expect(p("Nächste Woche habe ich Nachtdienst, Reisepass bitte ab dem 7.12.").dateRanges).toEqual([{ from: "2026-12-07", to: null }]);
  });
});

