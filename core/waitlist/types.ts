/**
 * The waiting list's vocabulary (Terminagent): a wish waits in registration order; when a
 * matching slot frees up or is released, the earliest wish gets an offer and the slot is held for it
 * until the offer's deadline.
 */
import type { TransactionSql } from "postgres";
import type { Appointment, BookedAppointment, Channel, ISODate, Result, ServiceRequest, TimeRange } from "../bookings/types.ts";

export type WishStatus = "open" | "offered" | "matched" | "declined" | "expired" | "withdrawn";
export type OfferStatus = "offered" | "accepted" | "declined" | "expired" | "withdrawn";

export interface WishInput {
  services: ServiceRequest[];
  /** Empty or absent = any location that offers the services. */
  locations?: string[];
  /** ISO weekdays 1 = Mo … 7 = So; empty = any. */
  weekdays?: number[];
  /** Allowed start minutes [from, to); from == to = exactly then. Empty = any time. */
  timeRanges?: TimeRange[];
  /** The last date the citizen can use; the wish expires after it. */
  latestDate: ISODate;
  /** Name plus e-mail and/or a chat conversation to reach the citizen. */
  contact: { name: string; email?: string | null };
  conversationKey?: string | null;
  channel: Channel;
}

export interface Wish {
  id: string;
  status: WishStatus;
  services: ServiceRequest[];
  locations: string[];
  weekdays: number[];
  timeRanges: TimeRange[];
  latestDate: ISODate;
  channel: Channel;
  createdAt: string;
}

export interface Offer {
  id: string;
  status: OfferStatus;
  wishId: string;
  /** The held slot (null only if the appointment row is gone). */
  appointment: Appointment | null;
  deadline: string;
}

/** A slot that stopped being occupied (cancellation, expired hold or offer, declined offer). */
export interface FreedSlot {
  locationId: string;
  start: Date;
  end: Date;
}

export interface WaitlistStats {
  locationId: string;
  /** Open wishes that would take this location (queue length). */
  waiting: number;
  offered: number;
  matched: number;
  declined: number;
  expired: number;
}

export interface CallOptions {
  tx?: TransactionSql;
  /** The instant to act at (jobs pass their `now`); default: the core's clock. */
  now?: Date;
  /** Rate-limit key of the caller for wrong tokens, e.g. "ip:203.0.113.7". */
  source?: string;
}

export interface Waitlist {
  /** Register a wish; the token is the citizen's manage link (shown once, stored hashed). */
  register(input: WishInput, opts?: CallOptions): Promise<Result<{ wish: Wish; token: string; position: number }>>;
  getWish(token: string, opts?: CallOptions): Promise<Result<{ wish: Wish }>>;
  withdraw(token: string, opts?: CallOptions): Promise<Result<{}>>;
  /** Give a freed slot to the earliest matching open wish (held until the offer deadline). */
  offerFreedSlot(slot: FreedSlot, opts?: CallOptions & { origin?: string }): Promise<{ offerId: string; wishId: string } | null>;
  /** After the daily release: offer each open wish a slot on the newly released date, earliest wish first. */
  offerReleasedDate(date: ISODate, opts?: CallOptions): Promise<number>;
  getOffer(token: string, opts?: CallOptions): Promise<Result<{ offer: Offer }>>;
  accept(token: string, opts?: CallOptions): Promise<Result<{ appointment: BookedAppointment }>>;
  decline(token: string, opts?: CallOptions): Promise<Result<{}>>;
  /** Offers past their deadline: close them and pass each slot to the next wish. */
  expireOffers(opts?: CallOptions): Promise<number>;
  /** Wishes past their latest date: close them (personal data goes). */
  expireWishes(opts?: CallOptions): Promise<number>;
  stats(locationId: string): Promise<WaitlistStats>;
}
