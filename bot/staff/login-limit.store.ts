/**
 * Sign-in rate limiting in the database, so the limit holds across processes and restarts:
 * failed attempts per account and per client address within a sliding window.
 */
import type { Sql } from "postgres";

export interface LoginLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowMinutes: number;
}

const keysOf = (username: string, ip: string) => ({ account: `account:${username.toLowerCase()}`, ip: `ip:${ip}` });

export async function isLoginBlocked(sql: Sql, username: string, ip: string, now: Date, limits: LoginLimits): Promise<boolean> {
  const keys = keysOf(username, ip);
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
  const [row] = await sql<{ account: number; ip: number }[]>`
    select count(*) filter (where key = ${keys.account})::int as account, count(*) filter (where key = ${keys.ip})::int as ip
    from staff_login_attempt where key in (${keys.account}, ${keys.ip}) and at > ${since}`;
  return row!.account >= limits.maxFailuresPerAccount || row!.ip >= limits.maxFailuresPerIp;
}

export async function recordLoginFailure(sql: Sql, username: string, ip: string, now: Date, limits: LoginLimits): Promise<void> {
  const keys = keysOf(username, ip);
  await sql`insert into staff_login_attempt (key, at) values (${keys.account}, ${now}), (${keys.ip}, ${now})`;
  await sql`delete from staff_login_attempt where at <= ${new Date(now.getTime() - limits.windowMinutes * 60_000)}`;
}

/** A successful sign-in forgives the account's failures (not the address's). */
export async function clearAccountFailures(sql: Sql, username: string): Promise<void> {
  await sql`delete from staff_login_attempt where key = ${keysOf(username, "").account}`;
}
