/**
 * The Terminagent against the real store: FIFO offers for freed slots, decline / expiry / withdrawal
 * passing the slot on at once, duplicates refused, acceptance through the core's confirm, and the
 * daily 07:00 release offering the new date to the waiting list first, across both DST Sundays.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { postgresAvailable, MONDAY_10 } from "../support/db.ts";
import { loadCityConfig, type Actor } from "../../core/index.ts";
import { freeSlots } from "../../core/jobs/free-slots.ts";
import { runJobsOnce } from "../../core/jobs/scheduler.ts";
import type { WishInput } from "../../core/waitlist/types.ts";
import { openJobsDb, ausweis, type JobsTestDb } from "./helpers.ts";

const citizen: Actor = { kind: "citizen", channel: "webchat" };
const kinds = ["pglite", ...((await postgresAvailable()) ? ["postgres" as const] : [])] as const;
const SLOT = "2026-11-26T10:00:00+01:00"; // Thursday, three days ahead
const wish = (email: string, extra: Partial<WishInput> = {}): WishInput => ({
  services: ausweis, latestDate: "2026-12-31", contact: { name: `Person ${email}`, email }, channel: "mail", ...extra,
});

describe.each(kinds)("waiting list on %s", (kind) => {
  let db: JobsTestDb;
  beforeAll(async () => {
    db = await openJobsDb(kind);
  });
  afterAll(async () => db?.close());
  beforeEach(async () => {
    db.clock.set(MONDAY_10);
    await db.reset();
  });

  const register = async (input: WishInput) => {
    const r = await db.waitlist.register(input);
    if (!r.ok) throw new Error(r.code);
    return r;
  };
  /** Someone cancels the appointment at SLOT; the delay passes; the job runs. */
  const freeTheSlot = async (start = SLOT) => {
    const booked = await db.core.bookings.book({ slot: { locationId: "mitte", start }, services: ausweis, contact: { name: "Max", email: "max@example.org" }, actor: citizen });
    if (!booked.ok) throw new Error(booked.code);
    expect((await db.core.bookings.cancel({ token: booked.appointment.token }, citizen)).ok).toBe(true);
    db.clock.advance(14 * 60_000);
    expect((await freeSlots({ now: db.clock.now() }, db.deps)).cancellationsReleased).toBe(0); // still inside the 15-min delay
    db.clock.advance(60_000);
    return freeSlots({ now: db.clock.now() }, db.deps);
  };
  const offers = () => db.sql<{ to: string; token: string; offerId: string; offerUrl: string }[]>`
    select payload->>'to' as to, payload->>'token' as token, payload->>'offerId' as "offerId", payload->>'offerUrl' as "offerUrl"
    from notification where kind = 'waitlist_offer' and channel = 'mail' order by id`;
  const wishStatus = () => db.sql<{ status: string; email: string | null }[]>`select status, email from waitlist_wish order by seq`;

  it("offers a freed slot to the earliest matching wish and holds it until the deadline", async () => {
    await register(wish("mo@example.org", { weekdays: [1] }));
    await register(wish("late@example.org", { timeRanges: [{ from: 14 * 60, to: 16 * 60 }] }));
    await register(wish("other@example.org", { locations: ["eving"] }));
    await register(wish("a@example.org"));
    await register(wish("b@example.org", { locations: ["mitte"], weekdays: [4], timeRanges: [{ from: 600, to: 600 }] }));
    expect((await freeTheSlot()).cancellationsReleased).toBe(1);
    const sent = await offers();
    expect(sent.map((o) => o.to)).toEqual(["a@example.org"]);
    expect(sent[0]!.offerUrl).toBe(`https://termine.example.org/warteliste/angebot/${sent[0]!.token}`);
    const [held] = await db.sql`select a.status, a.active, a.hold_expires_at, lower(a.during) as start from appointment a join waitlist_offer o on o.appointment_id = a.id`;
    expect(held).toMatchObject({ status: "held", active: true, start: new Date(SLOT) });
    expect((held!.hold_expires_at as Date).getTime()).toBe(db.clock.now().getTime() + 24 * 3_600_000);
    const [cancelled] = await db.sql`select active from appointment where status = 'cancelled'`;
    expect(cancelled!.active).toBe(false);
  });

  it("frees the slot when no wish matches", async () => {
    await register(wish("mo@example.org", { weekdays: [1] }));
    expect((await freeTheSlot()).cancellationsReleased).toBe(1);
    expect(await offers()).toEqual([]);
    expect(await db.sql`select 1 from appointment where active`).toHaveLength(0);
  });

  it("on decline passes the slot to the next wish at once; a reused or forged token changes nothing", async () => {
    await register(wish("a@example.org"));
    await register(wish("b@example.org"));
    await freeTheSlot();
    const [first] = await offers();
    expect(await db.waitlist.decline(first!.token)).toEqual({ ok: true });
    expect((await offers()).map((o) => o.to)).toEqual(["b@example.org"]); // a's unsent offer mail is withdrawn
    expect(await wishStatus()).toEqual([{ status: "declined", email: null }, { status: "offered", email: "b@example.org" }]);
    expect(await db.waitlist.decline(first!.token)).toMatchObject({ ok: false, code: "OFFER_CLOSED" });
    expect(await db.waitlist.accept(first!.token)).toMatchObject({ ok: false, code: "OFFER_CLOSED" });
    expect(await db.waitlist.accept("x".repeat(32))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.sql`select 1 from appointment where status = 'held' and active`).toHaveLength(1);
  });

  it("on expiry passes the slot to the next wish", async () => {
    await register(wish("a@example.org"));
    await register(wish("b@example.org"));
    await freeTheSlot();
    db.clock.advance(24 * 3_600_000 - 60_000);
    expect((await freeSlots({ now: db.clock.now() }, db.deps)).offersExpired).toBe(0);
    db.clock.advance(60_000);
    expect((await freeSlots({ now: db.clock.now() }, db.deps)).offersExpired).toBe(1);
    expect(await wishStatus()).toEqual([{ status: "expired", email: null }, { status: "offered", email: "b@example.org" }]);
    expect((await offers()).map((o) => o.to)).toEqual(["b@example.org"]); // a's unsent offer mail is withdrawn
    expect((await db.waitlist.stats("mitte"))).toMatchObject({ offered: 1, expired: 1 });
  });

  it("answers an expired offer with OFFER_EXPIRED and passes the slot on, even before the job ran", async () => {
    await register(wish("a@example.org"));
    await register(wish("b@example.org"));
    await freeTheSlot();
    const [first] = await offers();
    db.clock.advance(24 * 3_600_000);
    expect(await db.waitlist.accept(first!.token)).toMatchObject({ ok: false, code: "OFFER_EXPIRED" });
    expect((await offers()).at(-1)!.to).toBe("b@example.org");
  });

  it("skips a withdrawn wish, and withdrawing during an offer passes the slot on", async () => {
    const a = await register(wish("a@example.org"));
    const b = await register(wish("b@example.org"));
    await register(wish("c@example.org"));
    expect(await db.waitlist.withdraw(a.token)).toEqual({ ok: true });
    expect(await db.waitlist.withdraw(a.token)).toMatchObject({ ok: false, code: "WISH_CLOSED" });
    await freeTheSlot();
    expect((await offers()).map((o) => o.to)).toEqual(["b@example.org"]);
    expect(await db.waitlist.withdraw(b.token)).toEqual({ ok: true });
    expect((await offers()).map((o) => o.to)).toEqual(["c@example.org"]);
    expect((await wishStatus()).map((w) => w.status)).toEqual(["withdrawn", "withdrawn", "offered"]);
  });

  it("refuses a duplicate wish without moving the first one", async () => {
    const first = await register(wish("a@example.org"));
    await register(wish("b@example.org"));
    expect(await db.waitlist.register(wish("A@Example.org ", { locations: ["mitte"] }))).toMatchObject({ ok: false, code: "WAITLIST_DUPLICATE" });
    expect((await db.waitlist.register(wish("a@example.org", { services: [{ id: "reisepass", count: 1 }] }))).ok).toBe(true);
    expect(await db.sql`select 1 from waitlist_wish`).toHaveLength(3);
    await freeTheSlot();
    expect((await offers()).map((o) => o.to)).toEqual(["a@example.org"]);
    await db.waitlist.withdraw(first.token);
    expect((await db.waitlist.register(wish("a@example.org"))).ok).toBe(true); // after withdrawing, a new wish is allowed (at the back)
  });

  it("validates wishes", async () => {
    expect(await db.waitlist.register(wish("a@example.org", { latestDate: "2026-11-22" }))).toMatchObject({ code: "INVALID_DATE" });
    expect(await db.waitlist.register(wish("", {}))).toMatchObject({ code: "INVALID_CONTACT" });
    expect(await db.waitlist.register(wish("a@example.org", { locations: ["nowhere"] }))).toMatchObject({ code: "UNKNOWN_LOCATION" });
    expect(await db.waitlist.register(wish("a@example.org", { weekdays: [8] }))).toMatchObject({ code: "INVALID_DATE" });
    expect((await db.waitlist.register(wish("", { conversationKey: "telegram:7", channel: "telegram" }))).ok).toBe(true);
  });

  it("accepting books the held slot for the wish's contact", async () => {
    await register(wish("a@example.org", { conversationKey: "webchat:a", channel: "webchat" }));
    await register(wish("b@example.org"));
    await freeTheSlot();
    const [first] = await offers();
    const accepted = await db.waitlist.accept(first!.token);
    expect(accepted).toMatchObject({ ok: true, appointment: { status: "booked", start: "2026-11-26T10:00:00.000+01:00", contact: { name: "Person a@example.org", email: "a@example.org" } } });
    const appointmentId = accepted.ok ? accepted.appointment.id : "";
    expect(await db.sql`select kind, channel from notification where appointment_id = ${appointmentId} and kind <> 'waitlist_offer'`).toEqual([{ kind: "booking_confirmed", channel: "mail" }]);
    expect(await wishStatus()).toEqual([{ status: "matched", email: null }, { status: "open", email: "b@example.org" }]);
    expect(await db.waitlist.stats("mitte")).toEqual({ locationId: "mitte", waiting: 1, offered: 0, matched: 1, declined: 0, expired: 0 });
    expect(await db.waitlist.accept(first!.token)).toMatchObject({ ok: false, code: "OFFER_CLOSED" });
    // the held appointment kept the chat key: reminders reach the chat too
    db.clock.set("2026-11-24T10:05:00Z");
    await runJobsOnce(db.deps, { now: db.clock.now(), only: ["reminders"] });
    expect((await db.sql`select channel from notification where kind = 'reminder' order by channel`).map((r) => r.channel)).toEqual(["chat", "mail"]);
  });

  it("expires wishes after their latest date and clears their contact", async () => {
    await register(wish("a@example.org", { latestDate: "2026-11-24" }));
    db.clock.set("2026-11-24T22:59:00Z"); // 23:59 local on the latest date
    expect((await freeSlots({ now: db.clock.now() }, db.deps)).wishesExpired).toBe(0);
    db.clock.set("2026-11-24T23:00:00Z");
    expect((await freeSlots({ now: db.clock.now() }, db.deps)).wishesExpired).toBe(1);
    expect(await wishStatus()).toEqual([{ status: "expired", email: null }]);
  });
});

describe.each(kinds)("daily release on %s", (kind) => {
  const base = loadCityConfig();
  // Horizon 15 so that the DST Sundays release a Monday (2026-04-13, 2026-11-09).
  const config = { ...base, bookingRules: { ...base.bookingRules, horizonDays: 15 } };
  let db: JobsTestDb;
  beforeAll(async () => {
    db = await openJobsDb(kind, { config });
  });
  afterAll(async () => db?.close());
  beforeEach(async () => db.reset());

  it.each([
    ["2026-03-29", "2026-03-28T06:00:00Z", "2026-03-29T04:59:00Z", "2026-03-29T05:00:00Z", "2026-04-13"],
    ["2026-10-25", "2026-10-24T05:00:00Z", "2026-10-25T05:59:00Z", "2026-10-25T06:00:00Z", "2026-11-09"],
  ])("at 07:00 local on %s offers the new date to the waiting list first", async (_day, yesterday, before, at, released) => {
    db.clock.set(yesterday);
    await db.waitlist.register({ services: ausweis, locations: ["mitte"], weekdays: [1], latestDate: released, contact: { name: "Erika", email: "erika@example.org" }, channel: "mail" });
    await runJobsOnce(db.deps, { now: db.clock.now(), only: ["release"] });
    expect(await db.sql`select 1 from waitlist_offer`).toHaveLength(0); // yesterday's release opened a Sunday
    db.clock.set(before);
    expect((await runJobsOnce(db.deps, { now: db.clock.now(), only: ["release"] }))[0]!.ran).toBe(false);
    db.clock.set(at);
    const [run] = await runJobsOnce(db.deps, { now: db.clock.now(), only: ["release"] });
    expect(run).toMatchObject({ ran: true, result: { releasedDate: released, offered: 1 } });
    const [offer] = await db.sql<{ date: string }[]>`select a.local_date::text as date from waitlist_offer o join appointment a on a.id = o.appointment_id`;
    expect(offer!.date).toBe(released);
    expect((await runJobsOnce(db.newProcess(), { now: new Date(Date.parse(at) + 60_000), only: ["release"] }))[0]!.ran).toBe(false);
  });
});
