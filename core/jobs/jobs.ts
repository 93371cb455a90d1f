/**
 * The job list and one pass over it. `runJobsOnce` runs every job whose last due instant has not
 * been handled yet; the claim in `job_run` makes each due instant run once across processes,
 * and a run missed while no process was up is simply due at the next pass.
 */
import { createLogger } from "../log.ts";
import { claimRun, finishRun } from "./job-run.store.ts";
import { freeSlots } from "./free-slots.ts";
import { releaseSlots } from "./release-slots.ts";
import { sendReminders } from "./send-reminders.ts";
import { applyRetention } from "./retention.ts";
import { lastDue } from "./schedule.ts";
import type { Job, JobDeps, JobResult } from "./types.ts";

/** In this order: free what is due before the release offers new dates and before reminders go out. */
export function jobList(deps: JobDeps): Job[] {
  const s = deps.settings;
  return [
    { name: "free-slots", schedule: { everyMinutes: s.slotIntervalMinutes }, run: freeSlots },
    { name: "release", schedule: { dailyAt: deps.core.config.bookingRules.releaseTime }, run: releaseSlots },
    { name: "reminders", schedule: { everyMinutes: s.reminderIntervalMinutes }, run: sendReminders },
    { name: "retention", schedule: { dailyAt: s.retentionTime }, run: applyRetention },
  ];
}

export interface JobOutcome {
  job: string;
  ran: boolean;
  result?: JobResult;
  error?: string;
}

/** Run `job` if its current due instant is unhandled (or `force`); never throws. */
export async function runJob(job: Job, deps: JobDeps, now: Date, force = false): Promise<JobOutcome> {
  const log = deps.log ?? createLogger("jobs");
  const sql = deps.core.sql;
  const due = lastDue(job.schedule, now, deps.core.config.city.timezone);
  try {
    if (!(await claimRun(sql, job.name, due, now, force))) return { job: job.name, ran: false };
  } catch (err) {
    log.error({ action: "job_claim_failed", job: job.name, err }, "job claim failed");
    return { job: job.name, ran: false, error: "CLAIM_FAILED" };
  }
  try {
    const result = await job.run({ now }, deps);
    await finishRun(sql, job.name, due, now, { result });
    log.info({ action: "job_done", job: job.name, ...result }, "job done");
    return { job: job.name, ran: true, result };
  } catch (err) {
    const code = (err as { code?: string }).code ?? "JOB_FAILED";
    log.error({ action: "job_failed", job: job.name, code, err }, "job failed");
    await finishRun(sql, job.name, due, now, { error: code }).catch(() => {});
    return { job: job.name, ran: true, error: code };
  }
}

/** One pass: every due job in order. `force` runs all of them (manual `jobs --once --force`). */
export async function runJobsOnce(deps: JobDeps, options: { now: Date; force?: boolean; only?: string[] }): Promise<JobOutcome[]> {
  const out: JobOutcome[] = [];
  for (const job of jobList(deps)) {
    if (options.only && !options.only.includes(job.name)) continue;
    out.push(await runJob(job, deps, options.now, options.force ?? false));
  }
  return out;
}
