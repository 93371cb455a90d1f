/**
 * Confirming a hold under the same placement rules as a direct booking (ta_confirm_hold, migration
 * 004): the per-e-mail limit holds when two confirms race (on PostgreSQL through two pools, like two
 * processes), a hold is confirmed once, and the function answers 'limit' / 'gone' itself.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDb, postgresAvailable, MONDAY_10, type TestDb } from "../support/db.ts";
import type { Actor, Core } from "../../core/index.ts";

const citizen: Actor = { kind: "citizen", channel: "webchat" };
const ausweis = [{ id: "personalausweis", count: 1 }];
const erika = { name: "Erika Mustermann", email: "erika@example.org" };
const kinds = ["pglite", ...((await postgresAvailable()) ? ["postgres" as const] : [])] as const;

describe.each(kinds)("confirming holds on %s", (kind) => {
  let db: TestDb;
  let other: Core;
  beforeAll(async () => {
    db = await openTestDb({ kind });
    other = db.secondCore ? db.secondCore() : db.core;
  });
  afterAll(async () => db?.close());
  beforeEach(async () => {
    db.clock.set(MONDAY_10);
    await db.sql`truncate appointment, contact, notification, rate_limit, job_run cascade`;
  });

  const slots = async (n: number) => (await db.core.slots.search({ services: ausweis, locations: ["mitte"], limit: n })).slots;
  const hold = async (slot: Awaited<ReturnType<typeof slots>>[number]) => {
    const held = await db.core.bookings.hold({ slot, services: ausweis, actor: citizen });
    if (!held.ok) throw new Error(held.code);
    return held;
  };
  const activeFor = async (email: string) =>
    Number((await db.sql`select count(*) from appointment a join contact c on c.id = a.contact_id where c.email = ${email} and a.active and a.status in ('held', 'suggested', 'booked')`)[0]!.count);

  it("lets exactly one of two concurrent confirms through when the e-mail is one below the limit", async () => {
    const max = db.config.bookingRules.maxActiveBookingsPerEmail;
    const free = await slots(max + 1);
    for (const slot of free.slice(0, max - 1)) expect((await db.core.bookings.book({ slot, services: ausweis, contact: erika, actor: citizen })).ok).toBe(true);
    const [a, b] = [await hold(free[max - 1]!), await hold(free[max]!)];
    const results = await Promise.all([
      db.core.bookings.confirm({ appointmentId: a.appointment.id, holdToken: a.holdToken, contact: erika, actor: citizen }),
      other.bookings.confirm({ appointmentId: b.appointment.id, holdToken: b.holdToken, contact: erika, actor: citizen }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "LIMIT_REACHED" });
    expect(await activeFor(erika.email)).toBe(max);
    // The refused hold stays a hold (for another address, or until it runs out), without a contact.
    const refused = results[0]!.ok ? b : a;
    expect((await db.sql`select status, contact_id from appointment where id = ${refused.appointment.id}`)[0]).toEqual({ status: "held", contact_id: null });
  });

  it("confirms one hold once when two confirms of it race", async () => {
    const held = await hold((await slots(1))[0]!);
    const input = { appointmentId: held.appointment.id, holdToken: held.holdToken, contact: erika, actor: citizen };
    const results = await Promise.all([db.core.bookings.confirm(input), other.bookings.confirm(input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "HOLD_NOT_FOUND" });
    expect(Number((await db.sql`select count(*) from contact`)[0]!.count)).toBe(1);
    expect((await db.sql`select kind from notification where appointment_id = ${held.appointment.id}`).map((r) => r.kind)).toEqual(["booking_confirmed"]);
    expect((await db.sql`select kind from appointment_event where appointment_id = ${held.appointment.id} order by id`).map((r) => r.kind)).toEqual(["held", "booked"]);
  });

  it("ta_confirm_hold answers 'limit' and 'gone' itself, counting like ta_place_appointment", async () => {
    const max = db.config.bookingRules.maxActiveBookingsPerEmail;
    const free = await slots(max + 1);
    for (const slot of free.slice(0, max)) expect((await db.core.bookings.book({ slot, services: ausweis, contact: erika, actor: citizen })).ok).toBe(true);
    const held = await hold(free[max]!);
    const [{ hash }] = (await db.sql`select email_hash as hash from appointment where email_hash is not null limit 1`) as unknown as [{ hash: string }];
    const [{ token }] = (await db.sql`select hold_token_hash as token from appointment where id = ${held.appointment.id}`) as unknown as [{ token: string }];
    const call = async (p: Record<string, unknown>) =>
      (await db.sql`select ta_confirm_hold(${db.sql.json({ id: held.appointment.id, hold_token_hash: token, status: "booked", now: db.clock.now().toISOString(), actor: "citizen:webchat", contact: { name: "X" }, ...p } as never)}) as r`)[0]!.r;
    expect(await call({ email_hash: hash, max_per_email: max })).toBe("limit");
    expect(await db.sql`select ta_active_bookings(${hash}, ${db.clock.now()}, null) as n`).toEqual([{ n: max }]);
    expect(await call({ email_hash: null, hold_token_hash: "not-this-hold" })).toBe("gone");
    expect(await call({ email_hash: null })).toBe("ok");
    expect(await call({ email_hash: null })).toBe("gone");
  });
});
