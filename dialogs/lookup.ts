/**
 * Looks up the citizen's appointments by code + e-mail and says why when that fails.
 */
import type { TurnContext } from "botbuilder";
import type { Appointment } from "../core/bookings/types.ts";
import { MANAGE } from "../templates/de/bot/manage.ts";
import { errorText } from "../templates/de/errors.ts";
import type { Identified } from "./identify.dialog.ts";
import { conversationKey, say, type Runtime } from "./runtime.ts";

const ACTIVE = new Set<Appointment["status"]>(["booked", "suggested"]);

/** Active appointments for the reference, the one with the given code first; [] after telling the citizen why. */
export async function lookupAppointments(rt: Runtime, context: TurnContext, ref: Identified): Promise<Appointment[]> {
  const r = await rt.core.bookings.lookup(ref, { source: conversationKey(context.activity) });
  if (!r.ok) {
    rt.log.info({ action: "lookup", code: r.code });
    await context.sendActivity(say(errorText(r.code)));
    return [];
  }
  const active = r.appointments.filter((a) => ACTIVE.has(a.status));
  if (active.length === 0) {
    await context.sendActivity(say(MANAGE.noActive));
    return [];
  }
  await rt.currentServices.set(context, active.flatMap((a) => a.services.map((x) => x.id)));
  return [...active].sort((a, b) => Number(b.code === ref.code) - Number(a.code === ref.code) || a.start.localeCompare(b.start));
}
