/**
 * Fixed-window counters in the database, shared by every process: used against guessing codes.
 * Only failures are counted, so a citizen who types the right code is never slowed down.
 */
import type { Sql } from "postgres";

export interface Limit {
  max: number;
  windowMs: number;
}

export async function isBlocked(sql: Sql, key: string, limit: Limit, now: Date): Promise<boolean> {
  const [row] = await sql<{ hits: number }[]>`
    select hits from rate_limit where key = ${key} and window_start > ${new Date(now.getTime() - limit.windowMs)}`;
  return (row?.hits ?? 0) >= limit.max;
}

export async function recordFailure(sql: Sql, key: string, limit: Limit, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - limit.windowMs);
  await sql`
    insert into rate_limit (key, window_start, hits) values (${key}, ${now}, 1)
    on conflict (key) do update set
      hits = case when rate_limit.window_start <= ${windowStart} then 1 else rate_limit.hits + 1 end,
      window_start = case when rate_limit.window_start <= ${windowStart} then ${now} else rate_limit.window_start end`;
}
