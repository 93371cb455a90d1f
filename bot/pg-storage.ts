/**
 * botbuilder `Storage` on the `postgres` client (table `bot_state`, migration 020), with eTag
 * optimistic concurrency: a write with eTag "*" or none always wins, any other eTag must match.
 * The same code runs on PostgreSQL and on the embedded PGlite.
 */
import type { Storage, StoreItems } from "botbuilder";
import type { Sql, TransactionSql } from "postgres";

export class EtagConflictError extends Error {
  readonly code = "ETAG_CONFLICT";
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = "EtagConflictError";
  }
}

type Doc = Record<string, unknown>;

export class PgStorage implements Storage {
  constructor(private readonly sql: Sql) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError("Keys are required when reading.");
    if (keys.length === 0) return {};
    const rows = await this.sql<{ key: string; doc: Doc; etag: string }[]>`
      select key, doc, etag from bot_state where key = any(${keys})`;
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...row.doc, eTag: String(row.etag) };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError("Changes are required when writing.");
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    // Always inside the transaction: on the single-session PGlite the outer `sql` would wait for it.
    await this.sql.begin(async (tx) => {
      for (const [key, item] of entries) await writeOne(tx, key, (item ?? {}) as Doc & { eTag?: unknown });
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys?.length) return;
    await this.sql`delete from bot_state where key = any(${keys})`;
  }
}

async function writeOne(tx: TransactionSql, key: string, item: Doc & { eTag?: unknown }): Promise<void> {
  const { eTag, ...doc } = item;
  const json = tx.json(doc as Parameters<Sql["json"]>[0]);
  if (eTag === undefined || eTag === null || eTag === "*" || eTag === "") {
    await tx`
      insert into bot_state (key, doc) values (${key}, ${json})
      on conflict (key) do update set doc = excluded.doc, etag = bot_state.etag + 1, updated_at = now()`;
    return;
  }
  const expected = Number(eTag);
  if (!Number.isSafeInteger(expected)) throw new EtagConflictError(key);
  // Like MemoryStorage: a concrete eTag on a missing key inserts; on an existing key it must match.
  const rows = await tx`
    insert into bot_state (key, doc) values (${key}, ${json})
    on conflict (key) do update set doc = excluded.doc, etag = bot_state.etag + 1, updated_at = now()
    where bot_state.etag = ${expected}
    returning etag`;
  if (rows.length === 0) throw new EtagConflictError(key);
}
