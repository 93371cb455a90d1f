import { describe, expect, it } from "vitest";
import { p } from "./helpers.ts";

describe("times", () => {
  it("reads exact times", () => {
    expect(p("Ausweis um 9").timeRanges).toEqual([{ from: 540, to: 540 }]);
    expect(p("Ausweis 9.30 Uhr").timeRanges).toEqual([{ from: 570, to: 570 }]);
    expect(p("Ausweis halb zehn").timeRanges).toEqual([{ from: 570, to: 570 }]);
  });
  it("reads 'um 5' as the afternoon", () => {
    expect(p("Ausweis um 5").timeRanges).toEqual([{ from: 1020, to: 1020 }]);
  });
  it("reads open-ended and bounded windows", () => {
    expect(p("Ausweis nach 16 Uhr").timeRanges).toEqual([{ from: 960, to: 1440 }]);
    expect(p("Ausweis vor 12").timeRanges).toEqual([{ from: 0, to: 720 }]);
    expect(p("Ausweis zwischen 8 und 10").timeRanges).toEqual([{ from: 480, to: 600 }]);
  });
  it("intersects windows in one request", () => {
    expect(p("Ausweis nicht vor 10 und nicht nach 16 Uhr").timeRanges).toEqual([{ from: 600, to: 960 }]);
  });
  it("reads a busy time as when the citizen cannot come ('arbeite bis 16 Uhr, erst danach')", () => {
    const allowed = (text: string) => {
      const r = p(text);
      return { timeRanges: r.timeRanges, excludedTimeRanges: r.excludedTimeRanges };
    };
    expect(allowed("Ausweis. Ich arbeite bis 16 Uhr, also erst danach bitte.")).toEqual({ timeRanges: [], excludedTimeRanges: [{ from: 0, to: 960 }] });
    expect(allowed("Ich arbeite ab 13 Uhr, Führungszeugnis bitte vorher.")).toEqual({ timeRanges: [], excludedTimeRanges: [{ from: 780, to: 1440 }] });
    expect(allowed("ich hab bis 12 dienst. nachmittags passt für nen perso").timeRanges).toEqual([{ from: 720, to: 1080 }]);
    expect(allowed("Ausweis, ich arbeite bis 16 Uhr, kann aber ab 14 Uhr").timeRanges).toEqual([{ from: 840, to: 1440 }]);
  });
  it("lets a clock time define 'nach der Arbeit'", () => {
    expect(p("Führungszeugnis, erst nach der Arbeit, also ab 17 Uhr").timeRanges).toEqual([{ from: 1020, to: 1440 }]);
  });
  it("reads the end of work as the earliest start and 'nach Feierabend' alone as no constraint", () => {
    expect(p("Reisepass nächste Woche, ich hab um 16 Uhr Schluss").timeRanges).toEqual([{ from: 960, to: 1440 }]);
    expect(p("Kfz abmelden nach Feierabend, nächste Woche").timeRanges).toEqual([]);
  });
  it("reads 'net vor 10', 'spätestens um 12' and 'frühestens um 13'", () => {
    expect(p("Führerschein umtauschen net vor 10").timeRanges).toEqual([{ from: 600, to: 1440 }]);
    expect(p("Kfz ummelden, spätestens um 12 Uhr").timeRanges).toEqual([{ from: 0, to: 720 }]);
    expect(p("Abmeldung, frühestens um 13 Uhr").timeRanges).toEqual([{ from: 780, to: 1440 }]);
  });
  it("keeps 'bis ein Pass fertig ist' out of the times", () => {
    expect(p("Wie lange dauert es, bis ein Personalausweis fertig ist?").timeRanges).toEqual([]);
  });
  it("unites times across an 'oder' between two days", () => {
    expect(p("Ausweis Dienstag vormittag oder Donnerstag ab 14 Uhr").timeRanges).toEqual([{ from: 360, to: 720 }, { from: 840, to: 1440 }]);
  });
  it("reads 'halb eins' as half past twelve and 'X oder später' as an open window", () => {
    expect(p("Ausweis morgen so gegen halb eins").timeRanges).toEqual([{ from: 750, to: 750 }]);
    expect(p("Pass am Freitag um 10:20 oder später").timeRanges).toEqual([{ from: 620, to: 1440 }]);
    expect(p("Pass am Freitag um 11 oder früher").timeRanges).toEqual([{ from: 0, to: 660 }]);
  });
  it("does not carry a negated day onto a time in the next clause or sentence", () => {
    expect(p("Reisepass nächste Woche außer Donnerstag, zwischen 9 und 11 Uhr").timeRanges).toEqual([{ from: 540, to: 660 }]);
    expect(p("Ausweis bis Mitte Dezember, nur nicht am 4.12. Halb 11 wäre gut.").timeRanges).toEqual([{ from: 630, to: 630 }]);
    expect(p("Anmeldung, vormittags aber nicht vor 10").timeRanges).toEqual([{ from: 600, to: 720 }]);
  });
  it("keeps a wished day part next to a hard one ('bitte vormittags, nachmittags bin ich müde')", () => {
    expect(p("Bitte einen Termin am Nachmittag, vormittags bin ich nicht so fit.").timeRanges).toEqual([{ from: 720, to: 1080 }]);
    expect(p("Pass bitte nachmittags, kein Witz").timeRanges).toEqual([{ from: 720, to: 1080 }]);
    expect(p("Am besten nach dem Training so ab 15 Uhr, Ausweis").timeRanges).toEqual([{ from: 900, to: 1440 }]);
  });
  it("ignores the time of someone else's schedule and excludes a place one is busy at", () => {
    expect(p("Pass am Montag um 10, der Zug kommt erst um 9:20").timeRanges).toEqual([{ from: 600, to: 600 }]);
    const r = p("Donnerstag ab 14 Uhr, bis mittags bin ich in der Praxis");
    expect(r.timeRanges).toEqual([{ from: 840, to: 1440 }]);
  });
});

