/**
 * The daily release event. Which dates are bookable follows from `now` alone (the core's
 * `bookableWindow`); this job makes the moment count: at release time the newly opened date is
 * offered to the waiting list first, oldest wish first, before the morning rush books it.
 */
import { bookableWindow } from "../slots/release.ts";
import type { JobDeps, JobInput, JobResult } from "./types.ts";

export async function releaseSlots({ now }: JobInput, deps: JobDeps): Promise<JobResult> {
  const window = bookableWindow(deps.core.config, now, "online");
  const offered = await deps.waitlist.offerReleasedDate(window.lastDate, { now });
  return { releasedDate: window.lastDate, offered };
}
