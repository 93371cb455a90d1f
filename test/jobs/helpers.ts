/** A test database plus the jobs' own core, waiting list and settings, on one known secret. */
import { openTestDb, type TestDb } from "../support/db.ts";
import { createCore, type CityConfig, type Core } from "../../core/index.ts";
import { createWaitlist } from "../../core/waitlist/waitlist.ts";
import type { Waitlist } from "../../core/waitlist/types.ts";
import { DEFAULT_JOBS_SETTINGS, type JobsSettings } from "../../core/jobs/settings.ts";
import type { JobDeps } from "../../core/jobs/types.ts";

export const SECRET = "jobs-test-secret-0123456789abcdef";
export const PUBLIC_URL = "https://termine.example.org";

export interface JobsTestDb extends TestDb {
  core: Core;
  waitlist: Waitlist;
  deps: JobDeps;
  /** Fresh core + waiting list + deps, like a restarted process (or a second one, on its own pool with PostgreSQL). */
  newProcess(separatePool?: boolean): JobDeps;
  reset(): Promise<void>;
}

export async function openJobsDb(kind: "pglite" | "postgres", options: { config?: CityConfig; settings?: Partial<JobsSettings> } = {}): Promise<JobsTestDb> {
  const db = await openTestDb({ kind, config: options.config });
  const settings = { ...DEFAULT_JOBS_SETTINGS, ...options.settings };
  const build = (sql = db.sql): JobDeps => {
    const core = createCore({ config: db.config, sql, secret: SECRET, now: db.clock.now });
    return { core, waitlist: createWaitlist({ core, secret: SECRET, publicUrl: PUBLIC_URL, offerHours: settings.offerHours, minOfferMinutes: settings.minOfferMinutes }), settings };
  };
  const deps = build();
  return {
    ...db,
    core: deps.core,
    waitlist: deps.waitlist,
    deps,
    newProcess(separatePool = false) {
      if (!separatePool || !db.secondCore) return build();
      return build(db.secondCore().sql);
    },
    async reset() {
      await db.sql`truncate appointment, contact, notification, rate_limit, waitlist_wish, waitlist_wish_key, waitlist_offer, job_run, reminder_sent cascade`;
    },
  };
}

export const ausweis = [{ id: "personalausweis", count: 1 }];
export const erika = { name: "Erika Mustermann", email: "erika@example.org" };
