/**
 * Applies `migrations/NNN_name.sql` in order, each in its own transaction, once.
 * A session advisory lock keeps two starting processes from migrating at the same time.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Sql } from "postgres";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));
const LOCK_ID = 74_221_001;

export async function migrate(sql: Sql): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LOCK_ID})`;
    await tx`create table if not exists schema_migration (version text primary key, applied_at timestamptz not null default now())`;
    const done = new Set((await tx<{ version: string }[]>`select version from schema_migration`).map((r) => r.version));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      await tx.unsafe(readFileSync(MIGRATIONS_DIR + file, "utf8"));
      await tx`insert into schema_migration (version) values (${file})`;
      applied.push(file);
    }
    return applied;
  });
}
