import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatNotificationRenderer } from "../../dialogs/index.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { LINKS } from "./support/chat.ts";

describe("chat notification renderer (real core, PGlite)", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite" });
  });
  afterAll(async () => db.close());

  it("renders an outbox row of a real appointment with working links, and skips what is not for chat", async () => {
    const booked = await db.core.bookings.bookNextFree(
      { services: [{ id: "reisepass", count: 1 }], locations: ["eving"] },
      { actor: { kind: "citizen", channel: "telegram" }, contact: { name: "Erika Mustermann", email: "erika@example.de" } },
    );
    if (!booked.ok) throw new Error(booked.code);
    const render = createChatNotificationRenderer(db.core, LINKS);
    const text = await render({ kind: "reminder", appointmentId: booked.appointment.id });
    expect(text).toContain(`Ihr Buchungscode: ${booked.appointment.code}`);
    expect(text).toContain("Ort: Bürgerbüro Eving, Deutsche Straße 27, 44339 Dortmund");
    expect(text).toMatch(/Termin absagen: https:\/\/termine\.example\/absagen\/\S+/);
    expect(await render({ kind: "mail_reply", appointmentId: booked.appointment.id })).toBeNull();
    expect(await render({ kind: "something_new", appointmentId: booked.appointment.id })).toBeNull();
    expect(await render({ kind: "reminder", appointmentId: null })).toBeNull();
  });
});
