/**
 * Giving a slot to the waiting list: the earliest-registered matching wish gets an offer, and the
 * slot is held for it (through the core's `occupy`, so the exclusion constraint and the counter
 * choice stay in one place) until the offer deadline. The citizen is told by e-mail and/or chat.
 */
import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";
import type { LocationConfig } from "../config/schema.ts";
import type { ISODate } from "../bookings/types.ts";
import { occupy } from "../bookings/occupy.ts";
import { sha256 } from "../bookings/secrets.ts";
import type { NewNotification } from "../notifications/outbox.ts";
import { isoWeekday, localDate, localMinutes } from "../calendar/time.ts";
import { SlotSearch } from "../slots/search.ts";
import { waitlistLinks } from "../links.ts";
import { newLinkToken, type WaitlistContext } from "./context.ts";
import { insertOffer } from "./offer.store.ts";
import { fromMultirange, lockEarliestMatch, openWishesFor, type WishRow } from "./wish.store.ts";
import type { CallOptions, FreedSlot } from "./types.ts";

const RELEASE_BATCH = 200;

/**
 * Offers close before the appointment's lead time and never run longer than `offerMs`.
 * Null when too little time is left to answer: then the slot is better left for direct booking.
 */
export function offerDeadline(ctx: WaitlistContext, start: Date, now: Date): Date | null {
  const lead = ctx.config.bookingRules.minLeadMinutes * 60_000;
  const deadline = Math.min(now.getTime() + ctx.offerMs, start.getTime() - lead);
  return deadline - now.getTime() >= ctx.minOfferMs ? new Date(deadline) : null;
}

function offerNotifications(ctx: WaitlistContext, wish: WishRow, offerId: string, token: string, deadline: Date): Omit<NewNotification, "appointmentId">[] {
  const payload = {
    offerId, wishId: wish.id, token, deadline: deadline.toISOString(),
    offerUrl: ctx.publicUrl ? waitlistLinks(ctx.publicUrl).offer(token) : null,
  };
  const out: Omit<NewNotification, "appointmentId">[] = [];
  if (wish.email) out.push({ kind: "waitlist_offer", channel: "mail", payload: { ...payload, to: wish.email, name: wish.name } });
  if (wish.conversation_key) out.push({ kind: "waitlist_offer", channel: "chat", payload: { ...payload, conversationKey: wish.conversation_key } });
  return out;
}

/** Hold `start` for `wish` and record the offer; null when the slot cannot be held (taken meanwhile). */
export async function placeOffer(
  ctx: WaitlistContext, tx: Sql, wish: WishRow, location: LocationConfig, start: Date, now: Date, source: string,
): Promise<{ offerId: string; wishId: string } | null> {
  const deadline = offerDeadline(ctx, start, now);
  if (!deadline) return null;
  const token = newLinkToken();
  const offerId = randomUUID();
  const held = await occupy(
    ctx.occupyDeps(now),
    {
      location, start: start.getTime(), durationMinutes: wish.duration_minutes, services: wish.services, status: "held",
      pool: "online", includeEmergency: false, channel: wish.channel, actor: "system:waitlist",
      conversationKey: wish.conversation_key, holdTokenHash: sha256(token), holdExpiresAt: deadline,
      notifications: offerNotifications(ctx, wish, offerId, token, deadline),
    },
    tx as never,
  );
  if (!held.ok) {
    ctx.log.debug({ action: "offer_not_placed", code: held.code, wishId: wish.id }, "slot could not be held");
    return null;
  }
  await insertOffer(tx, { id: offerId, wishId: wish.id, appointmentId: held.id, tokenHash: sha256(token), locationId: location.id, startsAt: start, deadline, source, now });
  ctx.log.info({ action: "offer_placed", offerId, wishId: wish.id, appointmentId: held.id, source }, "waiting-list offer placed");
  return { offerId, wishId: wish.id };
}

export async function offerFreedSlot(ctx: WaitlistContext, slot: FreedSlot, opts?: CallOptions & { origin?: string }) {
  const location = ctx.config.locations.find((l) => l.id === slot.locationId);
  const now = ctx.now(opts);
  if (!location || !offerDeadline(ctx, slot.start, now)) return null;
  const zone = ctx.config.city.timezone;
  const date = localDate(slot.start, zone);
  const facts = {
    locationId: location.id, locationServices: location.services, date, weekday: isoWeekday(date),
    lengthMinutes: Math.round((slot.end.getTime() - slot.start.getTime()) / 60_000), minute: localMinutes(slot.start, zone),
  };
  return ctx.inTx(opts, async (tx) => {
    const wish = await lockEarliestMatch(tx, facts);
    if (!wish) return null;
    // A cancellation or hold past its time already counts as free in the cached view; an offer
    // that ended early (declined, withdrawn) still looks busy there, so read the day afresh.
    if (opts?.origin === "reoffer") ctx.cache.invalidate(date);
    return placeOffer(ctx, tx, wish, location, slot.start, now, opts?.origin ?? "freed");
  });
}

/** The daily release: walk open wishes oldest first and hold each one a slot on `date` if one fits. */
export async function offerReleasedDate(ctx: WaitlistContext, date: ISODate, opts?: CallOptions): Promise<number> {
  const now = ctx.now(opts);
  const search = new SlotSearch(ctx.config, ctx.cache, () => now);
  ctx.cache.invalidate(date);
  let offered = 0;
  let cursor = "0";
  for (;;) {
    const wishes = await openWishesFor(ctx.sql, date, isoWeekday(date), cursor, RELEASE_BATCH);
    if (!wishes.length) return offered;
    for (const wish of wishes) {
      cursor = wish.seq;
      const query = { services: wish.services, locations: wish.locations, weekdays: wish.weekdays.map(Number), timeRanges: fromMultirange(wish.time_windows), dateRanges: [{ from: date, to: date }] };
      const [slot] = await search.scan(query, wish.duration_minutes, 1, false);
      if (!slot) continue;
      const location = ctx.config.locations.find((l) => l.id === slot.locationId)!;
      const placed = await ctx.sql.begin(async (tx) => {
        const [still] = await tx`select 1 from waitlist_wish where id = ${wish.id} and status = 'open' for update skip locked`;
        return still ? placeOffer(ctx, tx as unknown as Sql, wish, location, new Date(slot.start), now, "release") : null;
      });
      if (placed) offered++;
    }
  }
}
