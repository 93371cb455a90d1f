import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { calendarFile } from "../../bot/citizen/calendar-file.ts";
import { renderNotification, type RenderDeps } from "../../mail/render-notification.ts";
import { appointmentPageView } from "../../bot/citizen/views.ts";
import { createWaitlist } from "../../core/waitlist/waitlist.ts";
import { openTestDb, type TestDb } from "../support/db.ts";

/** A property of the calendar (METHOD) or of its VEVENT, unfolded (RFC 5545 §3.1). */
function icsField(ics: string, name: string): string | undefined {
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  const scope = name === "METHOD" ? unfolded : unfolded.slice(unfolded.indexOf("BEGIN:VEVENT"));
  return new RegExp(`^${name}[;:](.*)$`, "m").exec(scope)?.[1]?.trim();
}

describe("mail rendering of outbox rows (real core, PGlite; no mail server needed)", () => {
  let db: TestDb;
  let deps: RenderDeps;
  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite" });
    deps = {
      core: db.core, sql: db.sql, publicUrl: "https://termine.example",
      office: { name: "Bürgerdienste Test", address: "termine@stadt.test", phone: "0231 0", website: "https://stadt.test" },
    };
  });
  afterAll(async () => db?.close());

  const book = async (email: string) => {
    const r = await db.core.bookings.bookNextFree(
      { services: [{ id: "personalausweis", count: 1 }], locations: ["mitte"] },
      { actor: { kind: "citizen", channel: "mail" }, contact: { name: "Erika Mustermann", email } },
    );
    if (!r.ok) throw new Error(r.code);
    return r.appointment;
  };

  test("the mailed invitation and the downloaded calendar file carry the same UID and SEQUENCE", async () => {
    const a = await book("erika@example.test");
    const mail = await renderNotification(deps, { id: "1", kind: "booking_confirmed", appointmentId: a.id, payload: {} });
    const download = calendarFile(db.config, a, appointmentPageView(db.config, a, db.core.now()), db.core.now());
    const invite = mail.icalEvent!.content;
    expect(icsField(invite, "UID")).toBe(`appointment-${a.id}@demo.invalid`);
    expect(icsField(download, "UID")).toBe(icsField(invite, "UID"));
    expect(icsField(download, "SEQUENCE")).toBe(icsField(invite, "SEQUENCE"));
    expect(icsField(invite, "METHOD")).toBe("REQUEST");
    expect(icsField(download, "METHOD")).toBe("PUBLISH");
    expect(download).not.toContain("ATTENDEE");
    expect(icsField(download, "DTSTART")).toBe(icsField(invite, "DTSTART"));

    const cancelled = await db.core.bookings.cancel({ token: a.token }, { kind: "citizen", channel: "mail" });
    expect(cancelled.ok).toBe(true);
    const cancelMail = await renderNotification(deps, { id: "2", kind: "booking_cancelled", appointmentId: a.id, payload: {} });
    expect(icsField(cancelMail.icalEvent!.content, "UID")).toBe(icsField(invite, "UID"));
    expect(Number(icsField(cancelMail.icalEvent!.content, "SEQUENCE"))).toBeGreaterThan(Number(icsField(download, "SEQUENCE")));
  });

  test("a reminder mail has the cancel link and the calendar invitation", async () => {
    const a = await book("erika.reminder@example.test");
    const mail = await renderNotification(deps, { id: "3", kind: "reminder", appointmentId: a.id, payload: { hoursBefore: 48 } });
    expect(mail.to).toBe("erika.reminder@example.test");
    expect(mail.subject).toMatch(/^Erinnerung: Ihr Termin am \d\d\.\d\d\.2026$/);
    expect(mail.text).toMatch(/sagen Sie den Termin bitte ab: https:\/\/termine\.example\/termin\/[A-Za-z0-9_-]{40,}/);
    expect(mail.icalEvent?.method).toBe("REQUEST");
    expect(icsField(mail.icalEvent!.content, "UID")).toBe(`appointment-${a.id}@demo.invalid`);
  });

  test("a waiting-list offer goes to the wish's address with slot, deadline and the offer link, escaped in HTML", async () => {
    const waitlist = createWaitlist({ core: db.core, secret: "mail-test-secret-0123456789", publicUrl: "https://termine.example" });
    const r = await waitlist.register({
      services: [{ id: "reisepass", count: 1 }], locations: ["eving"], latestDate: "2026-12-31",
      contact: { name: "<b>Erika</b>", email: "wish@example.test" }, channel: "mail",
    });
    expect(r.ok).toBe(true);
    const [slot] = (await db.core.slots.search({ services: [{ id: "reisepass", count: 1 }], locations: ["eving"], dateRanges: [{ from: "2026-11-26", to: "2026-11-26" }] })).slots;
    expect(await waitlist.offerFreedSlot({ locationId: slot!.locationId, start: new Date(slot!.start), end: new Date(slot!.end) })).not.toBeNull();
    const [row] = await db.sql<{ id: string; kind: string; appointmentId: string; payload: Record<string, unknown> }[]>`
      select id::text, kind, appointment_id as "appointmentId", payload from notification where kind = 'waitlist_offer' and channel = 'mail'`;
    const mail = await renderNotification(deps, row!);
    expect(mail.to).toBe("wish@example.test");
    expect(mail.subject).toMatch(/^Termin frei: Reisepass beantragen am Donnerstag, 26\.11\.2026, \d\d:\d\d Uhr$/);
    expect(mail.text).toContain("Bürgerbüro Eving");
    expect(mail.text).toContain("Wir halten den Termin bis Dienstag, 24.11.2026, 10:00 Uhr für Sie frei.");
    expect(mail.text).toContain(`https://termine.example/warteliste/angebot/${String(row!.payload.token)}`);
    expect(mail.html).toContain(`<a href="https://termine.example/warteliste/angebot/${String(row!.payload.token)}">`);
    expect(mail.html).not.toContain("<b>Erika</b>");
    expect(mail.icalEvent).toBeUndefined();
  });
});
