/** What every job receives. Jobs take `now` as input and never read the clock themselves. */
import type { Core } from "../core.ts";
import type { Logger } from "../log.ts";
import type { Waitlist } from "../waitlist/types.ts";
import type { JobsSettings } from "./settings.ts";
import type { JobSchedule } from "./schedule.ts";

export interface JobDeps {
  core: Core;
  waitlist: Waitlist;
  settings: JobsSettings;
  log?: Logger;
}

export interface JobInput {
  now: Date;
}

export type JobResult = Record<string, number | string | null>;

export interface Job {
  name: string;
  schedule: JobSchedule;
  run(input: JobInput, deps: JobDeps): Promise<JobResult>;
}
