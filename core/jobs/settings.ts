/**
 * Settings of the background jobs, read once from the environment by the composition root.
 * The daily release time itself comes from the city configuration (bookingRules.releaseTime).
 */
import { z } from "zod";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time like 03:30");
const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === undefined || v === "" || v === "1" || v === "true" || v === "yes");

export const jobsEnvSchema = z.object({
  JOBS_ENABLED: flag.describe("run the background jobs inside `npm start` (default yes; set 0 when a separate `terminassistent jobs` process runs them)"),
  REMINDER_HOURS: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, "expected hours like 48,2")
    .default("48,2")
    .describe("hours before an appointment at which reminders go out, comma-separated"),
  WAITLIST_OFFER_HOURS: z.coerce.number().int().min(1).max(168).default(24).describe("how long a waiting-list offer holds its slot before it passes to the next wish"),
  WAITLIST_MIN_OFFER_MINUTES: z.coerce.number().int().min(5).max(1440).default(60).describe("a freed slot needs at least this long to answer, else it goes straight to direct booking"),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30).describe("days after an appointment (or a closed request) before personal data is deleted (DSGVO Art. 5(1)(e))"),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365).describe("days the staff console's audit log is kept (accountability first, then storage limitation)"),
  RETENTION_TIME: hhmm.default("03:30").describe("local time of the daily retention run"),
  JOBS_SLOT_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(30).default(1).describe("how often expired holds, offers and due cancellations are handled"),
  JOBS_REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(60).default(5).describe("how often due reminders are enqueued"),
});

export interface JobsSettings {
  enabled: boolean;
  reminderHours: number[];
  offerHours: number;
  minOfferMinutes: number;
  retentionDays: number;
  auditRetentionDays: number;
  retentionTime: string;
  slotIntervalMinutes: number;
  reminderIntervalMinutes: number;
}

export const DEFAULT_JOBS_SETTINGS: JobsSettings = readJobsSettings({});

export function readJobsSettings(env: Record<string, string | undefined>): JobsSettings {
  const e = jobsEnvSchema.parse(env);
  return {
    enabled: e.JOBS_ENABLED,
    reminderHours: [...new Set(e.REMINDER_HOURS.split(",").map((h) => Number(h.trim())).filter((h) => h > 0))].sort((a, b) => b - a),
    offerHours: e.WAITLIST_OFFER_HOURS,
    minOfferMinutes: e.WAITLIST_MIN_OFFER_MINUTES,
    retentionDays: e.RETENTION_DAYS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    retentionTime: e.RETENTION_TIME,
    slotIntervalMinutes: e.JOBS_SLOT_INTERVAL_MINUTES,
    reminderIntervalMinutes: e.JOBS_REMINDER_INTERVAL_MINUTES,
  };
}
