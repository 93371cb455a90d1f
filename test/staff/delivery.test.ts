/**
 * Undelivered messages are visible to staff of the appointment's location, can be queued again,
 * and every retry is audited; another location's clerk neither sees nor retries them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../support/db.ts";
import { addAccount, Client, startConsole, testCity, type Console } from "./helpers.ts";

describe("undelivered messages", () => {
  let db: TestDb;
  let web: Console;
  let eva: Client;
  let bruno: Client;
  let notificationId: string;

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite", config: testCity() });
    web = await startConsole(db);
    await addAccount(db, "eva", "clerk", ["eving"]);
    await addAccount(db, "bruno", "clerk", ["brackel"]);
    const services = [{ id: "personalausweis", count: 1 }];
    const { slots } = await db.core.slots.search({ services, locations: ["eving"] });
    const booked = await db.core.bookings.book({ slot: slots[0]!, services, contact: { name: "Erika", email: "erika@example.org" }, actor: { kind: "citizen", channel: "webchat" } });
    if (!booked.ok) throw new Error(booked.code);
    const [row] = await db.sql`update notification set status = 'failed', last_error = 'BOUNCED', attempts = 1
      where appointment_id = ${booked.appointment.id} returning id::text as id`;
    notificationId = row!.id as string;
    eva = new Client(web.url);
    await eva.login("eva");
    bruno = new Client(web.url);
    await bruno.login("bruno");
  });
  afterAll(async () => {
    await web?.close();
    await db?.close();
  });

  it("lists a bounced confirmation for the clerk of its location only", async () => {
    const mine = await eva.get("/staff/zustellung");
    expect(mine.status).toBe(200);
    expect(mine.text).toContain("Buchungsbestätigung");
    expect(mine.text).toContain("Unzustellbar (Rückläufer)");
    const other = await bruno.get("/staff/zustellung");
    expect(other.text).toContain("Alle Nachrichten wurden zugestellt.");
  });

  it("refuses a retry from another location and a forged form without CSRF token", async () => {
    expect((await bruno.post(`/staff/zustellung/${notificationId}/retry`, { _csrf: await bruno.csrf() })).status).toBe(404);
    expect((await eva.post(`/staff/zustellung/${notificationId}/retry`, {})).status).toBe(403);
    const [row] = await db.sql`select status from notification where id = ${notificationId}`;
    expect(row!.status).toBe("failed");
  });

  it("queues the message again and writes the audit log", async () => {
    const reply = await eva.post(`/staff/zustellung/${notificationId}/retry`, { _csrf: await eva.csrf() });
    expect(reply.status).toBe(303);
    const [row] = await db.sql`select status, last_error from notification where id = ${notificationId}`;
    expect(row).toEqual({ status: "pending", last_error: null });
    const audit = await db.sql`select action, outcome from staff_audit where action = 'retry_delivery' order by id`;
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual(["retry_delivery:NOT_FOUND", "retry_delivery:ok"]);
  });
});
