/**
 * What every waiting-list use case shares: the core, its secret (the held appointment's link
 * token must be the one the core recreates), a private occupancy view and the offer settings.
 */
import { randomBytes } from "node:crypto";
import type { Sql, TransactionSql } from "postgres";
import type { Core } from "../core.ts";
import type { CityConfig } from "../config/schema.ts";
import { Secrets } from "../bookings/secrets.ts";
import type { OccupyDeps } from "../bookings/occupy.ts";
import { OccupancyCache } from "../slots/occupancy.ts";
import { createLogger, type Logger } from "../log.ts";
import type { CallOptions } from "./types.ts";

export interface WaitlistDeps {
  core: Core;
  /** The server secret the core was created with. */
  secret: string;
  /** Base of the citizen links put into offer notifications (e.g. https://termine.stadt.de). */
  publicUrl?: string | null;
  /** How long a citizen has to accept an offer (the slot is held that long). Default 24. */
  offerHours?: number;
  /** An offer needs at least this much time to answer; a slot freed later goes to direct booking. Default 60. */
  minOfferMinutes?: number;
  log?: Logger;
}

export interface WaitlistContext {
  core: Core;
  sql: Sql;
  config: CityConfig;
  secrets: Secrets;
  cache: OccupancyCache;
  publicUrl: string | null;
  offerMs: number;
  minOfferMs: number;
  log: Logger;
  occupyDeps(now: Date): OccupyDeps;
  now(opts?: CallOptions): Date;
  /** Run `work` in the caller's transaction or in a new one. */
  inTx<T>(opts: CallOptions | undefined, work: (tx: Sql) => Promise<T>): Promise<T>;
}

export function createContext(deps: WaitlistDeps): WaitlistContext {
  const sql = deps.core.sql;
  const secrets = new Secrets(deps.secret);
  // Our own view of busy counters: the TTL runs on real time, since offers invalidate what they change.
  const cache = new OccupancyCache(sql);
  const config = deps.core.config;
  return {
    core: deps.core,
    sql,
    config,
    secrets,
    cache,
    publicUrl: deps.publicUrl ?? null,
    offerMs: (deps.offerHours ?? 24) * 3_600_000,
    minOfferMs: (deps.minOfferMinutes ?? 60) * 60_000,
    log: deps.log ?? createLogger("waitlist"),
    occupyDeps: (now) => ({ config, sql, cache, secrets, now: () => now }),
    now: (opts) => opts?.now ?? deps.core.now(),
    inTx: (opts, work) => (opts?.tx ? work(opts.tx as unknown as Sql) : (sql.begin((tx) => work(tx as unknown as Sql)) as Promise<never>)),
  };
}

/** An unguessable link token (192 bits); only its SHA-256 is stored. */
export function newLinkToken(): string {
  return randomBytes(24).toString("base64url");
}

export type { TransactionSql };
