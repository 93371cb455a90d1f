/** SQL for waiting-list offers. */
import type { Sql } from "postgres";
import type { OfferStatus } from "./types.ts";

export interface OfferRow {
  id: string;
  wish_id: string;
  appointment_id: string | null;
  status: OfferStatus;
  location_id: string;
  starts_at: Date;
  deadline: Date;
}

const COLUMNS = "id, wish_id, appointment_id, status, location_id, starts_at, deadline";

export async function findOfferByTokenHash(sql: Sql, tokenHash: string, forUpdate = false): Promise<OfferRow | null> {
  const rows = await sql.unsafe<OfferRow[]>(`select ${COLUMNS} from waitlist_offer where token_hash = $1 ${forUpdate ? "for update" : ""}`, [tokenHash]);
  return rows[0] ?? null;
}

export async function findOpenOfferOfWish(sql: Sql, wishId: string): Promise<OfferRow | null> {
  const rows = await sql.unsafe<OfferRow[]>(`select ${COLUMNS} from waitlist_offer where wish_id = $1 and status = 'offered' for update`, [wishId]);
  return rows[0] ?? null;
}

/** Offers past their deadline, claimed so that two job runners never expire the same one. */
export async function claimDueOffers(sql: Sql, now: Date, limit: number): Promise<OfferRow[]> {
  return sql.unsafe<OfferRow[]>(
    `select ${COLUMNS} from waitlist_offer where status = 'offered' and deadline <= $1 order by deadline limit $2 for update skip locked`,
    [now, limit],
  );
}

export interface NewOffer {
  id: string;
  wishId: string;
  appointmentId: string;
  tokenHash: string;
  locationId: string;
  startsAt: Date;
  deadline: Date;
  source: string;
  now: Date;
}

/** Records the offer and marks its wish offered, in one round trip. */
export async function insertOffer(sql: Sql, o: NewOffer): Promise<void> {
  await sql`
    with offer as (
      insert into waitlist_offer (id, wish_id, appointment_id, token_hash, status, location_id, starts_at, deadline, source, created_at)
      values (${o.id}, ${o.wishId}, ${o.appointmentId}, ${o.tokenHash}, 'offered', ${o.locationId}, ${o.startsAt}, ${o.deadline}, ${o.source}, ${o.now})
      returning wish_id
    )
    update waitlist_wish set status = 'offered', updated_at = ${o.now} where id = (select wish_id from offer)`;
}

/**
 * Close an offer. Its unsent notification goes too: a mail with a dead link helps nobody, and
 * the payload holds the citizen's address.
 */
export async function closeOffer(sql: Sql, id: string, status: Exclude<OfferStatus, "offered">, now: Date): Promise<void> {
  await sql`update waitlist_offer set status = ${status}, decided_at = ${now} where id = ${id}`;
  if (status !== "accepted") {
    await sql`delete from notification where kind = 'waitlist_offer' and status = 'pending' and payload->>'offerId' = ${id}`;
  }
}

/**
 * Stop a held offer occupying its counter; returns the freed interval, or null when the hold
 * was already gone (expired by the hold job, or confirmed).
 */
export async function releaseHeldAppointment(sql: Sql, appointmentId: string | null, now: Date): Promise<{ start: Date; end: Date } | null> {
  if (!appointmentId) return null;
  const rows = await sql<{ start: Date; end: Date }[]>`
    update appointment set status = 'expired', active = false, hold_expires_at = null, updated_at = ${now}
    where id = ${appointmentId} and status in ('held', 'expired')
    returning lower(during) as start, upper(during) as end`;
  return rows[0] ?? null;
}
