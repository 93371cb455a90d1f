/**
 * The citizen answers an offer (accept / decline) or lets it run out. Whatever ends an offer
 * without a booking passes the slot on to the next matching wish in the same transaction, so a
 * declined slot is never held for nobody.
 */
import type { Sql } from "postgres";
import type { BookedAppointment, Result } from "../bookings/types.ts";
import { fail } from "../errors.ts";
import type { WaitlistContext } from "./context.ts";
import { lookupToken } from "./guard.ts";
import { claimDueOffers, closeOffer, findOfferByTokenHash, releaseHeldAppointment, type OfferRow } from "./offer.store.ts";
import { offerFreedSlot } from "./offer-slot.ts";
import { closeWish, findWishById } from "./wish.store.ts";
import type { CallOptions, Offer } from "./types.ts";

const EXPIRE_BATCH = 50;

/** Close `offer` without a booking; its wish closes with `wishStatus` (null = the caller closes it). */
export async function endOffer(
  ctx: WaitlistContext, tx: Sql, offer: OfferRow, status: "declined" | "expired" | "withdrawn", wishStatus: "declined" | "expired" | null, now: Date,
): Promise<void> {
  await closeOffer(tx, offer.id, status, now);
  if (wishStatus) await closeWish(tx, offer.wish_id, wishStatus, now);
  const freed = await releaseHeldAppointment(tx, offer.appointment_id, now);
  ctx.log.info({ action: `offer_${status}`, offerId: offer.id, wishId: offer.wish_id }, "waiting-list offer ended");
  if (freed) await offerFreedSlot(ctx, { locationId: offer.location_id, ...freed }, { tx: tx as never, now, origin: "reoffer" });
}

async function lockOffer(ctx: WaitlistContext, tx: Sql, token: string, opts: CallOptions | undefined, now: Date) {
  const found = await lookupToken(tx, token, opts?.source, now, (hash) => findOfferByTokenHash(tx, hash, true));
  if (!found.ok) return found;
  if (found.row.status !== "offered") return fail("OFFER_CLOSED");
  if (found.row.deadline.getTime() <= now.getTime()) {
    await endOffer(ctx, tx, found.row, "expired", "expired", now);
    return fail("OFFER_EXPIRED");
  }
  return found;
}

export async function getOffer(ctx: WaitlistContext, token: string, opts?: CallOptions): Promise<Result<{ offer: Offer }>> {
  const now = ctx.now(opts);
  const found = await lookupToken(ctx.sql, token, opts?.source, now, (hash) => findOfferByTokenHash(ctx.sql, hash));
  if (!found.ok) return found;
  const o = found.row;
  const appointment = o.appointment_id ? await ctx.core.bookings.get(o.appointment_id) : null;
  const status = o.status === "offered" && o.deadline.getTime() <= now.getTime() ? "expired" : o.status;
  return { ok: true, offer: { id: o.id, status, wishId: o.wish_id, appointment, deadline: o.deadline.toISOString() } };
}

/** Accepting is the core's confirm of the hold (the offer token is the hold token): same limits, same notifications. */
export async function acceptOffer(ctx: WaitlistContext, token: string, opts?: CallOptions): Promise<Result<{ appointment: BookedAppointment }>> {
  const now = ctx.now(opts);
  return ctx.inTx(opts, async (tx) => {
    const found = await lockOffer(ctx, tx, token, opts, now);
    if (!found.ok) return found;
    const offer = found.row;
    const wish = await findWishById(tx, offer.wish_id, true);
    if (!wish || !offer.appointment_id) return fail("OFFER_CLOSED");
    const confirmed = await ctx.core.bookings.confirm(
      { appointmentId: offer.appointment_id, holdToken: token, contact: { name: wish.name ?? "", email: wish.email }, actor: { kind: "citizen", channel: wish.channel } },
      { tx: tx as never },
    );
    if (!confirmed.ok) return confirmed;
    await closeOffer(tx, offer.id, "accepted", now);
    await closeWish(tx, wish.id, "matched", now);
    ctx.log.info({ action: "offer_accepted", offerId: offer.id, appointmentId: offer.appointment_id }, "waiting-list offer accepted");
    return { ok: true as const, appointment: confirmed.appointment };
  });
}

export async function declineOffer(ctx: WaitlistContext, token: string, opts?: CallOptions): Promise<Result<{}>> {
  const now = ctx.now(opts);
  return ctx.inTx(opts, async (tx) => {
    const found = await lockOffer(ctx, tx, token, opts, now);
    if (!found.ok) return found;
    await endOffer(ctx, tx, found.row, "declined", "declined", now);
    return { ok: true as const };
  });
}

/** Offers past their deadline, in batches; each slot goes straight to the next wish. */
export async function expireOffers(ctx: WaitlistContext, opts?: CallOptions): Promise<number> {
  const now = ctx.now(opts);
  let total = 0;
  for (;;) {
    const n = await ctx.inTx(opts, async (tx) => {
      const due = await claimDueOffers(tx, now, EXPIRE_BATCH);
      for (const offer of due) await endOffer(ctx, tx, offer, "expired", "expired", now);
      return due.length;
    });
    total += n;
    if (n < EXPIRE_BATCH) return total;
  }
}
