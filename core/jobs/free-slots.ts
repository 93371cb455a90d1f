/**
 * The minute job that gives slots back: offers past their deadline pass to the next wish, holds
 * that ran out are released, and cancelled appointments whose delay is over go to the waiting
 * list first and are freed otherwise. Rows are claimed with FOR UPDATE SKIP LOCKED, so two
 * processes running this job at once split the work instead of doubling it.
 */
import type { Sql } from "postgres";
import type { JobDeps, JobInput, JobResult } from "./types.ts";

// Small batches: parallel runners share a burst of freed slots evenly, and each transaction stays short.
const BATCH = 25;

interface FreedRow {
  id: string;
  location_id: string;
  start: Date;
  end: Date;
}

export async function freeSlots({ now }: JobInput, deps: JobDeps): Promise<JobResult> {
  const offersExpired = await deps.waitlist.expireOffers({ now });
  const holdsExpired = await drain(deps, now, claimExpiredHolds, "hold", markExpired);
  const cancellationsReleased = await drain(deps, now, claimDueCancellations, "cancellation", markFreed);
  const wishesExpired = await deps.waitlist.expireWishes({ now });
  return { offersExpired, holdsExpired, cancellationsReleased, wishesExpired };
}

/** Claim a batch, free each row and offer its slot to the waiting list, one transaction per batch. */
async function drain(
  deps: JobDeps, now: Date, claim: (tx: Sql, now: Date) => Promise<FreedRow[]>, origin: string, free: (tx: Sql, id: string, now: Date) => Promise<unknown>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await deps.core.sql.begin(async (t) => {
      const tx = t as unknown as Sql;
      const rows = await claim(tx, now);
      for (const row of rows) {
        // Offer first: the waiting list's hold may take the very counter this row still occupies.
        await deps.waitlist.offerFreedSlot({ locationId: row.location_id, start: row.start, end: row.end }, { tx: t, now, origin });
        await free(tx, row.id, now);
      }
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

/** Plain holds that ran out (waiting-list holds end through their offer, see expireOffers). */
async function claimExpiredHolds(tx: Sql, now: Date): Promise<FreedRow[]> {
  return tx<FreedRow[]>`
    select id, location_id, lower(during) as start, upper(during) as end from appointment a
    where status = 'held' and active and hold_expires_at <= ${now}
      and not exists (select 1 from waitlist_offer o where o.appointment_id = a.id and o.status = 'offered')
    order by hold_expires_at limit ${BATCH} for update skip locked`;
}

async function claimDueCancellations(tx: Sql, now: Date): Promise<FreedRow[]> {
  return tx<FreedRow[]>`
    select id, location_id, lower(during) as start, upper(during) as end from appointment
    where status = 'cancelled' and active and release_at <= ${now}
    order by release_at limit ${BATCH} for update skip locked`;
}

async function markExpired(tx: Sql, id: string, now: Date): Promise<void> {
  await tx`
    with changed as (update appointment set status = 'expired', active = false, updated_at = ${now} where id = ${id} and status = 'held' returning id)
    insert into appointment_event (appointment_id, at, kind, actor) select id, ${now}, 'expired', 'system:free-slots' from changed`;
}

async function markFreed(tx: Sql, id: string, now: Date): Promise<void> {
  await tx`
    with changed as (update appointment set active = false, updated_at = ${now} where id = ${id} and status = 'cancelled' returning id)
    insert into appointment_event (appointment_id, at, kind, actor) select id, ${now}, 'released', 'system:free-slots' from changed`;
}
