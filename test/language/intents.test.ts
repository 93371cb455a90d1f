import { describe, expect, it } from "vitest";
import { p } from "./helpers.ts";

describe("intents", () => {
  it.each([
    ["Ausweis nächste Woche", "book"],
    ["Ich möchte meinen Termin absagen", "cancel"],
    ["Termin absagen und neu buchen", "reschedule"],
    ["Wann ist mein Termin?", "status"],
    ["Was kostet ein Reisepass?", "info"],
    ["Was kannst du?", "help"],
    ["Hallo", "greeting"],
    ["Ich möchte Wohngeld beantragen", "unknown"],
  ])("%s → %s", (text, intent) => {
    expect(p(text).intent).toBe(intent);
  });
  // structural families: separable verbs, negated need, cancellation asked about, own-booking questions
  it.each([
    ["Sagen Sie bitte den Termin vom 2.12. ab.", "cancel"],
    ["Den Termin am Montag benötigen wir doch nicht.", "cancel"],
    ["Ich brauche einen Termin, aber nicht am Montag", "book"],
    ["Wurde mein Termin schon abgesagt?", "status"],
    ["Mein Termin ist doch am Dienstag, richtig?", "status"],
    ["Termin bitte vorverlegen auf Mittwoch", "reschedule"],
    ["Termin für Tausch des Führerscheins", "book"],
    ["Kannst du mir einen Termin geben?", "book"],
    ["Bist du echt oder eine Maschine?", "help"],
    ["Kann ich auch ohne Termin vorbeikommen?", "info"],
    ["Ich möchte ein Grab auf dem Friedhof reservieren", "unknown"],
  ])("%s → %s", (text, intent) => {
    expect(p(text).intent).toBe(intent);
  });
  it("keeps all slots empty for help, greeting and unknown", () => {
    const r = p("Regnet es morgen?");
    expect(r.intent).toBe("unknown");
    expect(r.dateRanges).toEqual([]);
  });
  it("separates the existing appointment from the new wish", () => {
    const r = p("Kann ich meinen Termin von Mittwoch auf Freitag verschieben?");
    expect(r.existingAppointment).toEqual({ date: "2026-11-25", time: null });
    expect(r.dateRanges).toEqual([{ from: "2026-11-27", to: "2026-11-27" }]);
  });
  // Clause-level reasoning: negation scope, the object of a verb, and which sentence asks.
  it.each([
    ["Ich will nichts stornieren, ich will nur wissen, ob mein Termin noch gilt.", "status"],
    ["Kann ich den Termin nicht einfach verschieben?", "reschedule"],
    ["Wann genau war mein Termin? Hab die SMS aus Versehen gelöscht.", "status"],
    ["Mein Termin am 3.12. klappt nicht, bitte einen neuen im Januar.", "reschedule"],
    ["Hallo, mein Termin ist am Montag, hätte aber gern einen früheren.", "reschedule"],
    ["Ich sage meinen Termin ab. Einen neuen mache ich später selbst online.", "cancel"],
    ["Ich habe am Freitag einen Termin für den Reisepass. Brauche ich dafür ein neues Foto?", "info"],
    ["Ich wohnen jetzt neue Adresse, muss ummelden. Wann geht?", "book"],
    ["Danke, bis Freitag dann!", "greeting"],
    ["Bin ich hier mit einem Roboter am schreiben?", "help"],
    ["Wie kann ich einen Termin absagen?", "help"],
    ["Wie kann ich meinen Termin am Freitag absagen?", "cancel"],
    ["Ich möchte bitte keinen neuen Termin, sondern nur meinen alten absagen.", "cancel"],
    ["Sie haben meinen Termin einfach gelöscht!!! Wieso???", "status"],
    ["Ich möchte gerne wissen, ob ich für den Kinderreisepass einen Termin brauche.", "info"],
    ["Danke für die Absage-Bestätigung!", "greeting"],
  ])("%s → %s", (text, intent) => {
    expect(p(text).intent).toBe(intent);
  });
  it("keeps the date of an appointment one has out of an info question", () => {
    const r = p("Mein Termin ist am Montag. Ist das Gebäude barrierefrei?");
    expect(r.intent).toBe("info");
    expect(r.dateRanges).toEqual([]);
    expect(r.existingAppointment).toBeNull();
  });
});

describe("a booking code", () => {
  // a bare code answers the dialogue's question; an intent here would interrupt the running dialogue
  it.each(["K7P-2QX", "mein Code ist k7p-2qx", "Code: K7P-2QX"])("alone (%s) carries no intent", (text) => {
    expect(p(text).intent).toBe("unknown");
  });
  it.each(["Buchung K7P-2QX prüfen", "Code K7P-2QX – wann und wo ist das?", "code k7p-2qx is der noch aktiv"])("with a question (%s) asks for the booking", (text) => {
    expect(p(text).intent).toBe("status");
  });
});
