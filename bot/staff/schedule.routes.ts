/**
 * Day schedule per location, attendance marking, and cancelling or moving an appointment on the
 * citizen's behalf. The core's cancel/reschedule take the appointment's link token; the location
 * check happens here first, because the token alone would let anyone holding it act.
 */
import type { LocationConfig } from "../../core/config/schema.ts";
import { errorText } from "../../templates/de/errors.ts";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import { mayAccess } from "./account.store.ts";
import { loadOwnAppointment, ownLocations, parseSlotValue } from "./access.ts";
import { errorPage, type Ctx, type StaffRouter } from "./context.ts";
import { ISO_DATE } from "./format.ts";
import { html } from "./html.ts";
import { query, redirect, safeNext } from "./http.ts";
import type { Notice } from "./layout.page.ts";
import { reschedulePage } from "./reschedule.page.ts";
import { scheduleBody, schedulePrintBody, type ScheduleView } from "./schedule.page.ts";
import { daySchedule } from "./schedule.store.ts";

const T = STAFF_TEXTS.schedule;
const OK: Record<string, string> = { marked: T.marked, cancelled: T.cancelled, rescheduled: T.rescheduled };

export function mountSchedule(router: StaffRouter): void {
  router.get("/staff/schedule", async (ctx) => {
    const view = await scheduleView(ctx);
    if (!view) return;
    const ok = OK[query(ctx.req).ok ?? ""];
    ctx.page(200, { title: T.title, nav: "schedule", notice: ok ? { kind: "ok", text: ok } : null, body: scheduleBody(view) });
  });
  router.get("/staff/schedule/print", async (ctx) => {
    const view = await scheduleView(ctx);
    if (view) ctx.page(200, { title: `${T.title} ${view.location.name}`, bare: true, body: schedulePrintBody(view) });
  });
  router.post("/staff/appointments/:id/attendance", markAttendance);
  router.post("/staff/appointments/:id/cancel", cancel);
  router.get("/staff/appointments/:id/reschedule", showReschedule);
  router.post("/staff/appointments/:id/reschedule", reschedule);
}

/** The requested location and day, or the member's first location and today; null after a 404. */
async function scheduleView(ctx: Ctx): Promise<ScheduleView | null> {
  const q = query(ctx.req);
  const locations = ownLocations(ctx);
  const location = pickLocation(ctx, locations, q.location);
  if (!location) {
    errorPage(ctx.env, ctx.res, 404, STAFF_TEXTS.errors.notFound, ctx.account);
    return null;
  }
  const now = ctx.env.now();
  const today = ctx.env.fmt.today(now);
  const date = q.date && ISO_DATE.test(q.date) ? q.date : today;
  const entries = await daySchedule(ctx.env.sql, location.id, date);
  return { location, locations, date, today, now, entries, csrf: ctx.session.csrfToken, fmt: ctx.env.fmt };
}

function pickLocation(ctx: Ctx, own: LocationConfig[], requested: string | undefined): LocationConfig | null {
  if (!requested) return own[0] ?? null;
  const location = own.find((l) => l.id === requested);
  if (!location && ctx.env.core.config.locations.some((l) => l.id === requested)) {
    void ctx.audit({ action: "forbidden", locationId: requested, outcome: "FORBIDDEN", data: { attempted: "schedule" } });
  }
  return location ?? null;
}

function backTo(ctx: Ctx, ok: string): string {
  const back = safeNext(ctx.form.back);
  return `${back}${back.includes("?") ? "&" : "?"}ok=${ok}`;
}

async function markAttendance(ctx: Ctx): Promise<void> {
  const status = ctx.form.status;
  if (status !== "attended" && status !== "no_show") return errorPage(ctx.env, ctx.res, 400, STAFF_TEXTS.errors.badInput, ctx.account);
  const action = status === "attended" ? "mark_attended" : "mark_no_show";
  const a = await loadOwnAppointment(ctx, ctx.params.id, action);
  if (!a) return;
  const result = await ctx.env.core.attendance.mark({ appointmentId: a.id, status, actor: ctx.actor });
  await ctx.audit({ action, appointmentId: a.id, locationId: a.locationId, outcome: result.ok ? "ok" : result.code });
  if (!result.ok) {
    // Staff wording for a no-show marked before the start.
    const text = result.code === "NOT_STARTED" ? T.noShowTooEarly : errorText(result.code);
    return failPage(ctx, result.code === "FORBIDDEN" ? 403 : 409, text);
  }
  redirect(ctx.res, backTo(ctx, "marked") + `#a-${a.id}`);
}

async function cancel(ctx: Ctx): Promise<void> {
  const a = await loadOwnAppointment(ctx, ctx.params.id, "cancel");
  if (!a) return;
  const token = await ctx.env.core.bookings.linkToken(a.id);
  const result = token ? await ctx.env.core.bookings.cancel({ token }, ctx.actor, { source: `staff:${ctx.account.id}` }) : null;
  const outcome = !result ? "NOT_FOUND" : result.ok ? "ok" : result.code;
  await ctx.audit({ action: "cancel", appointmentId: a.id, locationId: a.locationId, outcome });
  if (!result?.ok) return failPage(ctx, 409, result ? errorText(result.code) : STAFF_TEXTS.errors.notFound);
  redirect(ctx.res, backTo(ctx, "cancelled"));
}

async function showReschedule(ctx: Ctx, notice: Notice | null = null, status = 200): Promise<void> {
  const a = await loadOwnAppointment(ctx, ctx.params.id, "reschedule");
  if (!a) return;
  const q = query(ctx.req);
  const from = q.from && ISO_DATE.test(q.from) ? q.from : ctx.env.fmt.today(ctx.env.now());
  const { slots } = await ctx.env.core.slots.search({
    services: a.services, locations: [a.locationId], pool: "staff", limit: 10, dateRanges: [{ from, to: null }],
    excludeSlots: [{ locationId: a.locationId, start: a.start }],
  });
  ctx.page(status, { title: STAFF_TEXTS.reschedule.title, nav: "schedule", notice, body: reschedulePage({ appointment: a, slots, from, csrf: ctx.session.csrfToken, fmt: ctx.env.fmt }) });
}

async function reschedule(ctx: Ctx): Promise<void> {
  const a = await loadOwnAppointment(ctx, ctx.params.id, "reschedule");
  if (!a) return;
  const slot = parseSlotValue(ctx, ctx.form.slot);
  if (!slot || !mayAccess(ctx.account, slot.locationId)) {
    await ctx.audit({ action: "reschedule", appointmentId: a.id, locationId: a.locationId, outcome: "FORBIDDEN" });
    return showReschedule(ctx, { kind: "error", text: STAFF_TEXTS.errors.badInput }, 400);
  }
  const token = await ctx.env.core.bookings.linkToken(a.id);
  const result = token ? await ctx.env.core.bookings.reschedule({ token }, slot, ctx.actor, { source: `staff:${ctx.account.id}` }) : null;
  const outcome = !result ? "NOT_FOUND" : result.ok ? "ok" : result.code;
  await ctx.audit({ action: "reschedule", appointmentId: a.id, locationId: a.locationId, outcome, data: result?.ok ? { newId: result.appointment.id, movedTo: slot.start } : undefined });
  if (!result?.ok) return showReschedule(ctx, { kind: "error", text: result ? errorText(result.code) : STAFF_TEXTS.errors.notFound }, 409);
  const date = ctx.env.fmt.today(new Date(result.appointment.start));
  redirect(ctx.res, `/staff/schedule?location=${result.appointment.locationId}&date=${date}&ok=rescheduled#a-${result.appointment.id}`);
}

function failPage(ctx: Ctx, status: number, text: string): void {
  const body = html`<p><a href="${safeNext(ctx.form.back)}">${STAFF_TEXTS.confirmation.back}</a></p>`;
  ctx.page(status, { title: T.title, nav: "schedule", notice: { kind: "error", text }, body });
}
