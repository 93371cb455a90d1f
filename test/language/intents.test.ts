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
