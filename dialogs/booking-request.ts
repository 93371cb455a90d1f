/**
 * The citizen's booking wishes as the conversation has understood them so far, and how a new
 * message changes them. Pure functions: the dialogs keep a `BookingRequest` in dialog state.
 */
import type { ServiceRequest, Slot, SlotQuery } from "../core/bookings/types.ts";
import type { CityConfig } from "../core/config/schema.ts";
import type { Wishes } from "../templates/de/bot/booking.ts";
import type { ParseResult } from "./understanding.ts";

/** The wishes the search needs (the shape the templates describe), plus what the dialogue tracks. */
export interface BookingRequest extends Wishes {
  /** The citizen's first words, kept for staff approval. */
  text: string | null;
  /** True once the citizen was asked for a time, so "egal" is not asked again. */
  timeAsked: boolean;
  /** Slots already shown and passed over ("Andere Zeiten"). */
  excludeSlots: Pick<Slot, "locationId" | "start">[];
}

export function emptyRequest(text: string | null = null): BookingRequest {
  return {
    text,
    services: [],
    locations: [],
    excludedLocations: [],
    dateRanges: [],
    weekdays: [],
    excludedWeekdays: [],
    excludedDates: [],
    timeRanges: [],
    excludedTimeRanges: [],
    urgent: false,
    timeAsked: false,
    excludeSlots: [],
  };
}

/** Services the city offers, with counts clamped to each service's `maxCount`. */
export function knownServices(services: ServiceRequest[], config: CityConfig): { services: ServiceRequest[]; clamped: boolean } {
  let clamped = false;
  const out: ServiceRequest[] = [];
  for (const s of services) {
    const svc = config.services.find((c) => c.id === s.id);
    if (!svc || out.some((o) => o.id === s.id)) continue;
    const count = Math.min(Math.max(1, Math.floor(s.count)), svc.maxCount);
    if (count !== s.count) clamped = true;
    out.push({ id: s.id, count });
  }
  return { services: out, clamped };
}

/** The first requested service whose count exceeds its `maxCount` (it will be clamped), or null. */
export function overLimit(services: ServiceRequest[], config: CityConfig): { name: string; maxCount: number } | null {
  for (const s of services) {
    const svc = config.services.find((c) => c.id === s.id);
    if (svc && s.count > svc.maxCount) return { name: svc.name, maxCount: svc.maxCount };
  }
  return null;
}

function hasDates(p: ParseResult | BookingRequest): boolean {
  return p.dateRanges.length + p.weekdays.length + p.excludedWeekdays.length + p.excludedDates.length > 0;
}

function hasTimes(p: ParseResult | BookingRequest): boolean {
  return p.timeRanges.length + p.excludedTimeRanges.length > 0;
}

/** Whether the request says anything about when (so the time question can be skipped). */
export function hasTimeWish(r: BookingRequest): boolean {
  return hasDates(r) || hasTimes(r) || r.urgent;
}

/** Whether a parse carries anything that changes booking wishes (a correction like "lieber nachmittags"). */
export function hasBookingWishes(p: ParseResult, config: CityConfig): boolean {
  const services = knownServices(p.services, config).services;
  return services.length > 0 || p.locations.length + p.excludedLocations.length > 0 || hasDates(p) || hasTimes(p) || p.urgent;
}

/**
 * Applies a new message to the wishes: each dimension the message mentions replaces the old one
 * ("lieber nachmittags" replaces the time of day and keeps the dates); the others stay.
 */
export function applyParse(req: BookingRequest, p: ParseResult, config: CityConfig): BookingRequest {
  const next: BookingRequest = { ...req, excludeSlots: [] };
  const services = knownServices(p.services, config).services;
  if (services.length > 0) next.services = services;
  if (p.locations.length + p.excludedLocations.length > 0) {
    next.locations = p.locations.filter((id) => config.locations.some((l) => l.id === id));
    next.excludedLocations = p.excludedLocations;
  }
  if (hasDates(p)) {
    next.dateRanges = p.dateRanges;
    next.weekdays = p.weekdays;
    next.excludedWeekdays = p.excludedWeekdays;
    next.excludedDates = p.excludedDates;
  }
  if (hasTimes(p)) {
    next.timeRanges = p.timeRanges;
    next.excludedTimeRanges = p.excludedTimeRanges;
  }
  if (p.urgent) next.urgent = true;
  return next;
}

/** The slot search for the current wishes (citizens search the online pool). */
export function toSlotQuery(req: BookingRequest, limit = 3): SlotQuery {
  return {
    services: req.services,
    locations: req.locations,
    excludedLocations: req.excludedLocations,
    dateRanges: req.dateRanges,
    weekdays: req.weekdays,
    excludedWeekdays: req.excludedWeekdays,
    excludedDates: req.excludedDates,
    timeRanges: req.timeRanges,
    excludedTimeRanges: req.excludedTimeRanges,
    excludeSlots: req.excludeSlots,
    limit,
    pool: "online",
  };
}

/** Locations that offer every requested service, in configuration order. */
export function locationsOffering(services: ServiceRequest[], config: CityConfig): CityConfig["locations"] {
  return config.locations.filter((l) => services.every((s) => l.services.includes(s.id)));
}

/** Whether any requested service needs staff approval (the booking then becomes a suggestion). */
export function needsApproval(services: ServiceRequest[], config: CityConfig): boolean {
  return services.some((s) => config.services.find((c) => c.id === s.id)?.requiresApproval === true);
}
