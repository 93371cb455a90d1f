/**
 * One row per job: the last due instant a completed run covered, and a lease for the run in
 * progress. Claiming is one UPDATE, so of several processes woken by the same schedule exactly
 * one runs; a process that died mid-run leaves a lease that runs out, and the run is taken over.
 */
import type { Sql } from "postgres";

const LEASE_MS = 10 * 60_000;

export async function claimRun(sql: Sql, job: string, due: Date, now: Date, force = false): Promise<boolean> {
  await sql`insert into job_run (job) values (${job}) on conflict (job) do nothing`;
  const rows = await sql`
    update job_run set running_until = ${new Date(now.getTime() + LEASE_MS)}, last_started_at = ${now}
    where job = ${job} and (${force} or last_due is null or last_due < ${due}) and (running_until is null or running_until < ${now})
    returning job`;
  return rows.length === 1;
}

export async function finishRun(sql: Sql, job: string, due: Date, now: Date, outcome: { result?: unknown; error?: string }): Promise<void> {
  const done = outcome.error === undefined;
  await sql`
    update job_run set running_until = null, last_finished_at = ${now},
      last_due = case when ${done} then greatest(coalesce(last_due, ${due}), ${due}) else last_due end,
      last_result = ${done ? sql.json((outcome.result ?? {}) as never) : null}, last_error = ${outcome.error ?? null}
    where job = ${job}`;
}

export interface JobRunRow {
  job: string;
  last_due: Date | null;
  last_finished_at: Date | null;
  last_error: string | null;
}

export async function listRuns(sql: Sql): Promise<JobRunRow[]> {
  return sql<JobRunRow[]>`select job, last_due, last_finished_at, last_error from job_run order by job`;
}
