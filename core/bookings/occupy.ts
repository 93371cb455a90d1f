/**
 * Puts an appointment on a counter: the one write every booking path shares (hold, book, next-free,
 * reschedule, approval with another slot). One pipelined transaction per attempt:
 *   per-e-mail lock → free holds that ran out on that counter → one statement for quota check,
 *   contact, appointment, history and notifications.
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
    const busy =
      deps.cache.peek(date, input.location.id) ??
      (await deps.cache.load([date], [input.location.id], tx as unknown as Sql | undefined)).get(date)!.get(input.location.id)!;
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
      if (!inserted) {
        deps.cache.release(claim);
        return fail(overbookHour ? "SLOT_TAKEN" : "LIMIT_REACHED");
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

async function insertWithRetry(deps: OccupyDeps, input: OccupyInput, at: Placement, tx?: TransactionSql): Promise<{ id: string; code: string } | null> {
  for (let i = 0; ; i++) {
    const id = newAppointmentId();
    const code = newCode();
    try {
      const statements = (q: Sql) => insertStatements(q, deps, input, at, id, code);
      const results = tx ? await tx.savepoint((sp) => statements(sp as unknown as Sql)) : await deps.sql.begin((q) => statements(q as unknown as Sql));
      const inserted = (results as unknown[][]).at(-1)!;
      return inserted.length ? { id, code } : null;
    } catch (err) {
      if (!isDuplicateCode(err) || i >= 5) throw err;
    }
  }
}

/** Returned as an array, so porsager pipelines them: one round trip for the whole booking. */
function insertStatements(q: Sql, deps: OccupyDeps, input: OccupyInput, at: Placement, id: string, code: string) {
  const range = `[${new Date(input.start).toISOString()},${new Date(at.end).toISOString()})`;
  const max = deps.config.bookingRules.maxActiveBookingsPerEmail;
  const contact = input.contact ?? null;
  const notifications = (input.notifications ?? []).map((n) => ({ kind: n.kind, channel: n.channel, payload: n.payload ?? {}, available_at: n.availableAt ?? null }));
  const statements = [];
  if (input.emailHash) statements.push(q`select pg_advisory_xact_lock(hashtext(${input.emailHash}))`);
  if (at.overbookHour) statements.push(q`select pg_advisory_xact_lock(hashtext(${`overbook:${input.location.id}:${at.date}`}))`);
  const cap = deps.config.bookingRules.overbooking.hardCapPerDay;
  if (at.cleanup) statements.push(q`
    update appointment set active = false, status = case when status = 'held' then 'expired' else status end, updated_at = ${at.now}
    where active and location_id = ${input.location.id} and counter = ${at.counter} and during && ${range}::tstzrange
      and status = 'held' and hold_expires_at <= ${at.now}`);
  statements.push(q`
    with ok as (
      select ${input.emailHash ?? null}::text is null or count(*) < ${max} as ok from appointment
      where email_hash = ${input.emailHash ?? null} and active and status in ('held', 'suggested', 'booked')
        and upper(during) > ${at.now} and id is distinct from ${input.rescheduledFrom ?? null}::uuid
      having ${at.overbookHour === null} or (select count(*) from appointment where active and location_id = ${input.location.id}
        and local_date = ${at.date}::date and overbook_hour is not null) < ${cap}
    ), c as (
      insert into contact (name, email, phone)
      select ${contact?.name ?? ""}, ${contact?.email ?? null}, ${contact?.phone ?? null} from ok where ok.ok and ${contact !== null}
      returning id
    ), a as (
      insert into appointment (id, code, token_hash, status, active, location_id, counter, during, local_date, services, channel, pool,
        contact_id, email_hash, conversation_key, hold_token_hash, hold_expires_at, request, rescheduled_from, overbook_hour, created_at, updated_at)
      select ${id}, ${code}, ${sha256(deps.secrets.linkToken(id))}, ${input.status}, true, ${input.location.id}, ${at.counter},
        ${range}::tstzrange, ${at.date}::date, ${q.json(input.services as never)}, ${input.channel}, ${input.pool},
        coalesce((select id from c), ${input.contactId ?? null}::bigint), ${input.emailHash ?? null}, ${input.conversationKey ?? null},
        ${input.holdTokenHash ?? null}, ${input.holdExpiresAt ?? null}, ${input.request ? q.json(input.request as never) : null},
        ${input.rescheduledFrom ?? null}::uuid, ${at.overbookHour}, ${at.now}, ${at.now}
      from ok where ok.ok
      returning id
    ), history as (
      insert into appointment_event (appointment_id, at, kind, actor, data)
      select id, ${at.now}, ${input.status}, ${input.actor}, ${q.json({ channel: input.channel } as never)} from a
    ), outbox as (
      insert into notification (kind, channel, appointment_id, payload, available_at)
      select n.kind, n.channel, a.id, coalesce(n.payload, '{}'), coalesce(n.available_at, ${at.now})
      from a cross join jsonb_to_recordset(${q.json(notifications as never)}) as n(kind text, channel text, payload jsonb, available_at timestamptz)
    )
    select id from a`);
  return statements;
}

export { sha256 };
