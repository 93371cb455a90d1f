/**
 * Wrong link tokens count against their source (like the core's booking codes), so nobody can
 * walk the token space; a right token is never slowed down.
 */
import type { Sql } from "postgres";
import { isBlocked, recordFailure } from "../rate-limit.ts";
import { fail } from "../errors.ts";
import { sha256 } from "../bookings/secrets.ts";

const GUESS_LIMIT = { max: 10, windowMs: 15 * 60_000 };

export function plausibleToken(token: unknown): token is string {
  return typeof token === "string" && token.length >= 20 && token.length <= 100;
}

/** Looks a token up by its hash; a miss is recorded against `source`. */
export async function lookupToken<T>(
  sql: Sql, token: string, source: string | undefined, now: Date, find: (hash: string) => Promise<T | null>,
): Promise<{ ok: true; row: T } | ReturnType<typeof fail<"NOT_FOUND" | "TOO_MANY_ATTEMPTS">>> {
  const key = `waitlist:${source ?? "anonymous"}`;
  if (await isBlocked(sql, key, GUESS_LIMIT, now)) return fail("TOO_MANY_ATTEMPTS");
  const row = plausibleToken(token) ? await find(sha256(token)) : null;
  if (row) return { ok: true, row };
  await recordFailure(sql, key, GUESS_LIMIT, now);
  return fail("NOT_FOUND");
}
