import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatNotificationRenderer } from "../../dialogs/index.ts";
import { createWaitlist } from "../../core/waitlist/waitlist.ts";
import { reminderLead } from "../../templates/de/bot/notifications.ts";
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

  it("a reminder row says how soon, and carries the cancel link", async () => {
    const booked = await db.core.bookings.bookNextFree(
      { services: [{ id: "personalausweis", count: 1 }], locations: ["mitte"] },
      { actor: { kind: "citizen", channel: "webchat" }, contact: { name: "Erika Mustermann", email: "erika2@example.de" } },
    );
    if (!booked.ok) throw new Error(booked.code);
    const render = createChatNotificationRenderer(db.core, LINKS);
    const text = await render({ kind: "reminder", appointmentId: booked.appointment.id, payload: { hoursBefore: 48 } });
    expect(text).toMatch(/^Erinnerung: Ihr Termin ist in 2 Tagen\./);
    expect(text).toMatch(/Termin absagen: https:\/\/termine\.example\/absagen\/\S+/);
    expect(await render({ kind: "reminder", appointmentId: booked.appointment.id, payload: { hoursBefore: 2 } })).toMatch(/^Erinnerung: Ihr Termin ist in 2 Stunden\./);
    expect([reminderLead(24), reminderLead(1), reminderLead("x")]).toEqual(["morgen", "in einer Stunde", null]);
  });

  it("a waiting-list offer row names the held slot, the deadline and the accept/decline link from the payload", async () => {
    const waitlist = createWaitlist({ core: db.core, secret: "dialog-test-secret-0123456789", publicUrl: "https://termine.example" });
    const wish = await waitlist.register({
      services: [{ id: "personalausweis", count: 1 }], locations: ["eving"], latestDate: "2026-12-31",
      contact: { name: "Erika Mustermann", email: null }, conversationKey: "test:conv-offer", channel: "webchat",
    });
    expect(wish.ok).toBe(true);
    const [slot] = (await db.core.slots.search({ services: [{ id: "personalausweis", count: 1 }], locations: ["eving"], dateRanges: [{ from: "2026-11-26", to: "2026-11-26" }] })).slots;
    const offered = await waitlist.offerFreedSlot({ locationId: slot!.locationId, start: new Date(slot!.start), end: new Date(slot!.end) });
    expect(offered).not.toBeNull();
    const [row] = await db.sql<{ kind: string; appointmentId: string; payload: Record<string, unknown> }[]>`
      select kind, appointment_id as "appointmentId", payload from notification where kind = 'waitlist_offer' and channel = 'chat'`;
    expect(row!.payload.conversationKey).toBe("test:conv-offer");
    const render = createChatNotificationRenderer(db.core, LINKS);
    const text = await render(row!);
    expect(text).toContain("Ein passender Termin ist frei geworden.");
    expect(text).toContain("Termin: Donnerstag, 26.11.2026");
    expect(text).toContain("Ort: Bürgerbüro Eving");
    expect(text).toContain("Wir halten den Termin bis Di, 24.11., 10:00 Uhr für Sie frei.");
    expect(text).toContain(`Termin annehmen oder ablehnen: https://termine.example/warteliste/angebot/${String(row!.payload.token)}`);
    expect(text).not.toContain("Termin verschieben");
    expect(text).not.toContain("Buchungscode"); // held for the offer, not booked yet
    // Without a URL in the payload, the link is built from the token.
    const rebuilt = await render({ ...row!, payload: { ...row!.payload, offerUrl: null } });
    expect(rebuilt).toContain(`https://termine.example/warteliste/angebot/${String(row!.payload.token)}`);
  });
});
