/**
 * The Terminagent: a waiting list in registration order that turns every freed or newly released
 * slot into an offer for the earliest matching wish.
 *
 * @example
 *   const waitlist = createWaitlist({ core, secret, publicUrl: "https://termine.stadt.de", offerHours: 24 });
 *   const r = await waitlist.register({ services: [{ id: "personalausweis", count: 1 }], latestDate: "2026-12-31",
 *     contact: { name: "Erika Mustermann", email: "erika@example.org" }, channel: "webchat" });
 */
import { createContext, type WaitlistDeps } from "./context.ts";
import { offerFreedSlot, offerReleasedDate } from "./offer-slot.ts";
import { acceptOffer, declineOffer, expireOffers, getOffer } from "./respond-offer.ts";
import { expireWishes, getWish, registerWish, waitlistStats, withdrawWish } from "./wishes.ts";
import type { Waitlist } from "./types.ts";

export function createWaitlist(deps: WaitlistDeps): Waitlist {
  const ctx = createContext(deps);
  return {
    register: (input, opts) => registerWish(ctx, input, opts),
    getWish: (token, opts) => getWish(ctx, token, opts),
    withdraw: (token, opts) => withdrawWish(ctx, token, opts),
    offerFreedSlot: (slot, opts) => offerFreedSlot(ctx, slot, opts),
    offerReleasedDate: (date, opts) => offerReleasedDate(ctx, date, opts),
    getOffer: (token, opts) => getOffer(ctx, token, opts),
    accept: (token, opts) => acceptOffer(ctx, token, opts),
    decline: (token, opts) => declineOffer(ctx, token, opts),
    expireOffers: (opts) => expireOffers(ctx, opts),
    expireWishes: (opts) => expireWishes(ctx, opts),
    stats: (locationId) => waitlistStats(ctx, locationId),
  };
}

export type { WaitlistDeps } from "./context.ts";
export type * from "./types.ts";
