/**
 * Booking on behalf of a caller or walk-in: the citizens' search, with the staff-only and (on
 * request) the emergency capacity; e-mail optional. The core queues the confirmation mail itself.
 */
import { errorText } from "../../templates/de/errors.ts";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import { mayAccess } from "./account.store.ts";
import { loadOwnAppointment, ownLocations, parseSlotValue } from "./access.ts";
import { errorPage, type Ctx, type StaffRouter } from "./context.ts";
import { ISO_DATE } from "./format.ts";
import { query, redirect } from "./http.ts";
import type { Notice } from "./layout.page.ts";
import { bookBody, confirmationBody, type BookQuery } from "./book.page.ts";

const T = STAFF_TEXTS.book;

export function mountBook(router: StaffRouter): void {
  router.get("/staff/book", async (ctx) => {
    const q = readQuery(ctx, query(ctx.req));
    if (!q) return errorPage(ctx.env, ctx.res, 404, STAFF_TEXTS.errors.notFound, ctx.account);
    await showBook(ctx, q, "service" in query(ctx.req), null, 200);
  });
  router.post("/staff/book", book);
  router.get("/staff/appointments/:id/confirmation", async (ctx) => {
    const a = await loadOwnAppointment(ctx, ctx.params.id, "print_confirmation");
    if (!a) return;
    await ctx.audit({ action: "print_confirmation", appointmentId: a.id, locationId: a.locationId, outcome: "ok" });
    const mailed = !!a.contact?.email;
    ctx.page(200, { title: STAFF_TEXTS.confirmation.title, nav: "book", body: confirmationBody(a, ctx.env.core.config, ctx.env.fmt, mailed) });
  });
}

/** The search parameters, defaulted; null when the location is not the member's. */
function readQuery(ctx: Ctx, input: Record<string, string>): BookQuery | null {
  const own = ownLocations(ctx);
  const location = input.location ?? own[0]?.id;
  if (!location || !own.some((l) => l.id === location)) return null;
  const offered = ctx.env.core.config.locations.find((l) => l.id === location)!.services;
  const service = input.service && ctx.env.core.config.services.some((s) => s.id === input.service) ? input.service : offered[0]!;
  const count = Math.min(Math.max(1, Math.floor(Number(input.count) || 1)), 20);
  const today = ctx.env.fmt.today(ctx.env.now());
  const from = input.from && ISO_DATE.test(input.from) && input.from >= today ? input.from : today;
  return { location, service, count, from, emergency: input.emergency === "1" };
}

async function showBook(ctx: Ctx, q: BookQuery, search: boolean, notice: Notice | null, status: number, contact = { name: "", phone: "", email: "" }): Promise<void> {
  let slots = null;
  if (search) {
    const result = await ctx.env.core.slots.search({
      services: [{ id: q.service, count: q.count }], locations: [q.location], pool: "staff", includeEmergency: q.emergency,
      dateRanges: [{ from: q.from, to: null }], limit: 12,
    });
    slots = result.slots;
    if (!slots.length && result.explanation?.reason === "NOT_OFFERED") notice ??= { kind: "error", text: errorText("SERVICE_NOT_OFFERED") };
  }
  const body = bookBody({ q, locations: ownLocations(ctx), services: ctx.env.core.config.services, slots, contact, csrf: ctx.session.csrfToken, fmt: ctx.env.fmt });
  ctx.page(status, { title: T.title, nav: "book", notice, body });
}

async function book(ctx: Ctx): Promise<void> {
  const f = ctx.form;
  const q = readQuery(ctx, f);
  const slot = parseSlotValue(ctx, f.slot);
  if (!q || !slot || !mayAccess(ctx.account, slot.locationId)) {
    await ctx.audit({ action: "book", locationId: slot?.locationId ?? f.location ?? null, outcome: "FORBIDDEN" });
    return errorPage(ctx.env, ctx.res, 404, STAFF_TEXTS.errors.notFound, ctx.account);
  }
  const contact = { name: (f.name ?? "").trim(), phone: (f.phone ?? "").trim(), email: (f.email ?? "").trim() };
  const result = await ctx.env.core.bookings.book({
    slot, services: [{ id: q.service, count: q.count }], actor: ctx.actor, includeEmergency: q.emergency,
    contact: { name: contact.name, phone: contact.phone || null, email: contact.email || null },
  });
  await ctx.audit({ action: "book", appointmentId: result.ok ? result.appointment.id : null, locationId: slot.locationId, outcome: result.ok ? "ok" : result.code, data: { emergency: q.emergency } });
  if (!result.ok) return showBook(ctx, q, true, { kind: "error", text: errorText(result.code) }, 409, contact);
  redirect(ctx.res, `/staff/appointments/${result.appointment.id}/confirmation`);
}
