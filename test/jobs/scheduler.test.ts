/** The runner around the jobs: start-up catch-up, clean stop, and the `jobs` command. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MONDAY_10 } from "../support/db.ts";
import { runJobsCommand, startJobs } from "../../core/jobs/scheduler.ts";
import { readJobsSettings } from "../../core/jobs/settings.ts";
import { openJobsDb, type JobsTestDb } from "./helpers.ts";

describe("job runner", () => {
  let db: JobsTestDb;
  beforeAll(async () => {
    db = await openJobsDb("pglite");
  });
  afterAll(async () => db?.close());
  beforeEach(async () => {
    db.clock.set(MONDAY_10);
    await db.reset();
  });

  const io = () => {
    const out: string[] = [];
    return { out, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) } } };
  };

  it("catches up every missed job at start and stops cleanly", async () => {
    const handle = startJobs(db.deps, { now: db.clock.now });
    await handle.stop();
    const runs = await db.sql<{ job: string; last_due: Date }[]>`select job, last_due from job_run order by job`;
    expect(runs.map((r) => r.job)).toEqual(["free-slots", "release", "reminders", "retention"]);
    expect(runs.find((r) => r.job === "release")!.last_due.toISOString()).toBe("2026-11-23T06:00:00.000Z");
  });

  it("`jobs --once` runs what is due and reports it; a second pass finds nothing due", async () => {
    const first = io();
    expect(await runJobsCommand(["--once"], first.io, db.deps)).toBe(0);
    expect(first.out.join("")).toContain("free-slots: offersExpired=0");
    const second = io();
    expect(await runJobsCommand(["--once"], second.io, db.deps)).toBe(0);
    expect(second.out.join("")).toContain("release: nicht fällig");
    const forced = io();
    expect(await runJobsCommand(["--once", "--force"], forced.io, db.deps)).toBe(0);
    expect(forced.out.join("")).not.toContain("nicht fällig");
    expect(await runJobsCommand(["--sometimes"], io().io, db.deps)).toBe(2);
  });

  it("the long-running command ends on its abort signal", async () => {
    const ac = new AbortController();
    const { io: streams } = io();
    const done = runJobsCommand([], { ...streams, signal: ac.signal }, db.deps);
    ac.abort();
    expect(await done).toBe(0);
  });

  it("reads its settings from the environment", () => {
    expect(readJobsSettings({})).toMatchObject({ enabled: true, reminderHours: [48, 2], offerHours: 24, retentionDays: 30, retentionTime: "03:30" });
    expect(readJobsSettings({ REMINDER_HOURS: "2, 24,24", JOBS_ENABLED: "0", RETENTION_DAYS: "90" })).toMatchObject({ enabled: false, reminderHours: [24, 2], retentionDays: 90 });
    expect(() => readJobsSettings({ REMINDER_HOURS: "morgen" })).toThrow();
  });
});
