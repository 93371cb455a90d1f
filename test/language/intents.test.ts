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
});
