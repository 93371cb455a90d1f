/** Shared helpers for `npm run bench`: throw-away databases, percentiles, a bounded worker pool. */
import postgres from "postgres";
import { randomBytes } from "node:crypto";
import { openDatabase, type Database } from "../core/store/database.ts";
import { migrate } from "../core/store/migrate.ts";

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface BenchDb extends Database {
  url?: string;
}

export async function serverAvailable(): Promise<boolean> {
  const probe = postgres(BENCH_DATABASE_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

/** A fresh, migrated database: on the PostgreSQL server (dropped on close) or embedded in memory. */
export async function freshDatabase(kind: "postgres" | "pglite", max = 32): Promise<BenchDb> {
  if (kind === "pglite") {
    const db = await openDatabase({});
    await migrate(db.sql);
    return db;
  }
  const admin = postgres(BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
  const name = `ta_bench_${randomBytes(5).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), max });
  await migrate(db.sql);
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 1 });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Run `count` jobs with at most `concurrency` at once; returns each job's latency in ms. */
export async function pool(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await job(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}
