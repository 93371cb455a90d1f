/**
 * When a job is due. A schedule is either "every N minutes" or "daily at HH:MM local time"; the
 * same description yields the node-cron expression and the last due instant, so a run missed
 * while the process was down is caught up by comparing that instant with the last one handled.
 */
import { addDays, localDate, localMinutes, parseHhmm, zonedInstant } from "../calendar/time.ts";

export type JobSchedule = { everyMinutes: number } | { dailyAt: string };

export function cronExpression(schedule: JobSchedule): string {
  if ("everyMinutes" in schedule) return schedule.everyMinutes === 1 ? "* * * * *" : `*/${schedule.everyMinutes} * * * *`;
  const minutes = parseHhmm(schedule.dailyAt);
  return `${minutes % 60} ${Math.floor(minutes / 60)} * * *`;
}

/**
 * The latest scheduled instant at or before `now`. Daily times are wall-clock times in `zone`,
 * so 07:00 stays 07:00 across the DST Sundays (05:00Z in summer, 06:00Z in winter).
 */
export function lastDue(schedule: JobSchedule, now: Date, zone: string): Date {
  if ("everyMinutes" in schedule) {
    // Minute boundaries in local time: `*/N` counts minutes of the local hour, and Berlin's offsets are whole hours.
    const minute = localMinutes(now, zone) % 60;
    const floorMinute = minute - (minute % schedule.everyMinutes);
    const t = new Date(now);
    t.setUTCSeconds(0, 0);
    return new Date(t.getTime() - (minute - floorMinute) * 60_000);
  }
  const at = parseHhmm(schedule.dailyAt);
  const today = localDate(now, zone);
  const due = zonedInstant(today, at, zone);
  return due.getTime() <= now.getTime() ? due : zonedInstant(addDays(today, -1), at, zone);
}
