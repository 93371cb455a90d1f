/**
 * One turn per conversation at a time, also across processes.
 *
 * BotState.saveChanges() writes with eTag "*", so two overlapping turns of one conversation lose an
 * update (Web Chat double-sends, messenger retries). An in-process queue orders the turns of this
 * process; a short lease row in `bot_turn_lease` orders them across processes.
 *
 * Why a lease row and not pg_advisory_xact_lock: the advisory lock must keep a transaction (and a
 * pooled connection) open for the whole turn. The embedded PGlite is a single session, so that open
 * transaction would block the turn's own queries; on PostgreSQL, 32 waiting turns would drain the pool.
 * The lease costs two short statements per turn and holds nothing in between.
 */
import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";

export interface TurnLock {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export class TurnLockTimeoutError extends Error {
  readonly code = "TURN_LOCK_TIMEOUT";
  constructor() {
    super("Another process kept this conversation busy for too long.");
    this.name = "TurnLockTimeoutError";
  }
}

export interface TurnLockOptions {
  /** Cross-process leases; absent = this process only (tests, single-process tools). */
  sql?: Sql;
  /** A crashed holder's lease frees the conversation after this long. */
  leaseSeconds?: number;
  /** How long a turn waits for another process before giving up. */
  waitMs?: number;
}

export function createTurnLock(options: TurnLockOptions = {}): TurnLock {
  const tails = new Map<string, Promise<void>>();
  const lease = options.sql ? createLease(options.sql, options.leaseSeconds ?? 30, options.waitMs ?? 15_000) : null;

  return {
    async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      const tail = previous.then(() => mine);
      tails.set(key, tail);
      await previous;
      try {
        return lease ? await lease(key, fn) : await fn();
      } finally {
        release();
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}

function createLease(sql: Sql, leaseSeconds: number, waitMs: number) {
  return async function withLease<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const holder = randomUUID();
    const deadline = Date.now() + waitMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      const rows = await sql`
        insert into bot_turn_lease (key, holder, lease_until)
        values (${key}, ${holder}, now() + make_interval(secs => ${leaseSeconds}))
        on conflict (key) do update set holder = excluded.holder, lease_until = excluded.lease_until
        where bot_turn_lease.lease_until < now()
        returning key`;
      if (rows.length > 0) break;
      if (Date.now() + pause > deadline) throw new TurnLockTimeoutError();
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    try {
      return await fn();
    } finally {
      await sql`delete from bot_turn_lease where key = ${key} and holder = ${holder}`;
    }
  };
}
