/**
 * The citizen-facing booking use cases. Each reads like the story it implements and returns
 * `{ ok: false, code }` for every expected failure; nothing is half-written.
 */
import type { Sql, TransactionSql } from "postgres";
import type { AppointmentRef, BookInput, Core, HoldInput, TxOption } from "../core.ts";
import type { Actor, Appointment, BookedAppointment, Contact, Result, SlotQuery } from "./types.ts";
import { fail } from "../errors.ts";
import { checkServices } from "../slots/request.ts";
import { localDate, parseInstant } from "../calendar/time.ts";
import { dayClock } from "../calendar/day-clock.ts";
import { isBlocked, recordFailure } from "../rate-limit.ts";
import { addEvent, findActiveByEmailHash, findByCode, findById, findByTokenHash, toAppointment, type AppointmentRow } from "./appointment.store.ts";
import { occupy, type OccupyDeps, type OccupyInput } from "./occupy.ts";
import { actorLabel, mayActOn } from "./actor.ts";
import { newHoldToken, normalizeCode, sameHash, sha256 } from "./secrets.ts";
import type { SlotSearch } from "../slots/search.ts";
import type { NewNotification } from "../notifications/outbox.ts";

const NEXT_FREE_CANDIDATES = 4;
const GUESS_LIMIT = { max: 10, windowMs: 15 * 60_000 };
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export interface BookingDeps extends OccupyDeps {
  search: SlotSearch;
}

export { actorLabel } from "./actor.ts";

export function checkContact(contact: Contact): boolean {
  if (!contact.name?.trim() || contact.name.length > 200) return false;
  if (contact.email && (contact.email.length > 254 || !EMAIL.test(contact.email.trim()))) return false;
  return true;
}

export function createBookings(deps: BookingDeps): Core["bookings"] {
  const zone = deps.config.city.timezone;
  const view = (row: AppointmentRow) => toAppointment(row, zone);
  const withToken = (row: AppointmentRow): BookedAppointment => ({ ...view(row), token: deps.secrets.linkToken(row.id) });
  const db = (opts?: TxOption): Sql => (opts?.tx as unknown as Sql) ?? deps.sql;

  /** Common checks of a slot request; resolves location and duration. */
  function prepare(input: HoldInput) {
    const check = checkServices(deps.config, input.services);
    if (!check.ok) return check;
    const location = deps.config.locations.find((l) => l.id === input.slot.locationId);
    if (!location) return fail("UNKNOWN_LOCATION", { locationId: input.slot.locationId });
    const start = parseInstant(input.slot.start);
    if (!start) return fail("INVALID_DATE");
    return { ...check, ok: true as const, location, start: start.getTime() };
  }

  function confirmNotifications(contact: Contact | null, status: "booked" | "suggested"): Omit<NewNotification, "appointmentId">[] {
    if (!contact?.email) return [];
    return [{ kind: status === "suggested" ? "booking_suggested" : "booking_confirmed", channel: "mail" }];
  }

  async function place(input: BookInput, tx?: TransactionSql): Promise<Result<{ appointment: BookedAppointment }>> {
    const p = prepare(input);
    if (!p.ok) return p;
    if (!checkContact(input.contact)) return fail("INVALID_CONTACT");
    const staff = input.actor.kind !== "citizen";
    const status = p.requiresApproval && !staff ? "suggested" : "booked";
    const result = await occupy(
      deps,
      {
        location: p.location, start: p.start, durationMinutes: p.durationMinutes, services: input.services, status,
        pool: staff ? "staff" : "online", includeEmergency: staff && (input.includeEmergency ?? false),
        channel: input.actor.kind === "citizen" ? input.actor.channel : "staff", actor: actorLabel(input.actor),
        conversationKey: input.conversationKey ?? null, request: input.request ?? null, contact: input.contact,
        emailHash: input.contact.email ? deps.secrets.emailHash(input.contact.email) : null,
        notifications: confirmNotifications(input.contact, status),
      },
      tx,
    );
    if (!result.ok) return result;
    // Built from what was inserted: no second round trip on the hot path of a rush.
    const clock = dayClock(localDate(new Date(p.start), zone), zone);
    const minute = clock.minuteOf(p.start);
    return {
      ok: true,
      appointment: {
        id: result.id, code: result.code, status, locationId: p.location.id, counter: result.counter,
        start: clock.isoAt(minute), end: clock.isoAt(minute + p.durationMinutes), services: input.services,
        channel: input.actor.kind === "citizen" ? input.actor.channel : "staff",
        contact: { name: input.contact.name, email: input.contact.email ?? null, phone: input.contact.phone ?? null },
        createdAt: deps.now().toISOString(), holdExpiresAt: null, request: (input.request as Appointment["request"]) ?? null,
        decidedBy: null, decidedAt: null, decisionMessage: null, token: deps.secrets.linkToken(result.id),
      },
    };
  }

  /** Find a citizen's appointment by code + e-mail or token; failures count against `source`. */
  async function resolve(ref: AppointmentRef, sql: Sql, source?: string): Promise<Result<{ row: AppointmentRow }>> {
    const key = `guess:${source ?? "anonymous"}`;
    if (await isBlocked(sql, key, GUESS_LIMIT, deps.now())) return fail("TOO_MANY_ATTEMPTS");
    let row: AppointmentRow | null = null;
    if ("token" in ref) {
      row = typeof ref.token === "string" && ref.token.length >= 20 && ref.token.length <= 100 ? await findByTokenHash(sql, sha256(ref.token)) : null;
    } else {
      const code = normalizeCode(ref.code ?? "");
      row = code ? await findByCode(sql, code) : null;
      if (row && !sameHash(row.email_hash, deps.secrets.emailHash(ref.email ?? ""))) row = null;
    }
    if (!row) {
      await recordFailure(sql, key, GUESS_LIMIT, deps.now());
      return fail("NOT_FOUND");
    }
    return { ok: true, row };
  }

  async function cancelRow(sql: Sql, row: AppointmentRow, actor: Actor, reason: "cancelled" | "rescheduled"): Promise<Result<{}>> {
    if (row.status === "cancelled") return fail("ALREADY_CANCELLED");
    if (!["held", "suggested", "booked"].includes(row.status) || row.starts_at.getTime() <= deps.now().getTime()) return fail("NOT_CANCELLABLE");
    const now = deps.now();
    const releaseAt = new Date(now.getTime() + deps.config.bookingRules.cancelledSlotDelayMinutes * 60_000);
    const done = await sql`
      update appointment set status = 'cancelled', release_at = ${releaseAt}, updated_at = ${now}, hold_expires_at = null
      where id = ${row.id} and status = ${row.status} returning id`;
    if (!done.length) return fail("ALREADY_CANCELLED");
    await addEvent(sql, row.id, reason, actorLabel(actor), now);
    if (reason === "cancelled" && row.email) await sql`insert into notification (kind, channel, appointment_id) values ('booking_cancelled', 'mail', ${row.id})`;
    if (reason === "cancelled" && row.conversation_key && actor.kind !== "citizen") {
      await sql`insert into notification (kind, channel, appointment_id) values ('booking_cancelled', 'chat', ${row.id})`;
    }
    return { ok: true };
  }

  return {
    async hold(input, opts) {
      const p = prepare(input);
      if (!p.ok) return p;
      const holdToken = newHoldToken();
      const staff = input.actor.kind !== "citizen";
      const occ: OccupyInput = {
        location: p.location, start: p.start, durationMinutes: p.durationMinutes, services: input.services, status: "held",
        pool: staff ? "staff" : "online", includeEmergency: false, channel: input.actor.kind === "citizen" ? input.actor.channel : "staff",
        actor: actorLabel(input.actor), conversationKey: input.conversationKey ?? null, request: input.request ?? null,
        holdTokenHash: sha256(holdToken), holdExpiresAt: new Date(deps.now().getTime() + Math.min(Math.max(input.holdMinutes ?? deps.config.bookingRules.holdMinutes, 1), 7 * 24 * 60) * 60_000),
      };
      const result = await occupy(deps, occ, opts?.tx);
      if (!result.ok) return result;
      return { ok: true, holdToken, appointment: view((await findById(db(opts), result.id))!) };
    },

    async confirm(input, opts) {
      if (!checkContact(input.contact)) return fail("INVALID_CONTACT");
      const run = async (tx: TransactionSql) => confirmHold(tx as unknown as Sql, input);
      return opts?.tx ? opts.tx.savepoint((sp) => run(sp as unknown as TransactionSql)) : deps.sql.begin((tx) => run(tx));
    },

    async releaseHold(input, opts) {
      const row = await findById(db(opts), input.appointmentId);
      if (!row || row.status !== "held" || !sameHash(row.hold_token_hash, sha256(input.holdToken))) return fail("HOLD_NOT_FOUND");
      await db(opts)`update appointment set status = 'expired', active = false, updated_at = ${deps.now()} where id = ${row.id} and status = 'held'`;
      deps.cache.free(row.local_date, row.location_id, row.counter, row.starts_at.getTime());
      return { ok: true };
    },

    book: (input, opts) => place(input, opts?.tx),

    async bookNextFree(query: SlotQuery, input, opts) {
      const check = checkServices(deps.config, query.services);
      if (!check.ok) return check;
      // Try the earliest candidates in turn: one taken meanwhile by a parallel request fails at once, without a round trip.
      for (let round = 0; round < 8; round++) {
        const slots = await deps.search.scan(query, check.durationMinutes, NEXT_FREE_CANDIDATES, false);
        if (!slots.length) return fail("SLOT_TAKEN");
        for (const slot of slots) {
          const result = await place({ ...input, services: query.services, slot }, opts?.tx);
          if (result.ok || result.code !== "SLOT_TAKEN") return result;
        }
      }
      return fail("SLOT_TAKEN");
    },

    async cancel(ref, actor, opts) {
      const found = await resolve(ref, db(opts), opts?.source);
      if (!found.ok) return found;
      if (actor.kind === "staff" && !mayActOn(actor, found.row.location_id)) return fail("FORBIDDEN");
      const run = async (sql: Sql) => {
        const row = (await findById(sql, found.row.id, true))!;
        const done = await cancelRow(sql, row, actor, "cancelled");
        return done.ok ? { ok: true as const, appointment: view((await findById(sql, row.id))!) } : done;
      };
      const result = opts?.tx ? await run(opts.tx as unknown as Sql) : await deps.sql.begin((tx) => run(tx as unknown as Sql));
      if (result.ok) deps.cache.invalidate(found.row.local_date);
      return result;
    },

    async reschedule(ref, slot, actor, opts) {
      const found = await resolve(ref, db(opts), opts?.source);
      if (!found.ok) return found;
      const old = found.row;
      if (actor.kind === "staff" && (!mayActOn(actor, old.location_id) || !mayActOn(actor, slot.locationId))) return fail("FORBIDDEN");
      if (old.status === "cancelled") return fail("ALREADY_CANCELLED");
      if (!["suggested", "booked"].includes(old.status) || old.starts_at.getTime() <= deps.now().getTime()) return fail("NOT_CANCELLABLE");
      const run = async (tx: TransactionSql) => rescheduleIn(tx, old, slot, actor);
      const result = opts?.tx ? await opts.tx.savepoint((sp) => run(sp as unknown as TransactionSql)) : await deps.sql.begin((tx) => run(tx));
      deps.cache.invalidate(old.local_date);
      return result;
    },

    async lookup(ref, opts) {
      const found = await resolve(ref, deps.sql, opts?.source);
      if (!found.ok) return found;
      if ("token" in ref || !found.row.email_hash) return { ok: true, appointments: [view(found.row)] };
      return { ok: true, appointments: (await findActiveByEmailHash(deps.sql, found.row.email_hash, deps.now())).map(view) };
    },

    async linkToken(appointmentId) {
      return (await findById(deps.sql, appointmentId)) ? deps.secrets.linkToken(appointmentId) : null;
    },

    async get(appointmentId) {
      const row = await findById(deps.sql, appointmentId);
      return row ? view(row) : null;
    },
  };

  /**
   * The checks that need no lock come first (token, services); the limit, the still-held check and
   * every write are one call of `ta_confirm_hold` (migration 004), which counts active bookings
   * exactly like a direct booking does.
   */
  async function confirmHold(sql: Sql, input: { appointmentId: string; holdToken: string; contact: Contact; actor: Actor }): Promise<Result<{ appointment: BookedAppointment }>> {
    const row = await findById(sql, input.appointmentId);
    const holdTokenHash = sha256(input.holdToken);
    if (!row || row.status !== "held" || !sameHash(row.hold_token_hash, holdTokenHash)) return holdGone(row);
    const check = checkServices(deps.config, row.services);
    if (!check.ok) return check;
    const status = check.requiresApproval && input.actor.kind === "citizen" ? "suggested" : "booked";
    const email = input.contact.email?.trim() ?? null;
    const params = {
      id: row.id, hold_token_hash: holdTokenHash, status, now: deps.now().toISOString(), actor: actorLabel(input.actor),
      email_hash: input.contact.email ? deps.secrets.emailHash(input.contact.email) : null,
      max_per_email: deps.config.bookingRules.maxActiveBookingsPerEmail,
      contact: { name: input.contact.name.trim(), email, phone: input.contact.phone ?? null },
      notifications: confirmNotifications(input.contact, status),
    };
    const [result] = await sql<{ r: "ok" | "limit" | "gone" }[]>`select ta_confirm_hold(${sql.json(params as never)}) as r`;
    if (result!.r === "limit") return fail("LIMIT_REACHED");
    if (result!.r === "gone") return holdGone(await findById(sql, row.id));
    return { ok: true, appointment: withToken((await findById(sql, row.id))!) };
  }

  function holdGone(row: AppointmentRow | null) {
    return fail(row?.status === "expired" ? "HOLD_EXPIRED" : "HOLD_NOT_FOUND");
  }

  async function rescheduleIn(tx: TransactionSql, old: AppointmentRow, slot: HoldInput["slot"], actor: Actor): Promise<Result<{ appointment: BookedAppointment; previous: Appointment }>> {
    const sql = tx as unknown as Sql;
    const p = prepare({ slot, services: old.services, actor });
    if (!p.ok) return p;
    const staff = actor.kind !== "citizen";
    const result = await occupy(
      deps,
      {
        location: p.location, start: p.start, durationMinutes: p.durationMinutes, services: old.services, status: old.status as "booked" | "suggested",
        pool: staff ? "staff" : "online", includeEmergency: false, channel: old.channel, actor: actorLabel(actor),
        conversationKey: old.conversation_key, request: old.request, contactId: old.contact_id, emailHash: old.email_hash, rescheduledFrom: old.id,
        notifications: old.email ? [{ kind: "booking_rescheduled", channel: "mail", payload: { previousId: old.id } }] : [],
      },
      tx,
    );
    if (!result.ok) return result;
    const cancelled = await cancelRow(sql, (await findById(sql, old.id, true))!, actor, "rescheduled");
    if (!cancelled.ok) throw new Error(`reschedule: old appointment changed concurrently (${cancelled.code})`);
    return { ok: true, appointment: withToken((await findById(sql, result.id))!), previous: view((await findById(sql, old.id))!) };
  }
}
