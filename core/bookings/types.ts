/**
 * The booking vocabulary every channel speaks. Channels call the use cases in
 * `core/index.ts` (`createCore`) and branch on `{ ok: false, code }` results;
 * German wording for each code lives in `templates/`.
 */
import type { ErrorCode } from "../errors.ts";

export type ISODate = string; // "YYYY-MM-DD", local date in the city's time zone
export type Minutes = number; // minutes since local midnight

export type Channel = "webchat" | "teams" | "telegram" | "mail" | "staff" | "cli";

/** Which capacity a search or booking may use. Citizens: "online"; staff: "staff" (+ emergency when asked). */
export type Pool = "online" | "staff" | "emergency";

export type AppointmentStatus =
  | "held" // short-lived reservation while the citizen confirms
  | "suggested" // awaits staff approval (slot stays held)
  | "booked"
  | "attended"
  | "no_show"
  | "cancelled"
  | "rejected"
  | "expired"; // a hold that ran out

export interface ServiceRequest {
  id: string;
  count: number;
}

export interface DateRange {
  from: ISODate;
  to: ISODate | null;
}
export interface TimeRange {
  from: Minutes;
  to: Minutes;
}

/** A free start time at one location; the counter is picked when it is held or booked. */
export interface Slot {
  locationId: string;
  start: string; // ISO instant with offset, e.g. "2026-11-30T08:15:00.000+01:00"
  end: string;
  date: ISODate;
  startMinutes: Minutes;
  durationMinutes: number;
}

export interface SlotQuery {
  services: ServiceRequest[];
  /** Preferred locations; empty or absent = anywhere that offers the services. */
  locations?: string[];
  excludedLocations?: string[];
  dateRanges?: DateRange[];
  weekdays?: number[]; // ISO 1=Mo … 7=So
  excludedWeekdays?: number[];
  excludedDates?: ISODate[];
  timeRanges?: TimeRange[]; // allowed start minutes, [from,to); from==to = exact
  excludedTimeRanges?: TimeRange[];
  /** Slots already shown or refused ("andere Zeiten"). */
  excludeSlots?: Pick<Slot, "locationId" | "start">[];
  limit?: number; // default 3
  pool?: Pool; // default "online"
  /** Staff may add the emergency capacity. */
  includeEmergency?: boolean;
}

export interface NoSlotExplanation {
  /** NOT_OFFERED: no location offers these services; NO_MATCH: offered, but nothing free fits the wishes;
   *  NOT_RELEASED: the wished dates lie beyond what is released now. */
  reason: "NOT_OFFERED" | "NO_MATCH" | "NOT_RELEASED";
  offeredAt: string[]; // location ids offering all requested services
  nextRelease: string | null; // ISO instant of the next daily release
  /** Nearest free slots ignoring the date/time/location wishes (alternatives to offer). */
  alternatives: Slot[];
}

export interface SearchResult {
  slots: Slot[];
  explanation: NoSlotExplanation | null; // set when `slots` is empty
}

export interface Contact {
  name: string;
  email?: string | null;
  phone?: string | null;
}

export interface Appointment {
  id: string; // opaque public id (uuid)
  code: string; // "K7P-2QX"
  status: AppointmentStatus;
  locationId: string;
  counter: number;
  start: string;
  end: string;
  services: ServiceRequest[];
  channel: Channel;
  contact: Contact | null; // null after retention or when not yet given
  createdAt: string;
  holdExpiresAt: string | null;
  /** Citizen's original request text and understood request, kept for staff approval. */
  request: { text: string | null; understood: unknown } | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionMessage: string | null;
}

/** The long, unguessable link token is returned only when created; it is never stored in clear. */
export interface BookedAppointment extends Appointment {
  token: string;
}

export type Result<T, C extends ErrorCode = ErrorCode> =
  | ({ ok: true } & T)
  | { ok: false; code: C; details?: Record<string, unknown> };

/** Who acts: a citizen on a channel, or a staff member (for audit and capacity rights). */
export type Actor =
  | { kind: "citizen"; channel: Channel; conversationId?: string }
  | { kind: "staff"; staffId: string; locations: string[] | "all" }
  | { kind: "system"; job: string };
