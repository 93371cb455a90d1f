/**
 * Puts an appointment on a counter: the one write every booking path shares (hold, book, next-free,
 * reschedule, approval with another slot). One function call per attempt (migration 003):
 *   per-e-mail lock → limit checks → free holds that ran out on that counter → contact, appointment,
 *   history and notifications.
 * The exclusion constraint decides races; a lost race tries the next free counter.
 */
import type { Sql, TransactionSql } from "postgres";
import type { CityConfig, LocationConfig } from "../config/schema.ts";
import type { AppointmentStatus, Channel, Contact, Pool, ServiceRequest } from "./types.ts";
import { fail } from "../errors.ts";
import { allowedCounters, counterPools, openingWindows } from "../calendar/opening.ts";
import { dayClock } from "../calendar/day-clock.ts";
import { localDate } from "../calendar/time.ts";
import { bookableWindow } from "../slots/release.ts";
import { freeCounter, GRID_MINUTES, overbookedCount } from "../slots/free-starts.ts";
import type { OverbookingPolicy } from "../slots/overbooking.ts";
import type { OccupancyCache } from "../slots/occupancy.ts";
import { isDuplicateCode, isSlotTaken } from "./appointment.store.ts";
import { newAppointmentId, newCode, type Secrets, sha256 } from "./secrets.ts";
import type { NewNotification } from "../notifications/outbox.ts";

export interface OccupyDeps {
  config: CityConfig;
  sql: Sql;
  cache: OccupancyCache;
  secrets: Secrets;
  now: () => Date;
  overbooking?: OverbookingPolicy;
}

export interface OccupyInput {
  location: LocationConfig;
  start: number; // epoch ms
  durationMinutes: number;
  services: ServiceRequest[];
  status: Extract<AppointmentStatus, "held" | "suggested" | "booked">;
  pool: Pool;
  includeEmergency: boolean;
  channel: Channel;
  actor: string;
  conversationKey?: string | null;
  request?: unknown;
  contact?: Contact | null;
  /** Reuse an existing contact row (reschedule) instead of inserting one. */
  contactId?: string | null;
  emailHash?: string | null;
  holdTokenHash?: string | null;
  holdExpiresAt?: Date | null;
  rescheduledFrom?: string | null;
  notifications?: Omit<NewNotification, "appointmentId">[];
}

export type OccupyResult =
  | { ok: true; id: string; code: string; counter: number }
  | ReturnType<typeof fail<"SLOT_TAKEN" | "LIMIT_REACHED" | "IN_PAST" | "BEYOND_HORIZON" | "OUTSIDE_OPENING_HOURS" | "OFF_GRID" | "SERVICE_NOT_OFFERED">>;

export async function occupy(deps: OccupyDeps, input: OccupyInput, tx?: TransactionSql): Promise<OccupyResult> {
  const now = deps.now();
  const zone = deps.config.city.timezone;
  const date = localDate(new Date(input.start), zone);
  const invalid = checkPlacement(deps, input, date, now);
  if (invalid) return invalid;
  const real = allowedCounters(counterPools(deps.config, input.location), input.pool, input.includeEmergency);
  const virtual = (await deps.overbooking?.virtualCounters(input.location)) ?? [];
  const firstVirtual = input.location.counters + 1;
  const clock = dayClock(date, deps.config.city.timezone);
  const hourStart = clock.instantOf(Math.floor(clock.minuteOf(input.start) / 60) * 60);
  const hour = { start: hourStart, end: hourStart + 3_600_000 };
  const end = input.start + input.durationMinutes * 60_000;
  for (let attempt = 0; attempt <= real.length + virtual.length; attempt++) {
    // Claim in the same synchronous step as the check, so parallel requests of this process never pick the same counter.
    let busy = deps.cache.peek(date, input.location.id);
    if (!busy) {
      await deps.cache.ensure([date], [input.location.id], tx as unknown as Sql | undefined);
      busy = deps.cache.busy(date, input.location.id);
    }
    const capReached = overbookedCount(busy, firstVirtual, now.getTime()) >= deps.config.bookingRules.overbooking.hardCapPerDay;
    const counters = virtual.length && !capReached ? [...real, ...virtual] : real;
    const counter = freeCounter(busy, counters, input.start, end, now.getTime(), firstVirtual, hour);
    if (counter === null) return fail("SLOT_TAKEN");
    // Holds that ran out still hold their row: free them in the same transaction (only when there are any).
    // Cancelled appointments stay busy until the jobs have offered them to the waiting list first.
    const cleanup = attempt > 0 || busy.some((b) => b.counter === counter && b.start < end && input.start < b.end && b.expiresAt !== null);
    const claim = deps.cache.claim(date, input.location.id, { counter, start: input.start, end, expiresAt: null });
    try {
      const overbookHour = counter >= firstVirtual ? new Date(hour.start) : null;
      const inserted = await insertWithRetry(deps, input, { counter, date, end, now, cleanup, overbookHour }, tx);
      if (typeof inserted === "string") {
        deps.cache.release(claim);
        return fail(inserted === "limit" ? "LIMIT_REACHED" : "SLOT_TAKEN");
      }
      deps.cache.settle(claim, input.status === "held" ? input.holdExpiresAt?.getTime() ?? null : null);
      return { ok: true, id: inserted.id, code: inserted.code, counter };
    } catch (err) {
      deps.cache.release(claim);
      if (!isSlotTaken(err)) throw err;
      deps.cache.invalidate(date);
    }
  }
  return fail("SLOT_TAKEN");
}

function checkPlacement(deps: OccupyDeps, input: OccupyInput, date: string, now: Date): OccupyResult | null {
  if (!input.services.every((s) => input.location.services.includes(s.id))) return fail("SERVICE_NOT_OFFERED");
  const clock = dayClock(date, deps.config.city.timezone);
  const minute = clock.minuteOf(input.start);
  if (!Number.isInteger(minute) || minute % GRID_MINUTES !== 0) return fail("OFF_GRID");
  const window = bookableWindow(deps.config, now, input.pool);
  if (input.start < window.notBefore || date < window.firstDate) return fail("IN_PAST");
  if (date > window.lastDate) return fail("BEYOND_HORIZON");
  const fits = openingWindows(deps.config, input.location, date).some((w) => minute >= w.from && minute + input.durationMinutes <= w.to);
  return fits ? null : fail("OUTSIDE_OPENING_HOURS");
}

interface Placement {
  counter: number;
  date: string;
  end: number;
  now: Date;
  cleanup: boolean;
  /** Set for an overbooking counter: the local hour it takes. */
  overbookHour: Date | null;
}

async function insertWithRetry(deps: OccupyDeps, input: OccupyInput, at: Placement, tx?: TransactionSql): Promise<{ id: string; code: string } | "limit" | "cap"> {
  for (let i = 0; ; i++) {
    const id = newAppointmentId();
    const code = newCode();
    try {
      const place = (q: Sql) => q<{ r: string }[]>`select ta_place_appointment(${q.json(placement(deps, input, at, id, code) as never)}) as r`;
      // One statement in autocommit: its own transaction. Inside a caller's transaction, a savepoint
      // keeps a lost race from aborting the caller's other work.
      const [row] = tx ? await tx.savepoint((sp) => place(sp as unknown as Sql)) : await place(deps.sql);
      return row!.r === "ok" ? { id, code } : (row!.r as "limit" | "cap");
    } catch (err) {
      if (!isDuplicateCode(err) || i >= 5) throw err;
    }
  }
}

/** The argument of ta_place_appointment (migration 003): everything one booking writes. */
function placement(deps: OccupyDeps, input: OccupyInput, at: Placement, id: string, code: string) {
  return {
    id,
    code,
    token_hash: sha256(deps.secrets.linkToken(id)),
    status: input.status,
    location_id: input.location.id,
    counter: at.counter,
    during: `[${new Date(input.start).toISOString()},${new Date(at.end).toISOString()})`,
    local_date: at.date,
    services: input.services,
    channel: input.channel,
    pool: input.pool,
    actor: input.actor,
    contact: input.contact ? { name: input.contact.name, email: input.contact.email ?? null, phone: input.contact.phone ?? null } : null,
    contact_id: input.contactId ?? null,
    email_hash: input.emailHash ?? null,
    max_per_email: deps.config.bookingRules.maxActiveBookingsPerEmail,
    conversation_key: input.conversationKey ?? null,
    hold_token_hash: input.holdTokenHash ?? null,
    hold_expires_at: input.holdExpiresAt?.toISOString() ?? null,
    request: input.request ?? null,
    rescheduled_from: input.rescheduledFrom ?? null,
    overbook_hour: at.overbookHour?.toISOString() ?? null,
    overbook_cap: deps.config.bookingRules.overbooking.hardCapPerDay,
    cleanup: at.cleanup,
    now: at.now.toISOString(),
    notifications: (input.notifications ?? []).map((n) => ({ kind: n.kind, channel: n.channel, payload: n.payload ?? {}, available_at: n.availableAt?.toISOString() ?? null })),
  };
}

export { sha256 };
