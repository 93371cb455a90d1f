import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../support/db.ts";
import { addAccount, Client, startConsole, testCity, type Console } from "./helpers.ts";

describe("booking on behalf, the day schedule and attendance", () => {
  let db: TestDb;
  let web: Console;
  let eva: Client;

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite", config: testCity() });
    web = await startConsole(db);
    await addAccount(db, "eva", "clerk", ["eving"]);
    eva = new Client(web.url);
    await eva.login("eva");
  });
  afterAll(async () => {
    await web?.close();
    await db?.close();
  });

  /** Search, then book the first offered slot with the given contact; returns the new appointment id. */
  async function bookFirst(contact: Record<string, string>, extra = ""): Promise<string> {
    const search = await eva.get(`/staff/book?location=eving&service=personalausweis&count=1${extra}`);
    expect(search.status).toBe(200);
    const slot = /name="slot" value="([^"]+)"/.exec(search.text)![1]!;
    const res = await eva.post("/staff/book", { _csrf: await eva.csrf(), location: "eving", service: "personalausweis", count: "1", slot, ...contact });
    expect(res.status).toBe(303);
    return /\/staff\/appointments\/([0-9a-f-]{36})\/confirmation/.exec(res.headers.get("location")!)![1]!;
  }

  it("offers slots from the staff capacity, never later than the citizens' first", async () => {
    const services = [{ id: "personalausweis", count: 1 }];
    const online = await db.core.slots.search({ services, locations: ["eving"], limit: 1 });
    const page = await eva.get("/staff/book?location=eving&service=personalausweis&count=1");
    const first = /name="slot" value="eving\|([^"]+)"/.exec(page.text)![1]!;
    expect(new Date(first).getTime()).toBeLessThanOrEqual(new Date(online.slots[0]!.start).getTime());
    expect(page.text).toContain("Verbindlich buchen");
  });

  it("books a phone caller without e-mail and shows a printable confirmation with code, address, documents and fee", async () => {
    const id = await bookFirst({ name: "Paul Anrufer", phone: "0231 123456", email: "" });
    const a = (await db.core.bookings.get(id))!;
    expect(a.status).toBe("booked");
    expect(a.channel).toBe("staff");
    const page = await eva.get(`/staff/appointments/${id}/confirmation`);
    expect(page.text).toContain(a.code);
    expect(page.text).toContain("Bürgerbüro Eving");
    expect(page.text).toContain("Aktuelles biometrisches Passfoto");
    expect(page.text).toContain("37,00 €");
    expect(page.text).toContain("keine E-Mail-Adresse angegeben");
    const mails = await db.sql`select kind from notification where appointment_id = ${id}`;
    expect(mails).toHaveLength(0);
  });

  it("queues a confirmation mail when an e-mail address is given", async () => {
    const id = await bookFirst({ name: "Mia Mail", phone: "", email: "mia@example.org" });
    const mails = await db.sql`select kind, channel from notification where appointment_id = ${id}`;
    expect(mails.map((m) => `${m.kind}/${m.channel}`)).toEqual(["booking_confirmed/mail"]);
  });

  it("refuses a booking without a name and keeps the entered data", async () => {
    const search = await eva.get("/staff/book?location=eving&service=personalausweis&count=1");
    const slot = /name="slot" value="([^"]+)"/.exec(search.text)![1]!;
    const res = await eva.post("/staff/book", { _csrf: await eva.csrf(), location: "eving", service: "personalausweis", count: "1", slot, name: " ", phone: "0170 1", email: "" });
    expect(res.status).toBe(409);
    expect(res.text).toContain("Bitte prüfen Sie Ihren Namen");
    expect(res.text).toContain('value="0170 1"');
  });

  it("shows the day per counter and marks attended and no-show", async () => {
    const id = await bookFirst({ name: "Nora Nichtda", phone: "", email: "" }, "&from=2026-11-24");
    const a = (await db.core.bookings.get(id))!;
    const date = a.start.slice(0, 10);
    const day = await eva.get(`/staff/schedule?location=eving&date=${date}`);
    expect(day.text).toContain("Nora Nichtda");
    expect(day.text).toContain(`Platz ${a.counter}`);
    const token = await eva.csrf();
    const early = await eva.post(`/staff/appointments/${id}/attendance`, { _csrf: token, status: "no_show", back: "/staff/schedule" });
    expect(early.status).toBe(409);
    expect(early.text).toContain("erst ab Beginn des Termins");
    db.clock.set(new Date(new Date(a.start).getTime() + 5 * 60_000));
    await eva.login("eva");
    const res = await eva.post(`/staff/appointments/${id}/attendance`, { _csrf: await eva.csrf(), status: "no_show", back: `/staff/schedule?location=eving&date=${date}` });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/staff/schedule?location=eving&date=${date}&ok=marked#a-${id}`);
    expect((await db.core.bookings.get(id))!.status).toBe("no_show");
    const audit = await db.sql`select action, outcome from staff_audit where appointment_id = ${id} order by id`;
    expect(audit.map((r) => `${r.action}:${r.outcome}`)).toEqual(["book:ok", "mark_no_show:NOT_STARTED", "mark_no_show:ok"]);
  });

  it("cancels and reschedules on the citizen's behalf, informing them by mail", async () => {
    const cancelId = await bookFirst({ name: "Carla Cancel", phone: "", email: "carla@example.org" }, "&from=2026-11-30");
    const moveId = await bookFirst({ name: "Max Move", phone: "", email: "max@example.org" }, "&from=2026-11-30");
    const token = await eva.csrf();
    expect((await eva.post(`/staff/appointments/${cancelId}/cancel`, { _csrf: token, back: "/staff/schedule" })).status).toBe(303);
    expect((await db.core.bookings.get(cancelId))!.status).toBe("cancelled");
    const choose = await eva.get(`/staff/appointments/${moveId}/reschedule`);
    const slot = /name="slot" value="([^"]+)"/.exec(choose.text)![1]!;
    const moved = await eva.post(`/staff/appointments/${moveId}/reschedule`, { _csrf: token, slot });
    expect(moved.status).toBe(303);
    expect((await db.core.bookings.get(moveId))!.status).toBe("cancelled");
    const kinds = await db.sql`select n.kind from notification n where n.appointment_id in (${cancelId}, ${moveId}) or n.payload->>'previousId' = ${moveId} order by n.id`;
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(["booking_cancelled", "booking_rescheduled"]));
  });

  it("prints the day without buttons", async () => {
    const page = await eva.get(`/staff/schedule/print?location=eving&date=${db.clock.now().toISOString().slice(0, 10)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Gedruckt am");
    expect(page.text).not.toContain("/attendance");
    expect(page.text).not.toContain('<nav aria-label="Hauptmenü">');
  });
});
