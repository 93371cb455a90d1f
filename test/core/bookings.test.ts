/**
 * Every booking operation and its errors, against the real store: PGlite always,
 * the PostgreSQL server when it answers (required with CI=true).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDb, postgresAvailable, MONDAY_10, type TestDb } from "../support/db.ts";
import type { Actor, Slot } from "../../core/index.ts";
import { createWaitlist } from "../../core/waitlist/waitlist.ts";
import { runJobsOnce } from "../../core/jobs/jobs.ts";
import { DEFAULT_JOBS_SETTINGS } from "../../core/jobs/settings.ts";

const citizen: Actor = { kind: "citizen", channel: "webchat" };
const clerk = (locations: string[] | "all" = "all"): Actor => ({ kind: "staff", staffId: "clerk-1", locations });
const ausweis = [{ id: "personalausweis", count: 1 }];
const erika = { name: "Erika Mustermann", email: "erika@example.org" };
const kinds = ["pglite", ...((await postgresAvailable()) ? ["postgres" as const] : [])] as const;
if (kinds.length === 1) console.warn("PostgreSQL not reachable: booking suite runs on PGlite only (start it or set TEST_DATABASE_URL)");

describe.each(kinds)("bookings on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb({ kind });
  });
  afterAll(async () => db?.close());
  beforeEach(async () => {
    db.clock.set(MONDAY_10);
    await db.sql`truncate appointment, contact, notification, rate_limit, job_run cascade`;
  });

  const first = async (query: Partial<Parameters<TestDb["core"]["slots"]["search"]>[0]> = {}) => {
    const r = await db.core.slots.search({ services: ausweis, ...query });
    expect(r.slots.length).toBeGreaterThan(0);
    return r.slots[0]!;
  };
  const book = (slot: Pick<Slot, "locationId" | "start">, contact = erika, actor = citizen, services = ausweis) =>
    db.core.bookings.book({ slot, services, contact, actor });

  it("searches earliest first, spreading equal times over locations, after the lead time", async () => {
    const { slots } = await db.core.slots.search({ services: ausweis });
    expect(slots.map((s) => [s.locationId, s.start])).toEqual([
      ["mitte", "2026-11-23T10:30:00.000+01:00"],
      ["aplerbeck", "2026-11-23T10:30:00.000+01:00"],
      ["brackel", "2026-11-23T10:30:00.000+01:00"],
    ]);
  });

  it("honours locations, exclusions, dates, weekdays and time windows", async () => {
    const { slots } = await db.core.slots.search({
      services: ausweis, locations: ["brackel", "eving"], excludedLocations: ["eving"], dateRanges: [{ from: "2026-11-30", to: "2026-12-06" }],
      weekdays: [4], timeRanges: [{ from: 14 * 60, to: 18 * 60 }], limit: 3,
    });
    expect(slots.map((s) => [s.locationId, s.date, s.startMinutes])).toEqual([
      ["brackel", "2026-12-03", 780 + 60], ["brackel", "2026-12-03", 870], ["brackel", "2026-12-03", 900],
    ]);
    const other = await db.core.slots.search({ services: ausweis, locations: ["mitte"], excludeSlots: [slots[0]!], excludedTimeRanges: [{ from: 0, to: 720 }] });
    expect(other.slots.every((s) => s.startMinutes >= 720)).toBe(true);
  });

  it("releases the day 14 days ahead only at 07:00", async () => {
    db.clock.set("2026-11-24T05:59:00Z"); // Tuesday 06:59
    const before = await db.core.slots.search({ services: ausweis, dateRanges: [{ from: "2026-12-08", to: "2026-12-08" }] });
    expect(before.slots).toEqual([]);
    expect(before.explanation).toMatchObject({ reason: "NOT_RELEASED", nextRelease: "2026-11-24T07:00:00.000+01:00" });
    expect(before.explanation!.alternatives.length).toBeGreaterThan(0);
    db.clock.set("2026-11-24T06:00:00Z"); // 07:00
    const after = await db.core.slots.search({ services: ausweis, dateRanges: [{ from: "2026-12-08", to: "2026-12-08" }] });
    expect(after.slots[0]?.date).toBe("2026-12-08");
  });

  it("explains services nobody offers and wishes nothing fits", async () => {
    const none = await db.core.slots.search({ services: ausweis, locations: ["standesamt"] });
    expect(none.explanation).toMatchObject({ reason: "NO_MATCH", offeredAt: expect.arrayContaining(["mitte"]) });
    const sunday = await db.core.slots.search({ services: ausweis, weekdays: [7] });
    expect(sunday.explanation?.reason).toBe("NO_MATCH");
  });

  it("books with a short code and a long token, and finds it by code + e-mail", async () => {
    const slot = await first();
    const booked = await book(slot);
    if (!booked.ok) throw new Error(booked.code);
    expect(booked.appointment.code).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    expect(booked.appointment.token.length).toBeGreaterThanOrEqual(40);
    expect(booked.appointment).toMatchObject({ status: "booked", locationId: slot.locationId, start: slot.start, contact: erika });
    const found = await db.core.bookings.lookup({ code: booked.appointment.code.toLowerCase().replace("-", " "), email: "ERIKA@example.org " });
    expect(found.ok && found.appointments.map((a) => a.id)).toEqual([booked.appointment.id]);
    expect(await db.core.bookings.linkToken(booked.appointment.id)).toBe(booked.appointment.token);
    const [mail] = await db.sql`select kind, channel from notification where appointment_id = ${booked.appointment.id}`;
    expect(mail).toEqual({ kind: "booking_confirmed", channel: "mail" });
  });

  it("never books a slot twice: the second booker gets SLOT_TAKEN and the next search moves on", async () => {
    const slot = await first({ locations: ["eving"] });
    const booked = await Promise.all([book(slot), book(slot, { name: "B", email: "b@example.org" }), book(slot, { name: "C", email: "c@example.org" })]);
    // Eving has two online counters: two bookings fit at the same start, the third is refused.
    expect(booked.filter((r) => r.ok)).toHaveLength(2);
    expect(booked.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["SLOT_TAKEN"]);
    const next = await first({ locations: ["eving"] });
    expect(next.start).not.toBe(slot.start);
  });

  it("sees bookings of another process once its view expires, and the database still refuses doubles", async () => {
    if (kind !== "postgres") return;
    const other = db.secondCore!();
    const slot = await first({ locations: ["eving"] });
    expect((await other.bookings.book({ slot, services: ausweis, contact: erika, actor: citizen })).ok).toBe(true);
    expect((await other.bookings.book({ slot, services: ausweis, contact: { name: "B", email: "b@example.org" }, actor: citizen })).ok).toBe(true);
    const mine = await book(slot, { name: "C", email: "c@example.org" }); // stale view, but the constraint decides
    expect(mine).toMatchObject({ ok: false, code: "SLOT_TAKEN" });
  });

  it("limits active bookings per e-mail address", async () => {
    const { slots } = await db.core.slots.search({ services: ausweis, locations: ["mitte"], limit: 4 });
    const results = [];
    for (const slot of slots) results.push(await book(slot, { name: "Hamster", email: "hamster@example.org" }));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3]).toMatchObject({ code: "LIMIT_REACHED" });
    expect(Number((await db.sql`select count(*) from contact where email = 'hamster@example.org'`)[0]!.count)).toBe(3);
  });

  const tomorrow = [{ from: "2026-11-24", to: "2026-11-24" }];

  it("holds a slot while the citizen confirms, then books it; an expired hold frees the slot", async () => {
    const slot = await first({ locations: ["eving"], dateRanges: tomorrow });
    const held = await db.core.bookings.hold({ slot, services: ausweis, actor: citizen, conversationKey: "webchat:c1" });
    if (!held.ok) throw new Error(held.code);
    expect(held.appointment.status).toBe("held");
    const again = await db.core.bookings.hold({ slot, services: ausweis, actor: citizen });
    expect(again.ok).toBe(true); // second counter
    const third = await db.core.bookings.hold({ slot, services: ausweis, actor: citizen });
    expect(third).toMatchObject({ ok: false, code: "SLOT_TAKEN" });
    expect(await db.core.bookings.confirm({ appointmentId: held.appointment.id, holdToken: "wrong-token-wrong-token", contact: erika, actor: citizen })).toMatchObject({ code: "HOLD_NOT_FOUND" });
    const confirmed = await db.core.bookings.confirm({ appointmentId: held.appointment.id, holdToken: held.holdToken, contact: erika, actor: citizen });
    expect(confirmed).toMatchObject({ ok: true, appointment: { status: "booked", code: held.appointment.code } });
    db.clock.advance(11 * 60_000); // the other hold (10 minutes) ran out
    const late = await db.core.bookings.hold({ slot, services: ausweis, actor: citizen });
    expect(late.ok).toBe(true);
    if (!again.ok) return;
    expect(await db.core.bookings.confirm({ appointmentId: again.appointment.id, holdToken: again.holdToken, contact: erika, actor: citizen })).toMatchObject({ ok: false, code: "HOLD_EXPIRED" });
  });

  it("cancels by code + e-mail or by token, rejects wrong e-mails and rate-limits guessing", async () => {
    const booked = await book(await first());
    if (!booked.ok) throw new Error(booked.code);
    expect(await db.core.bookings.cancel({ code: booked.appointment.code, email: "mallory@example.org" }, citizen, { source: "chat:m" })).toMatchObject({ code: "NOT_FOUND" });
    for (let i = 0; i < 9; i++) await db.core.bookings.cancel({ code: "AAA-AAA", email: "m@example.org" }, citizen, { source: "chat:m" });
    expect(await db.core.bookings.cancel({ code: booked.appointment.code, email: erika.email }, citizen, { source: "chat:m" })).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    const done = await db.core.bookings.cancel({ token: booked.appointment.token }, citizen, { source: "link" });
    expect(done).toMatchObject({ ok: true, appointment: { status: "cancelled" } });
    expect(await db.core.bookings.cancel({ token: booked.appointment.token }, citizen)).toMatchObject({ code: "ALREADY_CANCELLED" });
    const kinds = (await db.sql`select kind from notification where appointment_id = ${booked.appointment.id} order by id`).map((r) => r.kind);
    expect(kinds).toEqual(["booking_confirmed", "booking_cancelled"]);
  });

  it("keeps a cancelled slot for the configured delay, then the jobs free it (waiting list first)", async () => {
    const slot = await first({ locations: ["eving"], dateRanges: tomorrow });
    const a = await book(slot);
    const b = await book(slot, { name: "B", email: "b@example.org" });
    if (!a.ok || !b.ok) throw new Error("setup");
    await db.core.bookings.cancel({ token: a.appointment.token }, citizen);
    expect(await book(slot, { name: "C", email: "c@example.org" })).toMatchObject({ code: "SLOT_TAKEN" });
    db.clock.advance(16 * 60_000);
    expect(await book(slot, { name: "C", email: "c@example.org" })).toMatchObject({ code: "SLOT_TAKEN" });
    const waitlist = createWaitlist({ core: db.core, secret: "test-secret-0123456789", publicUrl: "http://localhost", offerHours: 24, minOfferMinutes: 60 });
    await runJobsOnce({ core: db.core, waitlist, settings: DEFAULT_JOBS_SETTINGS }, { now: db.clock.now(), only: ["free-slots"] });
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // this process's view of busy counters lives 2 s
    expect((await book(slot, { name: "C", email: "c@example.org" })).ok).toBe(true);
  });

  it("lets staff cancel or move only at their own locations", async () => {
    const { slots } = await db.core.slots.search({ services: ausweis, locations: ["eving"], limit: 2 });
    const booked = await book(slots[0]!);
    if (!booked.ok) throw new Error(booked.code);
    const ref = { token: booked.appointment.token };
    expect(await db.core.bookings.cancel(ref, clerk(["brackel"]))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.core.bookings.reschedule(ref, slots[1]!, clerk(["brackel"]))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.core.bookings.get(booked.appointment.id)).toMatchObject({ status: "booked" });
    expect(await db.core.bookings.cancel(ref, clerk(["eving"]))).toMatchObject({ ok: true });
  });

  it("reschedules atomically and keeps the old appointment when the new slot is gone", async () => {
    const { slots } = await db.core.slots.search({ services: ausweis, locations: ["eving"], limit: 2 });
    const booked = await book(slots[0]!);
    if (!booked.ok) throw new Error(booked.code);
    const moved = await db.core.bookings.reschedule({ code: booked.appointment.code, email: erika.email }, slots[1]!, citizen);
    expect(moved).toMatchObject({ ok: true, appointment: { start: slots[1]!.start, status: "booked" }, previous: { status: "cancelled" } });
    if (!moved.ok) return;
    // Fill the first slot completely, then try to move back: refused, nothing lost.
    await book(slots[0]!, { name: "X", email: "x@example.org" });
    await book(slots[0]!, { name: "Y", email: "y@example.org" });
    const back = await db.core.bookings.reschedule({ token: moved.appointment.token }, slots[0]!, citizen);
    expect(back).toMatchObject({ ok: false, code: "SLOT_TAKEN" });
    expect(await db.core.bookings.get(moved.appointment.id)).toMatchObject({ status: "booked", start: slots[1]!.start });
  });

  it.each([
    ["an unknown service", { services: [{ id: "zauberei", count: 1 }] }, "UNKNOWN_SERVICE"],
    ["too many ID cards", { services: [{ id: "personalausweis", count: 5 }] }, "COUNT_TOO_HIGH"],
    ["a service the location does not offer", { services: [{ id: "eheschliessung", count: 1 }] }, "SERVICE_NOT_OFFERED"],
    ["a slot in the past", { start: "2026-11-23T08:00:00.000+01:00" }, "IN_PAST"],
    ["a slot beyond the horizon", { start: "2026-12-10T08:00:00.000+01:00" }, "BEYOND_HORIZON"],
    ["a slot off the 5-minute grid", { start: "2026-11-24T08:03:00.000+01:00" }, "OFF_GRID"],
    ["a slot outside opening hours", { start: "2026-11-25T13:00:00.000+01:00" }, "OUTSIDE_OPENING_HOURS"],
    ["an unknown location", { locationId: "atlantis" }, "UNKNOWN_LOCATION"],
    ["garbage instead of a time", { start: "morgen irgendwann" }, "INVALID_DATE"],
    ["a missing name", { contact: { name: " ", email: "a@example.org" } }, "INVALID_CONTACT"],
    ["a malformed e-mail", { contact: { name: "A", email: "a@@example" } }, "INVALID_CONTACT"],
  ])("refuses %s with a typed error and writes nothing", async (_name, change: any, code) => {
    const result = await db.core.bookings.book({
      slot: { locationId: change.locationId ?? "brackel", start: change.start ?? "2026-11-24T09:00:00.000+01:00" },
      services: change.services ?? ausweis, contact: change.contact ?? erika, actor: citizen,
    });
    expect(result).toMatchObject({ ok: false, code });
    expect(Number((await db.sql`select count(*) from appointment`)[0]!.count)).toBe(0);
    expect(Number((await db.sql`select count(*) from contact`)[0]!.count)).toBe(0);
  });

  it("turns approval services into suggestions; the first staff decision wins", async () => {
    const slot = await first({ services: [{ id: "eheschliessung", count: 1 }] } as any);
    const suggested = await db.core.bookings.book({ slot, services: [{ id: "eheschliessung", count: 1 }], contact: erika, actor: { kind: "citizen", channel: "mail" }, request: { text: "Wir möchten heiraten", understood: {} } });
    if (!suggested.ok) throw new Error(suggested.code);
    expect(suggested.appointment.status).toBe("suggested");
    expect((await db.core.approvals.list({ locations: ["standesamt"] })).map((a) => a.id)).toEqual([suggested.appointment.id]);
    expect(await db.core.approvals.approve({ appointmentId: suggested.appointment.id, actor: clerk(["eving"]) })).toMatchObject({ code: "FORBIDDEN" });
    const [a, b] = await Promise.all([
      db.core.approvals.approve({ appointmentId: suggested.appointment.id, actor: clerk() }),
      db.core.approvals.reject({ appointmentId: suggested.appointment.id, actor: { kind: "staff", staffId: "clerk-2", locations: "all" }, message: "Bitte zuerst Unterlagen einreichen." }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: "ALREADY_DECIDED" });
    expect((await db.core.approvals.list({ locations: "all" })).length).toBe(0);
  });

  it("approves a suggestion on another slot and tells the citizen", async () => {
    const services = [{ id: "geburtsurkunde", count: 1 }];
    const { slots } = await db.core.slots.search({ services, limit: 2 });
    const s = await db.core.bookings.book({ slot: slots[0]!, services, contact: erika, actor: { kind: "citizen", channel: "mail" }, request: { text: "Urkunde", understood: {} } });
    if (!s.ok) throw new Error(s.code);
    const approved = await db.core.approvals.approve({ appointmentId: s.appointment.id, actor: clerk(["standesamt"]), slot: slots[1]! });
    expect(approved).toMatchObject({ ok: true, appointment: { status: "booked", start: slots[1]!.start, contact: erika } });
    expect(await db.core.bookings.get(s.appointment.id)).toMatchObject({ status: "cancelled" });
    const kinds = (await db.sql`select kind from notification order by id`).map((r) => r.kind);
    expect(kinds).toEqual(["booking_suggested", "approval_approved"]);
  });

  it("lets staff book into staff-only and emergency capacity, and marks attendance", async () => {
    // Fill every online counter in Eving at one time, then staff still find room.
    const slot = await first({ locations: ["eving"] });
    await book(slot);
    await book(slot, { name: "B", email: "b@example.org" });
    expect(await book(slot, { name: "C", email: "c@example.org" })).toMatchObject({ code: "SLOT_TAKEN" });
    const staffBooking = await db.core.bookings.book({ slot, services: ausweis, contact: { name: "Anrufer" }, actor: clerk(["eving"]) });
    expect(staffBooking).toMatchObject({ ok: true, appointment: { counter: 3, channel: "staff" } });
    if (!staffBooking.ok) return;
    expect(await db.core.attendance.mark({ appointmentId: staffBooking.appointment.id, status: "no_show", actor: clerk(["eving"]) })).toMatchObject({ code: "NOT_STARTED" });
    db.clock.set("2026-11-23T12:00:00Z");
    expect(await db.core.attendance.mark({ appointmentId: staffBooking.appointment.id, status: "no_show", actor: clerk(["brackel"]) })).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.core.attendance.mark({ appointmentId: staffBooking.appointment.id, status: "no_show", actor: clerk(["eving"]) })).toMatchObject({ ok: true });
    expect(await db.core.attendance.noShowRate("eving")).toBe(1);
  });
});
