/**
 * Fresh databases for tests: PGlite in memory, or a new throw-away database on the PostgreSQL
 * server (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test). With CI=true a
 * missing server is an error, never a silent skip.
 */
import postgres, { type Sql } from "postgres";
import { randomBytes } from "node:crypto";
import { openDatabase } from "../../core/store/database.ts";
import { migrate } from "../../core/store/migrate.ts";
import { createCore, loadCityConfig, type CityConfig, type Core } from "../../core/index.ts";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const IN_CI = process.env.CI === "true";
/** Monday 2026-11-23 10:00 Europe/Berlin: the reference "now" of the project. */
export const MONDAY_10 = new Date("2026-11-23T09:00:00Z");

export interface TestClock {
  now(): Date;
  set(instant: Date | string): void;
  advance(ms: number): void;
}

export function testClock(start: Date = MONDAY_10): TestClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set: (instant) => void (t = new Date(instant).getTime()),
    advance: (ms) => void (t += ms),
  };
}

export interface TestDb {
  kind: "pglite" | "postgres";
  sql: Sql;
  core: Core;
  clock: TestClock;
  config: CityConfig;
  /** A second core on its own connection pool, like a second process (PostgreSQL only). */
  secondCore?: () => Core;
  close(): Promise<void>;
}

let serverChecked: boolean | undefined;

/** Whether the PostgreSQL server answers; with CI=true a missing server throws. */
export async function postgresAvailable(): Promise<boolean> {
  if (serverChecked === undefined) {
    const probe = postgres(TEST_DATABASE_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
    try {
      await probe`select 1`;
      serverChecked = true;
    } catch {
      serverChecked = false;
    } finally {
      await probe.end({ timeout: 1 });
    }
  }
  if (!serverChecked && IN_CI) throw new Error(`PostgreSQL is required in CI but ${TEST_DATABASE_URL} does not answer`);
  return serverChecked;
}

export async function openTestDb(options: { kind: "pglite" | "postgres"; now?: Date; config?: CityConfig; max?: number } = { kind: "pglite" }): Promise<TestDb> {
  const clock = testClock(options.now);
  const config = options.config ?? loadCityConfig();
  const secret = "test-secret-" + randomBytes(8).toString("hex");
  if (options.kind === "pglite") {
    const db = await openDatabase({});
    await migrate(db.sql);
    const core = createCore({ config, sql: db.sql, secret, now: clock.now });
    return { kind: "pglite", sql: db.sql, core, clock, config, close: () => db.close() };
  }
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  const name = `ta_test_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), max: options.max ?? 10 });
  await migrate(db.sql);
  const core = createCore({ config, sql: db.sql, secret, now: clock.now });
  const extra: Sql[] = [];
  return {
    kind: "postgres",
    sql: db.sql,
    core,
    clock,
    config,
    secondCore() {
      const sql = postgres(url.toString(), { max: 10, onnotice: () => {} });
      extra.push(sql);
      return createCore({ config, sql, secret, now: clock.now });
    },
    async close() {
      await Promise.all(extra.map((s) => s.end({ timeout: 1 })));
      await db.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 1 });
    },
  };
}
