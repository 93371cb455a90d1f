/**
 * The approval queue. Decisions go through `core.approvals`, whose row lock makes the first
 * decision win; a slower colleague sees who decided and when.
 */
import type { Appointment, Slot } from "../../core/bookings/types.ts";
import type { ErrorCode } from "../../core/errors.ts";
import { errorText } from "../../templates/de/errors.ts";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import { mayAccess, usernamesOf } from "./account.store.ts";
import { loadOwnAppointment, parseSlotValue } from "./access.ts";
import type { Ctx, StaffRouter } from "./context.ts";
import { query, redirect } from "./http.ts";
import type { Notice } from "./layout.page.ts";
import { queueBody, type QueueItem } from "./queue.page.ts";

const T = STAFF_TEXTS.queue;

export function mountQueue(router: StaffRouter): void {
  router.get("/staff/queue", async (ctx) => {
    const ok = query(ctx.req).ok;
    const notice: Notice | null = ok === "approved" ? { kind: "ok", text: T.approved } : ok === "rejected" ? { kind: "ok", text: T.rejected } : null;
    await showQueue(ctx, 200, notice);
  });
  router.get("/staff", async (ctx) => redirect(ctx.res, "/staff/queue"));
  router.post("/staff/queue/:id/approve", approve);
  router.post("/staff/queue/:id/reject", reject);
}

async function showQueue(ctx: Ctx, status: number, notice: Notice | null): Promise<void> {
  const list = await ctx.env.core.approvals.list({ locations: ctx.actor.locations, status: "suggested" });
  // Defence in depth: even if the core's filter changed, a clerk never sees another location's suggestion.
  const own = list.filter((a) => mayAccess(ctx.account, a.locationId));
  const items: QueueItem[] = await Promise.all(own.map(async (a) => ({ appointment: a, alternatives: await alternativesFor(ctx, a) })));
  ctx.page(status, { title: T.title, nav: "queue", notice, body: queueBody(items, ctx.session.csrfToken, ctx.env.fmt) });
}

export async function alternativesFor(ctx: Ctx, a: Appointment, limit = 4): Promise<Slot[]> {
  const result = await ctx.env.core.slots.search({
    services: a.services,
    locations: [a.locationId],
    pool: "staff",
    limit,
    excludeSlots: [{ locationId: a.locationId, start: a.start }],
  });
  return result.slots;
}

async function approve(ctx: Ctx): Promise<void> {
  const a = await loadOwnAppointment(ctx, ctx.params.id, "approve");
  if (!a) return;
  const slot = ctx.form.slot === undefined ? undefined : parseSlotValue(ctx, ctx.form.slot);
  if (slot === null) return showQueue(ctx, 400, { kind: "error", text: T.chooseSlot });
  const result = await ctx.env.core.approvals.approve({ appointmentId: a.id, actor: ctx.actor, ...(slot ? { slot } : {}) });
  const data = slot ? { movedTo: slot.start, movedToLocation: slot.locationId } : undefined;
  await ctx.audit({ action: "approve", appointmentId: a.id, locationId: a.locationId, outcome: result.ok ? "ok" : result.code, data });
  if (result.ok) return redirect(ctx.res, "/staff/queue?ok=approved");
  await decisionFailed(ctx, a.id, result.code);
}

async function reject(ctx: Ctx): Promise<void> {
  const a = await loadOwnAppointment(ctx, ctx.params.id, "reject");
  if (!a) return;
  const message = (ctx.form.message ?? "").trim().slice(0, 2000);
  if (!message) return showQueue(ctx, 400, { kind: "error", text: T.rejectMissing });
  const result = await ctx.env.core.approvals.reject({ appointmentId: a.id, actor: ctx.actor, message });
  await ctx.audit({ action: "reject", appointmentId: a.id, locationId: a.locationId, outcome: result.ok ? "ok" : result.code });
  if (result.ok) return redirect(ctx.res, "/staff/queue?ok=rejected");
  await decisionFailed(ctx, a.id, result.code);
}

async function decisionFailed(ctx: Ctx, id: string, code: ErrorCode): Promise<void> {
  if (code !== "ALREADY_DECIDED") return showQueue(ctx, code === "FORBIDDEN" ? 403 : 409, { kind: "error", text: errorText(code) });
  const decided = await ctx.env.core.bookings.get(id);
  const staffId = decided?.decidedBy?.startsWith("staff:") ? decided.decidedBy.slice(6) : null;
  const names = await usernamesOf(ctx.env.sql, staffId ? [staffId] : []);
  const by = (staffId && names.get(staffId)) ?? "einer Kollegin oder einem Kollegen";
  const at = decided?.decidedAt ? `${ctx.env.fmt.time(decided.decidedAt)} Uhr` : "?";
  const outcome = decided?.status === "rejected" ? "abgelehnt" : "freigegeben";
  await showQueue(ctx, 409, { kind: "error", text: T.alreadyDecided(by, at, outcome) });
}
