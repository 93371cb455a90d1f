import { describe, expect, it } from "vitest";
import { isoDate } from "../../core/language/calendar.ts";
import { extractAtoms } from "../../core/language/temporal/extract-atoms.ts";
import { interpretTemporal } from "../../core/language/temporal/interpret.ts";
import { normalizeForTemporal } from "../../core/language/text/normalize.ts";
import { day, MONDAY, p } from "./helpers.ts";

/** The temporal layer alone in reschedule mode, so these rules do not depend on intent detection. */
function reschedule(text: string): { existing: { date: string | null; time: number | null } | null; dates: string[]; times: number[][] } {
  const t = normalizeForTemporal(text);
  const today = Math.floor((MONDAY.getTime() + 60 * 60_000) / 86_400_000);
  const s = interpretTemporal(t, extractAtoms(t, MONDAY, 60), today, "reschedule");
  return {
    existing: s.existing && { date: s.existing.date === null ? null : isoDate(s.existing.date), time: s.existing.time },
    dates: s.dates.map((d) => `${isoDate(d.from)}..${d.to === null ? "" : isoDate(d.to)}`),
    times: s.times.map((x) => [x.from, x.to]),
  };
}

describe("dates", () => {
  it("reads German dot dates chrono rejects", () => {
    expect(p("Termin am 3.12.").dateRanges).toEqual([day("2026-12-03")]);
    expect(p("Termin 3.12.26").dateRanges).toEqual([day("2026-12-03")]);
    expect(p("Termin am 5.1.").dateRanges).toEqual([day("2027-01-05")]);
  });
  it("treats 'am Montag' said on a Monday as next Monday", () => {
    expect(p("Ausweis am Montag").dateRanges).toEqual([day("2026-11-30")]);
  });
  it("reads a bare weekday as its next occurrence after today", () => {
    expect(p("Ausweis Dienstag").dateRanges).toEqual([day("2026-11-24")]);
  });
  it("reads 'nächste Woche' as Monday to Sunday of next week", () => {
    expect(p("Ausweis nächste Woche").dateRanges).toEqual([{ from: "2026-11-30", to: "2026-12-06" }]);
  });
  it("puts a weekday into a named week", () => {
    expect(p("Ausweis nächste Woche Dienstag").dateRanges).toEqual([day("2026-12-01")]);
  });
  it("reads months, calendar weeks and open ends", () => {
    expect(p("Ausweis im Januar").dateRanges).toEqual([{ from: "2027-01-01", to: "2027-01-31" }]);
    expect(p("Ausweis KW 51").dateRanges).toEqual([{ from: "2026-12-14", to: "2026-12-20" }]);
    expect(p("Ausweis ab dem 7.12.").dateRanges).toEqual([{ from: "2026-12-07", to: null }]);
    expect(p("Ausweis bis Freitag").dateRanges).toEqual([{ from: "2026-11-23", to: "2026-11-27" }]);
  });
  it("merges adjacent alternatives", () => {
    expect(p("Ausweis morgen oder übermorgen").dateRanges).toEqual([{ from: "2026-11-24", to: "2026-11-25" }]);
  });
  it("reads the colloquial 'heut' as today", () => {
    expect(p("Beglaubigung, heut noch möglich?").dateRanges).toEqual([day("2026-11-23")]);
  });
  it("does not read the dialect pronouns 'mi' / 'di' as weekdays", () => {
    expect(p("i bräucht an Reisepass für mi").dateRanges).toEqual([]);
    expect(p("Kannst du mi für an Ausweis eintragen? Gern am Freitag").dateRanges).toEqual([day("2026-11-27")]);
    expect(p("Reisepass, mi oder do nachmittags").dateRanges).toEqual([{ from: "2026-11-25", to: "2026-11-26" }]);
  });
  it("reads an abbreviated weekday before a clock time", () => {
    const r = p("Reisepass Mo 10 Uhr");
    expect(r.dateRanges).toEqual([day("2026-11-30")]);
    expect(r.timeRanges).toEqual([{ from: 600, to: 600 }]);
  });
  it("excludes a negated weekday of a wished span, but never today", () => {
    const r = p("Reisepass, am Montag geht nicht, sonst diese Woche jederzeit");
    expect(r.dateRanges).toEqual([{ from: "2026-11-23", to: "2026-11-29" }]);
    expect(r.excludedDates).not.toContain("2026-11-23");
    expect(p("Anmeldung diese oder nächste Woche, nur am Montag nicht").excludedDates).toEqual(["2026-11-30"]);
  });
  it("keeps a negation cut off by 'aber'", () => {
    expect(p("Ausweis. Di passt aber nicht.").excludedDates).toEqual(["2026-11-24"]);
  });
  it("does not depend on the process time zone across DST", () => {
    const r = p("Montag um 9", new Date("2026-03-27T10:00:00+01:00"));
    expect(r.dateRanges).toEqual([day("2026-03-30")]);
    expect(r.timeRanges).toEqual([{ from: 540, to: 540 }]);
  });
});

describe("reschedule: booked slot and new wish", () => {
  it("'statt X (lieber / jetzt) Y': X is booked, Y is wished", () => {
    expect(reschedule("statt Mittwoch jetzt Freitag")).toMatchObject({ existing: { date: "2026-11-25", time: null }, dates: ["2026-11-27..2026-11-27"] });
    expect(reschedule("könnte ich statt um 8 um halb 10 kommen")).toMatchObject({ existing: { date: null, time: 480 }, times: [[570, 570]] });
    expect(reschedule("Bitte tauschen: statt morgen 8 Uhr übermorgen 8 Uhr")).toEqual({
      existing: { date: "2026-11-24", time: 480 }, dates: ["2026-11-25..2026-11-25"], times: [[480, 480]],
    });
  });
  it("'lieber X als Y': Y is booked", () => {
    expect(reschedule("lieber donnerstag als dienstag, geht das noch zu tauschen?"))
      .toMatchObject({ existing: { date: "2026-11-24", time: null }, dates: ["2026-11-26..2026-11-26"] });
    expect(reschedule("Mir wäre Freitag lieber als Mittwoch")).toMatchObject({ existing: { date: "2026-11-25", time: null } });
  });
  it("a clause stating the booking ('ich bin für X eingetragen', 'ich habe X')", () => {
    expect(reschedule("ich bin für den 2.12. eingetragen, könnte ich stattdessen am 3.12. kommen?"))
      .toMatchObject({ existing: { date: "2026-12-02", time: null }, dates: ["2026-12-03..2026-12-03"] });
    expect(reschedule("Ich habe Mittwoch 8 Uhr, bräuchte aber Mittwoch 16 Uhr."))
      .toMatchObject({ existing: { date: "2026-11-25", time: 480 }, times: [[960, 960]] });
  });
  it("'von X auf Y' and a slot one cannot make keep their time", () => {
    expect(reschedule("Meinen Termin bitte von 9 auf 11 Uhr ändern")).toMatchObject({ existing: { date: null, time: 540 }, times: [[660, 660]] });
    expect(reschedule("schaffe es morgen um 9 nicht, geht stattdessen Donnerstag?")).toMatchObject({ existing: { date: "2026-11-24", time: 540 } });
  });
  it("a slot after 'später / früher' or after the verb of moving is the wish", () => {
    expect(reschedule("Kann ich den Termin auch später wahrnehmen, so gegen 11?")).toEqual({ existing: null, dates: [], times: [[660, 660]] });
    expect(reschedule("Ich möchte meinen Termin verschieben, Freitag wäre gut.")).toMatchObject({ existing: null, dates: ["2026-11-27..2026-11-27"] });
  });
  it("an open range is never the booked day", () => {
    expect(reschedule("möchte meinen Termin am 25.11. verschieben. Ab dem 7.12. hätte ich wieder Zeit"))
      .toMatchObject({ existing: { date: "2026-11-25", time: null }, dates: ["2026-12-07.."] });
  });
  it("reads a day of the month on its own before other words, and 'nach dem X.' as the day after", () => {
    expect(p("am 2. vormittags, Beglaubigung").dateRanges).toEqual([day("2026-12-02")]);
    expect(p("Ausweis am 2. oder 3. Januar").dateRanges).toEqual([{ from: "2027-01-02", to: "2027-01-03" }]);
    expect(p("Gewerbe anmelden, im Dezember nach dem 15.").dateRanges).toEqual([{ from: "2026-12-16", to: "2026-12-31" }]);
    expect(p("Fischereischein, ein Termin nach dem 10. Dezember").dateRanges).toEqual([{ from: "2026-12-11", to: null }]);
    expect(p("Anmeldung in der Woche vom 11. Januar").dateRanges).toEqual([{ from: "2027-01-11", to: "2027-01-17" }]);
  });
  it("reads 'ab 10.12' as a date when its minutes are no multiple of five", () => {
    expect(p("Reisepass, geht erst ab 10.12").dateRanges).toEqual([{ from: "2026-12-10", to: null }]);
    expect(p("Reisepass ab 10.30 Uhr").timeRanges).toEqual([{ from: 630, to: 1440 }]);
  });
  it("lets a recurring 'an einem X oder Y' and 'außer X' name weekdays", () => {
    expect(p("Ausweis an einem Montag oder Dienstag im Dezember").weekdays).toEqual([1, 2]);
    expect(p("Geburtsurkunde bitte bald, außer Freitag").excludedWeekdays).toEqual([5]);
  });
  it("does not let 'nächsten Montag' pull other weekdays into next week", () => {
    expect(p("Ausweis Dienstag, Donnerstag oder nächsten Montag").dateRanges)
      .toEqual([day("2026-11-24"), day("2026-11-26"), day("2026-11-30")]);
  });
  it("negates a weekday listed right before a negated one", () => {
    expect(p("Ausweis diese Woche, Mittwoch und Freitag kann ich nicht").excludedDates).toEqual(["2026-11-25", "2026-11-27"]);
  });
  it("finds the booked slot in brackets, after 'Er ist', before an arrow and between 'ich habe' and 'einen Termin'", () => {
    expect(reschedule("Termin (Personalausweis, 25.11., 10:45) muss ich verschieben, bitte Anfang nächster Woche"))
      .toMatchObject({ existing: { date: "2026-11-25", time: 645 }, dates: ["2026-11-30..2026-12-01"] });
    expect(reschedule("Ich möchte umbuchen. Er ist am 10.12. um 9:00, ich hätte gern diese Woche einen."))
      .toMatchObject({ existing: { date: "2026-12-10", time: 540 }, dates: ["2026-11-23..2026-11-29"] });
    expect(reschedule("Umbuchen: 02.12.2026 16:00 → 09.12.2026 16:00"))
      .toMatchObject({ existing: { date: "2026-12-02", time: 960 }, dates: ["2026-12-09..2026-12-09"] });
    expect(reschedule("ich habe für Donnerstag, den 26.11., um 10:40 Uhr einen Termin. Bitte auf nächste Woche verlegen."))
      .toMatchObject({ existing: { date: "2026-11-26", time: 640 }, dates: ["2026-11-30..2026-12-06"] });
  });
  it("names the new day by the booked one: 'am selben Tag', 'eine Woche später'", () => {
    expect(reschedule("Termin übermorgen um 9 bitte auf später am selben Tag, ab 14 Uhr"))
      .toMatchObject({ existing: { date: "2026-11-25", time: 540 }, dates: ["2026-11-25..2026-11-25"], times: [[840, 1440]] });
    expect(reschedule("Mein Termin am 3.12. um 11:30 bitte eine Woche später")).toMatchObject({ dates: ["2026-12-10..2026-12-10"] });
    expect(reschedule("Mein Termin am 3.12. bitte zwei Tage früher")).toMatchObject({ dates: ["2026-12-01..2026-12-01"] });
  });
});

describe("reschedule: moved slots and booking words (round 9)", () => {
  it("'X auf Y': the slot moved onto another is the booked one", () => {
    expect(reschedule("Pass-Termin 2.12 auf 9.12 bitte")).toMatchObject({ existing: { date: "2026-12-02", time: null }, dates: ["2026-12-09..2026-12-09"] });
    expect(reschedule("Donnerstag 9:20 auf Donnerstag 14:20 tauschen")).toMatchObject({ existing: { date: "2026-11-26", time: 560 }, times: [[860, 860]] });
    expect(reschedule("Unser Trauungstermin am 4.12. soll auf den 11.12. gelegt werden"))
      .toMatchObject({ existing: { date: "2026-12-04", time: null }, dates: ["2026-12-11..2026-12-11"] });
  });
  it("a slot right after the word for the booking, or moved by the verb after it, is the booked one", () => {
    expect(reschedule("Abholtermin übermorgen 11 Uhr, wir kommen nicht, bitte auf Freitag"))
      .toMatchObject({ existing: { date: "2026-11-25", time: 660 }, dates: ["2026-11-27..2026-11-27"] });
    expect(reschedule("Der Termin meiner Frau am Mittwoch muss leider verlegt werden, gern nächste Woche"))
      .toMatchObject({ existing: { date: "2026-11-25", time: null }, dates: ["2026-11-30..2026-12-06"] });
    expect(reschedule("Der Termin am 1.12. um 9 bitte auf den 3.12. um 9 verlegen"))
      .toMatchObject({ existing: { date: "2026-12-01", time: 540 }, dates: ["2026-12-03..2026-12-03"], times: [[540, 540]] });
  });
  it("'einen anderen Termin am X' and 'bisher X, neu Y' mark the wish and the booking", () => {
    expect(reschedule("Zulassungstermin morgen klappt nicht. Haben Sie einen anderen Termin am Freitag?"))
      .toMatchObject({ existing: { date: "2026-11-24", time: null }, dates: ["2026-11-27..2026-11-27"] });
    expect(reschedule("Umbuchung: bisher Mi 2.12. 8:30, neu Fr 4.12."))
      .toMatchObject({ existing: { date: "2026-12-02", time: 510 }, dates: ["2026-12-04..2026-12-04"] });
  });
});

describe("dates: ranges, lists and self-repairs (round 9)", () => {
  it("'heute bis Freitag' is one range; 'Mittwoch nächster Woche' anchors in that week", () => {
    expect(p("Meldebescheinigung, morgen bis Donnerstag").dateRanges).toEqual([{ from: "2026-11-24", to: "2026-11-26" }]);
    expect(p("Ausweis ab Mittwoch nächster Woche").dateRanges).toEqual([{ from: "2026-12-02", to: null }]);
  });
  it("reads listed days that share a month ('am 14. oder 15.12.', 'am 9.12 oder 10.12', 'am 27. oder 28.')", () => {
    expect(p("Reisepass am 14. oder 15.12.").dateRanges).toEqual([{ from: "2026-12-14", to: "2026-12-15" }]);
    expect(p("Ausweis am 9.12 oder 11.12").dateRanges).toEqual([day("2026-12-09"), day("2026-12-11")]);
    expect(p("Anmeldung am 27. oder 30.").dateRanges).toEqual([day("2026-11-27"), day("2026-11-30")]);
  });
  it("reads 'auf die Woche vom X' as that calendar week", () => {
    expect(reschedule("Termin bitte auf die Woche vom 9.12. schieben").dates).toEqual(["2026-12-07..2026-12-13"]);
  });
  it("drops a day taken back ('Montag – nee, lieber Dienstag', 'Samstag habt ihr zu, dann Montag')", () => {
    expect(p("Ausweis am Donnerstag – ach nee, doch lieber Freitag").dateRanges).toEqual([day("2026-11-27")]);
    expect(p("Pass Samstag? Ach, da habt ihr ja zu, dann Montag früh").dateRanges).toEqual([day("2026-11-30")]);
    expect(p("Übermorgen ist ja Feiertag – also Donnerstag bitte").dateRanges).toEqual([day("2026-11-26")]);
    expect(p("Führungszeugnis nicht Dienstag sondern Mittwoch").dateRanges).toEqual([day("2026-11-25")]);
  });
  it("'auf einen Montag' is any Monday", () => {
    expect(p("Können Sie mir auf einen Freitag im Dezember einen Termin geben?").weekdays).toEqual([5]);
  });
});

describe("dates: week lists, busy weekdays and stated bookings (round 9)", () => {
  it("'nächste Woche Montag oder Mittwoch' puts the listed days into that week, not a day named before it", () => {
    expect(p("Ausweis nächste Woche Montag oder Mittwoch").dateRanges).toEqual([day("2026-11-30"), day("2026-12-02")]);
    expect(p("Pass Mittwoch oder nächste Woche Freitag").dateRanges).toEqual([day("2026-11-25"), day("2026-12-04")]);
  });
  it("excludes recurring days one is busy ('Mittwochs habe ich Unterricht')", () => {
    expect(p("Mittwochs habe ich Unterricht. Reisepass nächste Woche?").excludedWeekdays).toEqual([3]);
  });
  it("does not read a condition or an emoji as the end of a negation's reach", () => {
    expect(p("Ausweis am 1.12. um 10, oder falls das nicht geht am 2.12. um 10").dateRanges).toEqual([{ from: "2026-12-01", to: "2026-12-02" }]);
    expect(p("hab mich noch nicht umgemeldet 🙈 geht übermorgen?").dateRanges).toEqual([day("2026-11-25")]);
  });
  it("finds the booking stated as 'Mein Termin … am X' and 'die Woche danach'", () => {
    expect(reschedule("Mein Termin für die Meldebescheinigung am Freitag, 4.12., um 10 – geht stattdessen der 7.12.?"))
      .toMatchObject({ existing: { date: "2026-12-04", time: 600 }, dates: ["2026-12-07..2026-12-07"] });
    expect(reschedule("Mein Termin ist am 2.12. um 9. Kann ich auf die Woche danach umbuchen?"))
      .toMatchObject({ existing: { date: "2026-12-02", time: 540 }, dates: ["2026-12-07..2026-12-13"] });
  });
  it("ignores ages, things that happened on a weekday and ready-by dates", () => {
    expect(p("Mein Sohn wird im Februar 16, er braucht einen Ausweis").dateRanges).toEqual([]);
    expect(p("Am Samstag wurde mir der Geldbeutel gestohlen, ich brauche einen neuen Ausweis").dateRanges).toEqual([]);
    expect(p("Ist der Pass bis zum 10. Dezember fertig?").dateRanges).toEqual([]);
    expect(p("Ist das Bürgerbüro am Samstag geöffnet?").dateRanges).toEqual([day("2026-11-28")]);
  });
});

describe("reschedule and status: booked slot details (round 9b)", () => {
  it("'schaff es heute um 14 Uhr nicht' names the booked slot", () => {
    expect(reschedule("schaffe es morgen um 11 nicht, geht nächste Woche?"))
      .toMatchObject({ existing: { date: "2026-11-24", time: 660 }, dates: ["2026-11-30..2026-12-06"] });
  });
  it("'einen Termin am X haben' in a reschedule asks for the new slot", () => {
    expect(reschedule("Alle Termine bitte streichen. Kann ich stattdessen einen Termin am Freitag haben?").dates).toEqual(["2026-11-27..2026-11-27"]);
  });
  it("leaves the booked time open when the citizen names two ('10:00 oder 10:30?')", () => {
    const t = normalizeForTemporal("Meine Buchung am 3.12. – war das 9:00 oder 9:30?");
    const today = Math.floor((MONDAY.getTime() + 60 * 60_000) / 86_400_000);
    const s = interpretTemporal(t, extractAtoms(t, MONDAY, 60), today, "existing");
    expect(s.existing).toEqual({ date: today + 10, time: null });
  });
  it("excludes recurring days one is away ('Mo–Mi auf Montage unterwegs')", () => {
    expect(p("Ich bin Mo-Mi meistens in Köln unterwegs, Ausweis bitte nächste Woche").excludedWeekdays).toEqual([1, 2, 3]);
  });
});

describe("dates: a weekday as an alternative to a week (round 9c)", () => {
  it("'Freitag oder in die nächste Woche' is the Friday or the week, not the Friday of that week", () => {
    expect(p("Ausweis Mittwoch oder in der übernächsten Woche").dateRanges).toEqual([day("2026-11-25"), { from: "2026-12-07", to: "2026-12-13" }]);
  });
  it("drops the day from which someone is away again ('ab Montag wieder bei ihrer Mutter')", () => {
    expect(p("Die Kinder sind ab Freitag wieder bei ihrem Vater, Kinderpass bitte Mittwoch").dateRanges).toEqual([day("2026-11-25")]);
  });
});

