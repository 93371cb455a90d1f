import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Appointment } from "../../core/bookings/types.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { addAccount, Client, startConsole, suggest, testCity, type Console } from "./helpers.ts";

/** A booked appointment at Brackel today, already started (so it could be marked). */
async function bookedAt(db: TestDb, locationId: string): Promise<Appointment> {
  const services = [{ id: "personalausweis", count: 1 }];
  const { slots } = await db.core.slots.search({ services, locations: [locationId], pool: "staff", limit: 1 });
  const r = await db.core.bookings.book({ slot: slots[0]!, services, actor: { kind: "system", job: "test" }, contact: { name: "Bernd Brackel", email: "bernd@example.org" } });
  if (!r.ok) throw new Error(r.code);
  return r.appointment;
}

describe("roles: a clerk of Eving cannot see or act on Brackel", () => {
  let db: TestDb;
  let web: Console;
  let eva: Client;
  let token: string;
  let brackelSuggestion: Appointment;
  let brackelBooked: Appointment;

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite", config: testCity() });
    web = await startConsole(db);
    await addAccount(db, "eva", "clerk", ["eving"]);
    await addAccount(db, "ada", "admin");
    brackelSuggestion = await suggest(db, "brackel", "Geheimnis aus Brackel");
    brackelBooked = await bookedAt(db, "brackel");
    eva = new Client(web.url);
    await eva.login("eva");
    token = await eva.csrf();
  });
  afterAll(async () => {
    await web?.close();
    await db?.close();
  });

  it("does not list Brackel's suggestions for her, but for an admin", async () => {
    const mine = await eva.get("/staff/queue");
    expect(mine.text).not.toContain("Geheimnis aus Brackel");
    expect(mine.text).not.toContain(brackelSuggestion.code);
    const ada = new Client(web.url);
    await ada.login("ada");
    expect((await ada.get("/staff/queue")).text).toContain("Geheimnis aus Brackel");
  });

  it("offers only her own locations and refuses Brackel's schedule, figures and booking form", async () => {
    const schedule = await eva.get("/staff/schedule");
    expect(schedule.text).toContain('<option value="eving" selected>');
    expect(schedule.text).not.toContain('value="brackel"');
    for (const path of ["/staff/schedule?location=brackel", "/staff/schedule/print?location=brackel", "/staff/figures?location=brackel", "/staff/book?location=brackel"]) {
      const res = await eva.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain("Bernd Brackel");
    }
  });

  it("refuses forged posts with Brackel's ids and changes nothing", async () => {
    const s = brackelSuggestion.id;
    const b = brackelBooked.id;
    const { slots } = await db.core.slots.search({ services: brackelBooked.services, locations: ["brackel"], pool: "staff", limit: 1 });
    const brackelSlot = `brackel|${slots[0]!.start}`;
    const count = async () => ((await db.sql`select count(*)::int as n from appointment where location_id = 'brackel'`)[0] as { n: number }).n;
    const before = await count();
    db.clock.advance(60 * 60_000); // the booked one has started: no-show would be allowed for Brackel's own staff
    await eva.login("eva");
    token = await eva.csrf();
    const forged: [string, Record<string, string>][] = [
      [`/staff/queue/${s}/approve`, {}],
      [`/staff/queue/${s}/reject`, { message: "weg damit" }],
      [`/staff/appointments/${b}/attendance`, { status: "no_show" }],
      [`/staff/appointments/${b}/cancel`, {}],
      [`/staff/appointments/${b}/reschedule`, { slot: brackelSlot }],
      [`/staff/appointments/${b}/confirmation`, {}],
      ["/staff/book", { location: "brackel", service: "personalausweis", count: "1", slot: brackelSlot, name: "X" }],
    ];
    for (const [path, form] of forged) {
      const res = path.endsWith("confirmation") ? await eva.get(path) : await eva.post(path, { _csrf: token, ...form });
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain("Bernd Brackel");
    }
    expect((await db.core.bookings.get(s))!.status).toBe("suggested");
    expect((await db.core.bookings.get(b))!.status).toBe("booked");
    expect(await count()).toBe(before);
  });

  it("refuses an Eving suggestion moved to a Brackel slot", async () => {
    const mine = await suggest(db, "eving", "Bitte nach Brackel verlegen");
    const { slots } = await db.core.slots.search({ services: mine.services, locations: ["brackel"], pool: "staff", limit: 1 });
    const res = await eva.post(`/staff/queue/${mine.id}/approve`, { _csrf: token, slot: `brackel|${slots[0]!.start}` });
    expect(res.status).toBe(403);
    expect(res.text).toContain("Dafür fehlt Ihnen die Berechtigung.");
    expect((await db.core.bookings.get(mine.id))!.status).toBe("suggested");
  });

  it("logs every refused attempt with who, what and which appointment", async () => {
    const rows = await db.sql`select action, outcome, appointment_id, location_id, data from staff_audit where staff_username = 'eva' and outcome = 'FORBIDDEN'`;
    const attempted = rows.map((r) => (r.data as { attempted?: string } | null)?.attempted ?? r.action);
    expect(attempted).toEqual(expect.arrayContaining(["approve", "reject", "mark_no_show", "cancel", "reschedule", "print_confirmation", "book", "schedule"]));
    expect(rows.find((r) => (r.data as { attempted?: string })?.attempted === "cancel")!.appointment_id).toBe(brackelBooked.id);
  });

  it("hides the audit log from clerks", async () => {
    expect((await eva.get("/staff/audit")).status).toBe(403);
  });
});
