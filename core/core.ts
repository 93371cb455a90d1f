/**
 * The core's public surface: what channels (bot, dialogs, mail, staff console, jobs, CLI) may call.
 * Every method that writes accepts `{ tx }` so a channel can put its own effects (e.g. recording an
 * IMAP UID) in the same transaction as the booking.
 */
import type { Sql, TransactionSql } from "postgres";
import type { CityConfig } from "./config/schema.ts";
import type {
  Actor,
  Appointment,
  BookedAppointment,
  Contact,
  Result,
  SearchResult,
  ServiceRequest,
  Slot,
  SlotQuery,
  AppointmentStatus,
} from "./bookings/types.ts";

export interface TxOption {
  /** Run inside this transaction (a `sql.begin` scope) instead of opening one. */
  tx?: TransactionSql;
}

/** Who to identify a citizen's own appointment by: booking code + e-mail, or the link token. */
export type AppointmentRef = { code: string; email: string } | { token: string };

export interface HoldInput {
  slot: Pick<Slot, "locationId" | "start">;
  services: ServiceRequest[];
  actor: Actor;
  /** Chat conversation to notify later (proactive messages), e.g. "telegram:12345". */
  conversationKey?: string | null;
  /** Citizen's own words and the parse, kept for staff approval. */
  request?: { text: string | null; understood: unknown } | null;
  /** Hold duration for this channel (e-mail replies take hours, chats minutes); default `bookingRules.holdMinutes`. */
  holdMinutes?: number;
}

export interface BookInput extends HoldInput {
  contact: Contact;
  /** Staff only: allow the staff pool and, when true, the emergency capacity. */
  includeEmergency?: boolean;
}

export interface Core {
  readonly config: CityConfig;
  readonly sql: Sql;
  /** The clock every rule uses (tests pass a fixed one). */
  now(): Date;

  slots: {
    search(query: SlotQuery): Promise<SearchResult>;
    /** Earliest free start per location offering the services (null where none in the horizon). */
    earliestPerLocation(services: ServiceRequest[], pool?: "online" | "staff"): Promise<{ locationId: string; slot: Slot | null }[]>;
    /** ISO instant of the next daily release. */
    nextRelease(): string;
  };

  bookings: {
    /** Reserve a slot for `holdMinutes` while the citizen confirms. */
    hold(input: HoldInput, opts?: TxOption): Promise<Result<{ appointment: Appointment; holdToken: string }>>;
    /** Turn a hold into a booking (or into a suggestion when a service needs staff approval). */
    confirm(
      input: { appointmentId: string; holdToken: string; contact: Contact; actor: Actor },
      opts?: TxOption,
    ): Promise<Result<{ appointment: BookedAppointment }>>;
    releaseHold(input: { appointmentId: string; holdToken: string }, opts?: TxOption): Promise<Result<{}>>;
    /** Book a concrete slot in one step (staff on behalf, CLI, benchmarks). */
    book(input: BookInput, opts?: TxOption): Promise<Result<{ appointment: BookedAppointment }>>;
    /** Search and book the first free fitting slot, retrying on races. */
    bookNextFree(query: SlotQuery, input: Omit<BookInput, "slot" | "services">, opts?: TxOption): Promise<Result<{ appointment: BookedAppointment }>>;
    cancel(ref: AppointmentRef, actor: Actor, opts?: TxOption & { source?: string }): Promise<Result<{ appointment: Appointment }>>;
    /** Book `slot` and release the old appointment in one transaction. */
    reschedule(
      ref: AppointmentRef,
      slot: Pick<Slot, "locationId" | "start">,
      actor: Actor,
      opts?: TxOption & { source?: string },
    ): Promise<Result<{ appointment: BookedAppointment; previous: Appointment }>>;
    /** The citizen's active appointments (code + e-mail), or the one behind a token. */
    lookup(ref: AppointmentRef, opts?: { source?: string }): Promise<Result<{ appointments: Appointment[] }>>;
    /** Recreate the link token of an appointment (for reminder mails and cancel links). */
    linkToken(appointmentId: string): Promise<string | null>;
    get(appointmentId: string): Promise<Appointment | null>;
  };

  approvals: {
    list(filter: { locations: string[] | "all"; status?: "suggested" | "all" }): Promise<Appointment[]>;
    /** First decision wins: a second decision gets ALREADY_DECIDED. `slot` moves the suggestion first. */
    approve(
      input: { appointmentId: string; actor: Actor; slot?: Pick<Slot, "locationId" | "start"> },
      opts?: TxOption,
    ): Promise<Result<{ appointment: BookedAppointment }>>;
    reject(input: { appointmentId: string; actor: Actor; message: string }, opts?: TxOption): Promise<Result<{ appointment: Appointment }>>;
  };

  attendance: {
    mark(input: { appointmentId: string; status: Extract<AppointmentStatus, "attended" | "no_show">; actor: Actor }, opts?: TxOption): Promise<Result<{ appointment: Appointment }>>;
    /** Share of no-shows among past appointments of the last `days` days. */
    noShowRate(locationId: string, days?: number): Promise<number>;
  };

  /** Stop background work and close the database. */
  close(): Promise<void>;
}
