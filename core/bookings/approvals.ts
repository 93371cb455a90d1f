/**
 * Staff decisions on suggested bookings (services that need approval, e.g. the registry office).
 * The row lock plus the `status = 'suggested'` check make the first decision win; a second
 * clerk, Teams card or CLI call gets ALREADY_DECIDED.
 */
import type { Sql, TransactionSql } from "postgres";
import type { Core } from "../core.ts";
import type { Actor, Result } from "./types.ts";
import { fail } from "../errors.ts";
import { parseInstant } from "../calendar/time.ts";
import { checkServices } from "../slots/request.ts";
import { addEvent, findById, SELECT_APPOINTMENT, toAppointment, type AppointmentRow } from "./appointment.store.ts";
import { occupy } from "./occupy.ts";
import type { BookingDeps } from "./bookings.ts";
import { actorLabel, mayActOn } from "./actor.ts";

export { mayActOn } from "./actor.ts";

export function createApprovals(deps: BookingDeps): Core["approvals"] {
  const zone = deps.config.city.timezone;
  const view = (row: AppointmentRow) => toAppointment(row, zone);

  async function lockSuggestion(sql: Sql, id: string, actor: Actor): Promise<Result<{ row: AppointmentRow }>> {
    const row = await findById(sql, id, true);
    if (!row) return fail("NOT_FOUND");
    if (!mayActOn(actor, row.location_id)) return fail("FORBIDDEN");
    if (row.status !== "suggested") return fail(row.decided_at ? "ALREADY_DECIDED" : "NOT_SUGGESTED");
    return { ok: true, row };
  }

  async function notify(sql: Sql, row: AppointmentRow, kind: "approval_approved" | "approval_rejected", appointmentId: string) {
    if (row.email) await sql`insert into notification (kind, channel, appointment_id) values (${kind}, 'mail', ${appointmentId})`;
    if (row.conversation_key) await sql`insert into notification (kind, channel, appointment_id) values (${kind}, 'chat', ${appointmentId})`;
  }

  async function moveTo(tx: TransactionSql, row: AppointmentRow, slot: { locationId: string; start: string }, actor: Actor): Promise<Result<{ id: string }>> {
    const location = deps.config.locations.find((l) => l.id === slot.locationId);
    if (!location) return fail("UNKNOWN_LOCATION");
    if (!mayActOn(actor, location.id)) return fail("FORBIDDEN");
    const start = parseInstant(slot.start);
    const check = checkServices(deps.config, row.services);
    if (!start) return fail("INVALID_DATE");
    if (!check.ok) return check;
    const sql = tx as unknown as Sql;
    await sql`update appointment set status = 'cancelled', active = false, updated_at = ${deps.now()} where id = ${row.id}`;
    const placed = await occupy(deps, {
      location, start: start.getTime(), durationMinutes: check.durationMinutes, services: row.services, status: "booked", pool: "staff",
      includeEmergency: false, channel: row.channel, actor: actorLabel(actor), conversationKey: row.conversation_key, request: row.request,
      contactId: row.contact_id, emailHash: row.email_hash, rescheduledFrom: row.id,
    }, tx);
    deps.cache.invalidate(row.local_date);
    return placed.ok ? { ok: true, id: placed.id } : placed;
  }

  return {
    async list(filter) {
      const statuses = filter.status === "all" ? ["suggested", "booked", "rejected"] : ["suggested"];
      const rows = await deps.sql.unsafe<AppointmentRow[]>(
        `${SELECT_APPOINTMENT} where a.status = any($1) and a.request is not null ${filter.locations === "all" ? "" : "and a.location_id = any($2)"} order by a.created_at`,
        filter.locations === "all" ? [statuses] : [statuses, filter.locations],
      );
      return rows.map(view);
    },

    async approve(input, opts) {
      const run = async (tx: TransactionSql) => {
        const sql = tx as unknown as Sql;
        const locked = await lockSuggestion(sql, input.appointmentId, input.actor);
        if (!locked.ok) return locked;
        let id = locked.row.id;
        if (input.slot) {
          const moved = await moveTo(tx, locked.row, input.slot, input.actor);
          if (!moved.ok) throw new Rollback(moved);
          id = moved.id;
        }
        const now = deps.now();
        await sql`update appointment set status = 'booked', decided_by = ${actorLabel(input.actor)}, decided_at = ${now}, updated_at = ${now} where id = ${id}`;
        if (id !== locked.row.id) await sql`update appointment set decided_by = ${actorLabel(input.actor)}, decided_at = ${now} where id = ${locked.row.id}`;
        await addEvent(sql, id, "approved", actorLabel(input.actor), now);
        await notify(sql, locked.row, "approval_approved", id);
        const row = (await findById(sql, id))!;
        return { ok: true as const, appointment: { ...view(row), token: deps.secrets.linkToken(id) } };
      };
      return withRollback(() => (opts?.tx ? opts.tx.savepoint((sp) => run(sp as unknown as TransactionSql)) : deps.sql.begin((tx) => run(tx))));
    },

    async reject(input, opts) {
      const run = async (sql: Sql) => {
        const locked = await lockSuggestion(sql, input.appointmentId, input.actor);
        if (!locked.ok) return locked;
        const now = deps.now();
        await sql`update appointment set status = 'rejected', active = false, decided_by = ${actorLabel(input.actor)}, decided_at = ${now},
          decision_message = ${input.message.slice(0, 2000)}, updated_at = ${now} where id = ${locked.row.id}`;
        await addEvent(sql, locked.row.id, "rejected", actorLabel(input.actor), now);
        await notify(sql, locked.row, "approval_rejected", locked.row.id);
        deps.cache.invalidate(locked.row.local_date);
        return { ok: true as const, appointment: view((await findById(sql, locked.row.id))!) };
      };
      return opts?.tx ? opts.tx.savepoint((sp) => run(sp as unknown as Sql)) : deps.sql.begin((tx) => run(tx as unknown as Sql));
    },
  };
}

/** Carries an expected failure out of a transaction so that everything in it is rolled back. */
class Rollback extends Error {
  constructor(readonly result: { ok: false; code: never } | { ok: false; code: string; details?: Record<string, unknown> }) {
    super("rollback");
  }
}

async function withRollback<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Rollback) return err.result as T;
    throw err;
  }
}
