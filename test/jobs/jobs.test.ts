/**
 * The background jobs against the real store with a controllable clock: holds run out,
 * reminders go out exactly once (two workers, a restart in between), the daily release at 07:00
 * across both DST Sundays, and retention that removes personal data but keeps statistics.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { postgresAvailable, MONDAY_10 } from "../support/db.ts";
import { loadCityConfig, type Actor } from "../../core/index.ts";
import { runJobsOnce } from "../../core/jobs/scheduler.ts";
import { sendReminders } from "../../core/jobs/send-reminders.ts";
import { applyRetention } from "../../core/jobs/retention.ts";
import { freeSlots } from "../../core/jobs/free-slots.ts";
import { lastDue, cronExpression } from "../../core/jobs/schedule.ts";
import { openJobsDb, ausweis, erika, type JobsTestDb } from "./helpers.ts";

const citizen: Actor = { kind: "citizen", channel: "webchat" };
const kinds = ["pglite", ...((await postgresAvailable()) ? ["postgres" as const] : [])] as const;

describe("schedule", () => {
  const zone = "Europe/Berlin";
  it("puts the daily 07:00 on the wall clock across both DST Sundays", () => {
    const seven = { dailyAt: "07:00" };
    expect(cronExpression(seven)).toBe("0 7 * * *");
    expect(lastDue(seven, new Date("2026-03-29T04:59:00Z"), zone).toISOString()).toBe("2026-03-28T06:00:00.000Z");
    expect(lastDue(seven, new Date("2026-03-29T05:00:00Z"), zone).toISOString()).toBe("2026-03-29T05:00:00.000Z");
    expect(lastDue(seven, new Date("2026-10-25T05:59:00Z"), zone).toISOString()).toBe("2026-10-24T05:00:00.000Z");
    expect(lastDue(seven, new Date("2026-10-25T06:00:00Z"), zone).toISOString()).toBe("2026-10-25T06:00:00.000Z");
  });
  it("floors minute schedules to their boundary", () => {
    expect(cronExpression({ everyMinutes: 5 })).toBe("*/5 * * * *");
    expect(lastDue({ everyMinutes: 5 }, new Date("2026-11-23T09:07:31Z"), zone).toISOString()).toBe("2026-11-23T09:05:00.000Z");
    expect(lastDue({ everyMinutes: 1 }, new Date("2026-11-23T09:07:31Z"), zone).toISOString()).toBe("2026-11-23T09:07:00.000Z");
  });
});

describe.each(kinds)("jobs on %s", (kind) => {
  let db: JobsTestDb;
  beforeAll(async () => {
    db = await openJobsDb(kind);
  });
  afterAll(async () => db?.close());
  beforeEach(async () => {
    db.clock.set(MONDAY_10);
    await db.reset();
  });

  const bookAt = async (start: string, extra: { conversationKey?: string } = {}) => {
    const r = await db.core.bookings.book({ slot: { locationId: "mitte", start }, services: ausweis, contact: erika, actor: citizen, ...extra });
    if (!r.ok) throw new Error(r.code);
    return r.appointment;
  };
  const reminders = () => db.sql<{ channel: string; appointment_id: string; payload: { hoursBefore: number } }[]>`
    select channel, appointment_id, payload from notification where kind = 'reminder' order by id`;

  it("releases a hold that ran out", async () => {
    const hold = await db.core.bookings.hold({ slot: { locationId: "mitte", start: "2026-11-24T09:00:00+01:00" }, services: ausweis, actor: citizen });
    expect(hold.ok).toBe(true);
    db.clock.advance(9 * 60_000);
    expect((await freeSlots({ now: db.clock.now() }, db.deps)).holdsExpired).toBe(0);
    db.clock.advance(2 * 60_000);
    expect((await freeSlots({ now: db.clock.now() }, db.deps)).holdsExpired).toBe(1);
    const [row] = await db.sql`select status, active from appointment`;
    expect(row).toEqual({ status: "expired", active: false });
  });

  it("enqueues each reminder once, with two workers and a restart in between", async () => {
    const a = await bookAt("2026-11-25T11:00:00+01:00", { conversationKey: "webchat:abc" });
    await sendReminders({ now: db.clock.now() }, db.deps);
    expect(await reminders()).toEqual([]); // 49 h ahead: nothing due yet
    db.clock.set("2026-11-23T09:55:00Z"); // 48 h 5 min before
    await sendReminders({ now: db.clock.now() }, db.deps);
    expect(await reminders()).toEqual([]);
    db.clock.set("2026-11-23T10:05:00Z"); // 47 h 55 min before
    const second = db.newProcess(true);
    await Promise.all([sendReminders({ now: db.clock.now() }, db.deps), sendReminders({ now: db.clock.now() }, second)]);
    const restarted = db.newProcess();
    await sendReminders({ now: db.clock.now() }, restarted);
    expect((await reminders()).map((r) => [r.channel, r.appointment_id, r.payload.hoursBefore])).toEqual([
      ["mail", a.id, 48],
      ["chat", a.id, 48],
    ]);
    db.clock.set("2026-11-25T08:10:00Z"); // 1 h 50 min before
    await Promise.all([runJobsOnce(db.deps, { now: db.clock.now() }), runJobsOnce(second, { now: db.clock.now() })]);
    await runJobsOnce(db.newProcess(), { now: db.clock.now(), force: true });
    expect((await reminders()).map((r) => r.payload.hoursBefore)).toEqual([48, 48, 2, 2]);
  });

  it("sends no reminder for appointments booked after the reminder moment, and only the nearest after an outage", async () => {
    db.clock.set("2026-11-24T09:00:00Z");
    await bookAt("2026-11-25T11:00:00+01:00"); // booked 25 h ahead: no 48-h reminder
    db.clock.set("2026-11-25T09:30:00Z"); // outage until 30 min before
    await sendReminders({ now: db.clock.now() }, db.deps);
    expect((await reminders()).map((r) => r.payload.hoursBefore)).toEqual([2]);
  });

  it("skips cancelled appointments", async () => {
    const a = await bookAt("2026-11-25T11:00:00+01:00");
    expect((await db.core.bookings.cancel({ token: a.token }, citizen)).ok).toBe(true);
    db.clock.set("2026-11-23T10:05:00Z");
    await sendReminders({ now: db.clock.now() }, db.deps);
    expect(await reminders()).toEqual([]);
  });

  it("runs a job once per due instant and catches up a missed run after a restart", async () => {
    const first = await runJobsOnce(db.deps, { now: db.clock.now() });
    expect(first.map((o) => [o.job, o.ran])).toEqual([["free-slots", true], ["release", true], ["reminders", true], ["retention", true]]);
    const again = await runJobsOnce(db.newProcess(), { now: db.clock.now() });
    expect(again.every((o) => !o.ran)).toBe(true);
    db.clock.set("2026-11-25T09:00:00Z"); // "down" for two days: each daily job runs once, for its latest due instant
    const caughtUp = await runJobsOnce(db.newProcess(), { now: db.clock.now() });
    expect(caughtUp.map((o) => o.ran)).toEqual([true, true, true, true]);
    const [release] = await db.sql<{ last_due: Date }[]>`select last_due from job_run where job = 'release'`;
    expect(release!.last_due.toISOString()).toBe("2026-11-25T06:00:00.000Z");
  });

  it("retention removes personal data and keeps anonymous statistics", async () => {
    const clerk: Actor = { kind: "staff", staffId: "clerk-1", locations: "all" };
    const past = await bookAt("2026-11-24T09:00:00+01:00", { conversationKey: "telegram:42" });
    const noShow = await bookAt("2026-11-24T09:30:00+01:00");
    const recent = await bookAt("2026-12-04T09:00:00+01:00");
    await db.sql`insert into rate_limit (key, window_start, hits) values ('guess:ip:1', ${db.clock.now()}, 3)`;
    db.clock.set("2026-11-24T12:00:00Z");
    await db.core.attendance.mark({ appointmentId: past.id, status: "attended", actor: clerk });
    await db.core.attendance.mark({ appointmentId: noShow.id, status: "no_show", actor: clerk });
    const rateBefore = await db.core.attendance.noShowRate("mitte", 30);
    db.clock.set("2026-12-25T12:00:00Z"); // 31 days after the past appointments
    const result = await applyRetention({ now: db.clock.now() }, db.deps);
    expect(result.appointments).toBe(2);
    const rows = await db.sql<{ id: string; status: string; contact_id: string | null; email_hash: string | null; conversation_key: string | null; request: unknown }[]>`
      select id, status, contact_id, email_hash, conversation_key, request from appointment order by lower(during)`;
    const gone = rows.filter((r) => r.id !== recent.id);
    expect(gone.map((r) => r.status)).toEqual(["attended", "no_show"]);
    expect(gone.every((r) => r.contact_id === null && r.email_hash === null && r.conversation_key === null && r.request === null)).toBe(true);
    expect(rows.find((r) => r.id === recent.id)!.contact_id).not.toBeNull(); // 21 days ago: inside the retention period
    expect(await db.sql`select 1 from contact c join appointment a on a.contact_id = c.id where a.id <> ${recent.id}`).toHaveLength(0);
    expect(await db.sql`select 1 from rate_limit`).toHaveLength(0);
    db.clock.set("2026-11-24T12:00:00Z");
    expect(await db.core.attendance.noShowRate("mitte", 30)).toBe(rateBefore);
  });
});
