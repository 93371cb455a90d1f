/**
 * Location checks before any action: a clerk may see and change only appointments of their own
 * locations. A forged id of another location gets the same 404 as an unknown id (nothing is
 * revealed) and is written to the audit log.
 */
import type { Appointment, Slot } from "../../core/bookings/types.ts";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import { mayAccess } from "./account.store.ts";
import type { AuditAction } from "./audit.store.ts";
import { errorPage, type Ctx } from "./context.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadOwnAppointment(ctx: Ctx, id: string | undefined, action: AuditAction): Promise<Appointment | null> {
  const appointment = id && UUID.test(id) ? await ctx.env.core.bookings.get(id) : null;
  if (appointment && mayAccess(ctx.account, appointment.locationId)) return appointment;
  if (appointment) await ctx.audit({ action: "forbidden", appointmentId: appointment.id, locationId: appointment.locationId, outcome: "FORBIDDEN", data: { attempted: action } });
  errorPage(ctx.env, ctx.res, 404, STAFF_TEXTS.errors.notFound, ctx.account);
  return null;
}

/** A "locationId|start" form value, only for a location the member may use. */
export function parseSlotValue(ctx: Ctx, value: string | undefined): Pick<Slot, "locationId" | "start"> | null {
  if (!value) return null;
  const bar = value.indexOf("|");
  if (bar < 1) return null;
  const slot = { locationId: value.slice(0, bar), start: value.slice(bar + 1) };
  if (!ctx.env.core.config.locations.some((l) => l.id === slot.locationId)) return null;
  return slot;
}

/** Locations the member may pick from (all for admins). */
export function ownLocations(ctx: Ctx) {
  return ctx.env.core.config.locations.filter((l) => mayAccess(ctx.account, l.id));
}
