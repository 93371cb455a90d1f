/**
 * One consumer per mailbox across processes. A lease row rather than a session advisory lock:
 * it works the same on PostgreSQL and on embedded PGlite (one shared session), and a crashed
 * holder is replaced once its lease runs out.
 */
import type { Sql } from "postgres";

export async function claimLease(sql: Sql, mailbox: string, owner: string, ttlMs: number): Promise<boolean> {
  const rows = await sql`
    insert into mail_consumer_lease (mailbox, owner, lease_until)
    values (${mailbox}, ${owner}, now() + make_interval(secs => ${ttlMs / 1000}))
    on conflict (mailbox) do update set owner = excluded.owner, lease_until = excluded.lease_until
      where mail_consumer_lease.owner = excluded.owner or mail_consumer_lease.lease_until < now()
    returning owner`;
  return rows.length > 0;
}

export async function releaseLease(sql: Sql, mailbox: string, owner: string): Promise<void> {
  await sql`delete from mail_consumer_lease where mailbox = ${mailbox} and owner = ${owner}`;
}
