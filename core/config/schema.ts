/**
 * The city configuration: one JSON file describing locations, services and booking rules.
 * Validated at start; every problem names the field (`locations[2].openingHours.mon[0]`).
 */
import { z } from "zod";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time like 07:00 / Uhrzeit wie 07:00 erwartet");
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekdayKey = (typeof WEEKDAYS)[number];

const interval = z
  .tuple([hhmm, hhmm])
  .refine(([a, b]) => a < b, "opening must end after it starts / Öffnungszeit muss nach dem Beginn enden");

const openingHours = z
  .object(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(interval).optional()])) as Record<WeekdayKey, z.ZodOptional<z.ZodArray<typeof interval>>>)
  .strict();

export const serviceSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, "lowercase id with a-z, 0-9, _"),
    name: z.string().min(1),
    category: z.string().min(1),
    durationMinutes: z.number().int().positive().multipleOf(5, "must be a multiple of 5 minutes / muss ein Vielfaches von 5 Minuten sein"),
    maxCount: z.number().int().min(1).max(20),
    synonyms: z.array(z.string().min(1)).default([]),
    documents: z.array(z.string()).default([]),
    fee: z.string().default(""),
    requiresApproval: z.boolean().default(false),
  })
  .strict();

export const locationSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, "lowercase id with a-z, 0-9, _"),
    name: z.string().min(1),
    address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }).strict(),
    aliases: z.array(z.string()).default([]),
    counters: z.number().int().min(1).max(100),
    openingHours,
    services: z.array(z.string()).min(1),
    accessibility: z.string().default(""),
    /** Overrides the shares from bookingRules with explicit counter numbers (ZMS "Arbeitsplätze" style). */
    counterPools: z.object({ online: z.number().int().min(0), emergency: z.number().int().min(0) }).strict().optional(),
  })
  .strict();

export const bookingRulesSchema = z
  .object({
    horizonDays: z.number().int().min(1).max(365),
    releaseTime: hhmm,
    sameDayRelease: z.boolean(),
    minLeadMinutes: z.number().int().min(0).default(30),
    onlineShare: z.number().min(0).max(1),
    emergencyShare: z.number().min(0).max(1),
    holdMinutes: z.number().int().min(1).max(24 * 60),
    maxActiveBookingsPerEmail: z.number().int().min(1),
    cancelledSlotDelayMinutes: z.number().int().min(0),
    overbooking: z
      .object({
        enabled: z.boolean(),
        extraPerHour: z.number().int().min(0).max(10),
        noShowThreshold: z.number().min(0).max(1),
        hardCapPerDay: z.number().int().min(0),
      })
      .strict(),
  })
  .strict()
  .refine((r) => r.onlineShare + r.emergencyShare <= 1, { message: "onlineShare + emergencyShare must not exceed 1", path: ["emergencyShare"] });

export const cityConfigSchema = z
  .object({
    city: z
      .object({
        name: z.string().min(1),
        timezone: z.string().default("Europe/Berlin"),
        phone: z.string(),
        email: z.string(),
        website: z.string(),
        colors: z.object({ primary: z.string(), accent: z.string() }).strict(),
        logoUrl: z.string().nullable().default(null),
        /** German state for public holidays; only NW (Nordrhein-Westfalen) rules ship today. */
        state: z.literal("NW"),
      })
      .strict(),
    /** Extra closed days: "MM-DD" every year or "YYYY-MM-DD" once. Public holidays of the state are added. */
    closedDays: z.array(z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/, "expected MM-DD or YYYY-MM-DD")).default([]),
    bookingRules: bookingRulesSchema,
    services: z.array(serviceSchema).min(1),
    locations: z.array(locationSchema).min(1),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const serviceIds = new Set(cfg.services.map((s) => s.id));
    dupes(cfg.services.map((s) => s.id)).forEach((id) => ctx.addIssue({ code: "custom", path: ["services"], message: `duplicate service id "${id}"` }));
    dupes(cfg.locations.map((l) => l.id)).forEach((id) => ctx.addIssue({ code: "custom", path: ["locations"], message: `duplicate location id "${id}"` }));
    cfg.locations.forEach((loc, i) => {
      loc.services.forEach((sid, j) => {
        if (!serviceIds.has(sid)) ctx.addIssue({ code: "custom", path: ["locations", i, "services", j], message: `unknown service "${sid}" / unbekannte Dienstleistung` });
      });
      if (loc.counterPools && loc.counterPools.online + loc.counterPools.emergency > loc.counters) {
        ctx.addIssue({ code: "custom", path: ["locations", i, "counterPools"], message: "more pooled counters than counters" });
      }
    });
  });

function dupes(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

export type CityConfig = z.infer<typeof cityConfigSchema>;
export type ServiceConfig = z.infer<typeof serviceSchema>;
export type LocationConfig = z.infer<typeof locationSchema>;
export type BookingRules = z.infer<typeof bookingRulesSchema>;
export { WEEKDAYS };
