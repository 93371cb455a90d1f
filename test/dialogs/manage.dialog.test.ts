import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BookedAppointment } from "../../core/bookings/types.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { lastButtons, openChat, type Chat } from "./support/chat.ts";

const EMAIL = "erika@example.de";

async function bookOne(db: TestDb): Promise<BookedAppointment> {
  const r = await db.core.bookings.bookNextFree(
    { services: [{ id: "personalausweis", count: 1 }], locations: ["brackel"], dateRanges: [{ from: "2026-11-30", to: "2026-11-30" }] },
    { actor: { kind: "citizen", channel: "webchat" }, contact: { name: "Erika Mustermann", email: EMAIL } },
  );
  if (!r.ok) throw new Error(r.code);
  return r.appointment;
}

describe("cancel, status and reschedule dialogs (real core, PGlite)", () => {
  let db: TestDb;
  let chat: Chat;
  let appt: BookedAppointment;
  beforeEach(async () => {
    db = await openTestDb({ kind: "pglite" });
    chat = openChat(db.core);
    appt = await bookOne(db);
  });
  afterEach(async () => db.close());

  const statusOf = async (id: string) => (await db.core.bookings.get(id))!.status;

  it("cancels after code, e-mail check and one confirmation", async () => {
    await chat.run([
      ["Ich möchte meinen Termin absagen", "Bitte nennen Sie Ihren Buchungscode"],
      [appt.code.toLowerCase().replace("-", ""), "Mit welcher E-Mail-Adresse haben Sie gebucht?"],
      [
        EMAIL,
        (r) => {
          expect(r[0]!.text).toBe("Möchten Sie diesen Termin absagen?\nPersonalausweis beantragen · Mo, 30.11., 08:00 Uhr · Bürgerbüro Brackel");
          expect(lastButtons(r)).toEqual(["Ja, absagen", "Nein"]);
        },
      ],
      ["Ja, absagen", "Ihr Termin ist abgesagt."],
    ]);
    expect(await statusOf(appt.id)).toBe("cancelled");
  });

  it("skips the code question when the first message names the code", async () => {
    await chat.run([
      [`Termin ${appt.code} absagen`, "Mit welcher E-Mail-Adresse"],
      [EMAIL, "Möchten Sie diesen Termin absagen?"],
      ["nein", "Ihr Termin bleibt bestehen."],
    ]);
    expect(await statusOf(appt.id)).toBe("booked");
  });

  it("refuses a wrong e-mail address and re-asks a malformed code", async () => {
    await chat.run([
      ["Termin absagen", "Buchungscode"],
      ["weiß ich nicht", "Ein Buchungscode hat sechs Zeichen"],
      [appt.code, "E-Mail-Adresse"],
      ["falsch@example.de", "Zu diesem Code und dieser E-Mail-Adresse finde ich keinen Termin."],
    ]);
    expect(await statusOf(appt.id)).toBe("booked");
  });

  it("answers 'wann ist mein Termin?' with the appointment", async () => {
    await chat.run([
      ["Wann ist mein Termin?", "Buchungscode"],
      [`${appt.code}`, "E-Mail"],
      [EMAIL, `Ihr Termin:\nPersonalausweis beantragen · Mo, 30.11., 08:00 Uhr · Bürgerbüro Brackel (gebucht, Code ${appt.code})`],
    ]);
  });

  it("reschedules: new slot booked and old one released in one step", async () => {
    await chat.run([
      ["Ich möchte meinen Termin verschieben", "Buchungscode"],
      [appt.code, "E-Mail"],
      [EMAIL, /Ihr jetziger Termin: Personalausweis beantragen · Mo, 30\.11\., 08:00 Uhr · Bürgerbüro Brackel[^]*Wann passt es Ihnen\?/],
      ["nächste Woche nachmittags", "Ich suche: Personalausweis beantragen · 30.11.–6.12. · nachmittags · alle Standorte"],
      ["1", /^Soll ich Ihren Termin verschieben\?\nBisher: .*08:00 Uhr.*\nNeu: Personalausweis beantragen · Mo, 30\.11\., 12:00 Uhr/],
      ["Ja, verschieben", /Ihr Termin ist verschoben\.[^]*Ihr Buchungscode: [A-Z0-9]{3}-[A-Z0-9]{3}[^]*Termin absagen: https:/],
    ]);
    expect(await statusOf(appt.id)).toBe("cancelled");
    expect(chat.booked).toHaveLength(1);
    expect(await statusOf(chat.booked[0]!.id)).toBe("booked");
  });

  it("takes the new wishes from the first message of a reschedule", async () => {
    await chat.run([
      [`Termin ${appt.code} verschieben auf Freitag`, "E-Mail"],
      [EMAIL, /Ich suche: Personalausweis beantragen · Fr, 27\.11\./],
      ["Anderer Standort", "An welchem Standort"],
      ["abbrechen", "Vorgang abgebrochen."],
    ]);
    expect(await statusOf(appt.id)).toBe("booked");
  });
});
