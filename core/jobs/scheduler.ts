/**
 * Runs the jobs on their schedules with node-cron (wall-clock times in the city's zone, no
 * overlapping runs), catches up whatever came due while the process was down, and offers the
 * `terminassistent jobs [--once]` command. Cron wiring lives only here and in the composition root.
 *
 * @example
 *   const jobs = startJobs({ core, waitlist, settings: readJobsSettings(process.env) });
 *   // … on shutdown:
 *   await jobs.stop();
 */
import cron, { type ScheduledTask } from "node-cron";
import { createLogger } from "../log.ts";
import { jobList, runJob, runJobsOnce, type JobOutcome } from "./jobs.ts";
import { cronExpression } from "./schedule.ts";
import type { JobDeps } from "./types.ts";

export { runJobsOnce } from "./jobs.ts";

export interface JobsHandle {
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The clock (tests); default: the core's. */
  now?: () => Date;
}

export function startJobs(deps: JobDeps, options: StartOptions = {}): JobsHandle {
  const log = deps.log ?? createLogger("jobs");
  const now = options.now ?? (() => deps.core.now());
  const zone = deps.core.config.city.timezone;
  const running = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>) => {
    running.add(p);
    void p.finally(() => running.delete(p));
    return p;
  };
  const jobs = jobList(deps);
  // Catch up at start: every job whose last due instant was missed runs once now.
  track(runJobsOnce(deps, { now: now() }));
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      cronExpression(job.schedule),
      async () => {
        await track(runJob(job, deps, now()));
        // The minute tick also retries daily jobs that failed or were missed (cheap: a claim that usually matches nothing).
        if (job.name === "free-slots") await track(runJobsOnce(deps, { now: now(), only: jobs.filter((j) => "dailyAt" in j.schedule).map((j) => j.name) }));
      },
      { name: `terminassistent-${job.name}`, timezone: zone, noOverlap: true },
    ),
  );
  log.info({ action: "jobs_started", jobs: jobs.map((j) => `${j.name} ${cronExpression(j.schedule)}`) }, "jobs scheduled");
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.destroy()));
      await Promise.allSettled([...running]);
    },
  };
}

export interface JobsCommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Ends the long-running mode (the CLI aborts it on SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

const USAGE = "Usage: terminassistent jobs [--once [--force]]\n  (no flag)  run the jobs on their schedules until stopped\n  --once     run every due job once and exit\n  --force    with --once: run every job, due or not\n";

/** `terminassistent jobs [--once [--force]]`; returns the exit code. */
export async function runJobsCommand(args: string[], io: JobsCommandIo, deps: JobDeps): Promise<number> {
  const unknown = args.filter((a) => a !== "--once" && a !== "--force");
  if (unknown.length || (args.includes("--force") && !args.includes("--once"))) {
    io.stderr.write(USAGE);
    return 2;
  }
  if (args.includes("--once")) {
    const outcomes = await runJobsOnce(deps, { now: deps.core.now(), force: args.includes("--force") });
    for (const o of outcomes) io.stdout.write(describe(o));
    return outcomes.some((o) => o.error) ? 1 : 0;
  }
  const handle = startJobs(deps);
  io.stdout.write(`Jobs laufen (${jobList(deps).map((j) => j.name).join(", ")}). Beenden mit Strg+C.\n`);
  await new Promise<void>((resolve) => {
    if (io.signal?.aborted) return resolve();
    io.signal?.addEventListener("abort", () => resolve(), { once: true });
  });
  await handle.stop();
  return 0;
}

function describe(o: JobOutcome): string {
  if (o.error) return `${o.job}: Fehler ${o.error}\n`;
  if (!o.ran) return `${o.job}: nicht fällig\n`;
  return `${o.job}: ${Object.entries(o.result ?? {}).map(([k, v]) => `${k}=${v}`).join(" ")}\n`;
}
