import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../support/db.ts";
import { addAccount, Client, startConsole, testCity, type Console } from "./helpers.ts";

describe("figures", () => {
  let db: TestDb;
  let web: Console;
  let eva: Client;

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite", config: testCity() });
    web = await startConsole(db);
    await addAccount(db, "eva", "clerk", ["eving"]);
    // Two appointments at Eving today from different channels; one attended, one no-show.
    const services = [{ id: "personalausweis", count: 1 }];
    const { slots } = await db.core.slots.search({ services, locations: ["eving"], pool: "staff", limit: 2 });
    const staff = { kind: "staff" as const, staffId: "00000000-0000-0000-0000-000000000000", locations: ["eving"] };
    const ids: string[] = [];
    for (const [i, slot] of slots.entries()) {
      const actor = i === 0 ? staff : { kind: "citizen" as const, channel: "telegram" as const };
      const r = await db.core.bookings.book({ slot, services, actor, contact: { name: `P${i}`, email: null } });
      if (!r.ok) throw new Error(r.code);
      ids.push(r.appointment.id);
    }
    db.clock.advance(3 * 3_600_000);
    await db.core.attendance.mark({ appointmentId: ids[0]!, status: "attended", actor: staff });
    await db.core.attendance.mark({ appointmentId: ids[1]!, status: "no_show", actor: staff });
    eva = new Client(web.url);
    await eva.login("eva");
  });
  afterAll(async () => {
    await web?.close();
    await db?.close();
  });

  it("shows the day's no-show rate, the channels and a 30-day chart as inline SVG", async () => {
    const page = await eva.get("/staff/figures?location=eving");
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<p class="label">Nicht erschienen<\/p><p class="value">50 %<\/p>/);
    expect(page.text).toMatch(/<th scope="row">Telegram<\/th><td>1<\/td><td>1<\/td>/);
    expect(page.text).toMatch(/<th scope="row">Sachbearbeitung<\/th><td>1<\/td><td>1<\/td>/);
    expect(page.text).toContain('<svg viewBox="0 0 760 260" role="img"');
    expect((page.text.match(/<text [^>]*fill="#c4122f">50%<\/text>/g) ?? []).length).toBe(1);
  });

  it("lists days until the next free slot per service", async () => {
    const page = await eva.get("/staff/figures?location=eving");
    expect(page.text).toMatch(/<th scope="row">Personalausweis beantragen<\/th><td>(heute|1 Tag|\d+ Tage)<\/td>/);
  });

  it("shows the waiting list's open wishes for the location", async () => {
    const page = await eva.get("/staff/figures?location=eving");
    expect(page.text).toMatch(/<p class="label">Warteliste<\/p><p class="value">0<\/p>/);
  });
});
