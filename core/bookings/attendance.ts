/** Attended / no-show marking by staff, and the no-show rate that drives overbooking and the figures. */
import type { Sql } from "postgres";
import type { Core } from "../core.ts";
import { fail } from "../errors.ts";
import { addEvent, findById, toAppointment } from "./appointment.store.ts";
import type { BookingDeps } from "./bookings.ts";
import { actorLabel, mayActOn } from "./actor.ts";

export function createAttendance(deps: BookingDeps): Core["attendance"] {
  return {
    async mark(input, opts) {
      const sql = (opts?.tx as unknown as Sql) ?? deps.sql;
      const row = await findById(sql, input.appointmentId);
      if (!row) return fail("NOT_FOUND");
      if (input.actor.kind === "citizen" || !mayActOn(input.actor, row.location_id)) return fail("FORBIDDEN");
      if (!["booked", "attended", "no_show"].includes(row.status)) return fail("NOT_CANCELLABLE");
      if (input.status === "no_show" && row.starts_at.getTime() > deps.now().getTime()) return fail("NOT_STARTED");
      const now = deps.now();
      await sql`update appointment set status = ${input.status}, updated_at = ${now} where id = ${row.id}`;
      await addEvent(sql, row.id, input.status, actorLabel(input.actor), now);
      return { ok: true, appointment: toAppointment((await findById(sql, row.id))!, deps.config.city.timezone) };
    },

    async noShowRate(locationId, days = 90) {
      const since = new Date(deps.now().getTime() - days * 86_400_000);
      const [row] = await deps.sql<{ shows: number; noshows: number }[]>`
        select count(*) filter (where status = 'attended')::int as shows, count(*) filter (where status = 'no_show')::int as noshows
        from appointment where location_id = ${locationId} and lower(during) >= ${since} and lower(during) < ${deps.now()}`;
      const total = row!.shows + row!.noshows;
      return total ? row!.noshows / total : 0;
    },
  };
}
