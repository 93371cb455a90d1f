/**
 * Registering, reading, withdrawing and expiring wishes, and the per-location figures for staff.
 * One wish per person and service: the person is the e-mail address (or, for chat-only wishes,
 * the conversation), pseudonymised with the server secret like the core's e-mail hash.
 */
import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";
import type { Result } from "../bookings/types.ts";
import { fail } from "../errors.ts";
import { checkServices, offersAll } from "../slots/request.ts";
import { checkContact } from "../bookings/bookings.ts";
import { sha256 } from "../bookings/secrets.ts";
import { localDate } from "../calendar/time.ts";
import { newLinkToken, type WaitlistContext } from "./context.ts";
import { lookupToken } from "./guard.ts";
import { findOpenOfferOfWish } from "./offer.store.ts";
import { endOffer } from "./respond-offer.ts";
import { closeWish, findWishById, findWishByTokenHash, toMultirange, toWish } from "./wish.store.ts";
import type { CallOptions, Wish, WishInput, WaitlistStats } from "./types.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a wish before anything is stored; returns the total duration. */
function checkWish(ctx: WaitlistContext, input: WishInput, today: string) {
  const services = checkServices(ctx.config, input.services ?? []);
  if (!services.ok) return services;
  const locations = input.locations ?? [];
  const unknown = locations.find((id) => !ctx.config.locations.some((l) => l.id === id));
  if (unknown) return fail("UNKNOWN_LOCATION", { locationId: unknown });
  const candidates = ctx.config.locations.filter((l) => (!locations.length || locations.includes(l.id)) && offersAll(l, input.services));
  if (!candidates.length) return fail("SERVICE_NOT_OFFERED");
  const weekdaysOk = (input.weekdays ?? []).every((d) => Number.isInteger(d) && d >= 1 && d <= 7);
  const timesOk = (input.timeRanges ?? []).every((r) => Number.isInteger(r.from) && Number.isInteger(r.to) && r.from >= 0 && r.from <= r.to && r.to <= 1440);
  const dateOk = ISO_DATE.test(input.latestDate ?? "") && !Number.isNaN(Date.parse(input.latestDate)) && input.latestDate >= today;
  if (!weekdaysOk || !timesOk || !dateOk) return fail("INVALID_DATE");
  const email = input.contact?.email?.trim() || null;
  if (!input.contact || !checkContact({ name: input.contact.name, email }) || (!email && !input.conversationKey)) return fail("INVALID_CONTACT");
  return { ok: true as const, durationMinutes: services.durationMinutes, email };
}

export async function registerWish(ctx: WaitlistContext, input: WishInput, opts?: CallOptions): Promise<Result<{ wish: Wish; token: string; position: number }>> {
  const now = ctx.now(opts);
  const checked = checkWish(ctx, input, localDate(now, ctx.config.city.timezone));
  if (!checked.ok) return checked;
  const person = ctx.secrets.emailHash(checked.email ?? `chat:${input.conversationKey}`);
  const serviceIds = [...new Set(input.services.map((s) => s.id))];
  const token = newLinkToken();
  const id = randomUUID();
  return ctx.inTx(opts, async (tx) => {
    // Serialises two registrations of one person, so the duplicate check below cannot race.
    await tx`select pg_advisory_xact_lock(hashtext(${person}))`;
    const [dupe] = await tx`select wish_id from waitlist_wish_key where person_hash = ${person} and service_id = any(${serviceIds}::text[]) limit 1`;
    if (dupe) return fail("WAITLIST_DUPLICATE");
    await tx`
      insert into waitlist_wish (id, token_hash, status, services, service_ids, duration_minutes, locations, weekdays, time_windows,
        latest_date, channel, name, email, conversation_key, person_hash, created_at, updated_at)
      values (${id}, ${sha256(token)}, 'open', ${tx.json(input.services as never)}, ${serviceIds}::text[], ${checked.durationMinutes},
        ${input.locations ?? []}::text[], ${input.weekdays ?? []}::smallint[], ${toMultirange(input.timeRanges)}::int4multirange,
        ${input.latestDate}::date, ${input.channel}, ${input.contact.name.trim()}, ${checked.email}, ${input.conversationKey ?? null}, ${person}, ${now}, ${now})`;
    await tx`insert into waitlist_wish_key (person_hash, service_id, wish_id) select ${person}, unnest(${serviceIds}::text[]), ${id}`;
    const [{ ahead }] = (await tx`select count(*)::int as ahead from waitlist_wish w, waitlist_wish me
      where me.id = ${id} and w.status = 'open' and w.seq < me.seq and w.service_ids && me.service_ids`) as unknown as [{ ahead: number }];
    ctx.log.info({ action: "wish_registered", wishId: id }, "waiting-list wish registered");
    return { ok: true as const, wish: toWish((await findWishById(tx, id))!), token, position: ahead + 1 };
  });
}

export async function getWish(ctx: WaitlistContext, token: string, opts?: CallOptions): Promise<Result<{ wish: Wish }>> {
  const found = await lookupToken(ctx.sql, token, opts?.source, ctx.now(opts), (hash) => findWishByTokenHash(ctx.sql, hash));
  return found.ok ? { ok: true, wish: toWish(found.row) } : found;
}

/** The citizen withdraws: personal data goes now; a slot held for the wish goes to the next one. */
export async function withdrawWish(ctx: WaitlistContext, token: string, opts?: CallOptions): Promise<Result<{}>> {
  const now = ctx.now(opts);
  return ctx.inTx(opts, async (tx) => {
    const found = await lookupToken(tx, token, opts?.source, now, (hash) => findWishByTokenHash(tx, hash, true));
    if (!found.ok) return found;
    if (found.row.status !== "open" && found.row.status !== "offered") return fail("WISH_CLOSED");
    await closeWish(tx, found.row.id, "withdrawn", now);
    const offer = await findOpenOfferOfWish(tx, found.row.id);
    if (offer) await endOffer(ctx, tx, offer, "withdrawn", null, now);
    return { ok: true as const };
  });
}

/** Open wishes whose latest date has passed close as expired, personal data cleared in the same statement. */
export async function expireWishes(ctx: WaitlistContext, opts?: CallOptions): Promise<number> {
  const now = ctx.now(opts);
  const today = localDate(now, ctx.config.city.timezone);
  return ctx.inTx(opts, async (tx: Sql) => {
    const gone = await tx<{ id: string }[]>`
      update waitlist_wish set status = 'expired', closed_at = ${now}, updated_at = ${now},
        name = null, email = null, conversation_key = null, person_hash = null
      where status = 'open' and latest_date < ${today}::date returning id`;
    if (gone.length) await tx`delete from waitlist_wish_key where wish_id = any(${gone.map((g) => g.id)}::uuid[])`;
    return gone.length;
  });
}

export async function waitlistStats(ctx: WaitlistContext, locationId: string): Promise<WaitlistStats> {
  const location = ctx.config.locations.find((l) => l.id === locationId);
  const [row] = await ctx.sql<{ waiting: number; offered: number; matched: number; declined: number; expired: number }[]>`
    select
      (select count(*)::int from waitlist_wish where status = 'open' and (cardinality(locations) = 0 or ${locationId} = any(locations))
         and service_ids <@ ${location?.services ?? []}::text[]) as waiting,
      count(*) filter (where status = 'offered')::int as offered,
      count(*) filter (where status = 'accepted')::int as matched,
      count(*) filter (where status = 'declined')::int as declined,
      count(*) filter (where status = 'expired')::int as expired
    from waitlist_offer where location_id = ${locationId}`;
  return { locationId, ...row! };
}
