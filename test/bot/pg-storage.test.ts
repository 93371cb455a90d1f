import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalChatAdapter } from "../../bot/local-chat.adapter.ts";
import { EtagConflictError, PgStorage } from "../../bot/pg-storage.ts";
import { createTurnLock } from "../../bot/turn-lock.ts";
import { useChatPipeline } from "../../bot/turn-pipeline.ts";
import { createLogger } from "../../core/log.ts";
import { postgresAvailable } from "../support/db.ts";
import { CounterBot, openStorageDb, type StorageDb } from "./helpers.ts";

const kinds: ("pglite" | "postgres")[] = ["pglite"];
if (await postgresAvailable()) kinds.push("postgres");
else console.warn("PostgreSQL not reachable: storage tests run on PGlite only (start PostgreSQL on 127.0.0.1:5432 or set TEST_DATABASE_URL)");

const log = createLogger("test");

describe.each(kinds)("PgStorage on %s", (kind) => {
  let db: StorageDb;
  beforeAll(async () => {
    db = await openStorageDb(kind);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("reads only existing keys, each with its eTag", async () => {
    const storage = new PgStorage(db.sql);
    await storage.write({ "k/a": { n: 1 } });
    const items = await storage.read(["k/a", "k/missing"]);
    expect(Object.keys(items)).toEqual(["k/a"]);
    expect(items["k/a"]).toEqual({ n: 1, eTag: "1" });
    expect(await storage.read([])).toEqual({});
  });

  it("rejects a write with a stale eTag and accepts the current one; '*' always wins", async () => {
    const storage = new PgStorage(db.sql);
    await storage.write({ "k/b": { v: "first" } });
    const first = (await storage.read(["k/b"]))["k/b"]!;
    await storage.write({ "k/b": { ...first, v: "second" } });
    await expect(storage.write({ "k/b": { ...first, v: "stale" } })).rejects.toBeInstanceOf(EtagConflictError);
    expect((await storage.read(["k/b"]))["k/b"]).toEqual({ v: "second", eTag: "2" });
    await storage.write({ "k/b": { v: "forced", eTag: "*" } });
    expect((await storage.read(["k/b"]))["k/b"]).toEqual({ v: "forced", eTag: "3" });
  });

  it("inserts a missing key even with a concrete eTag (as MemoryStorage does)", async () => {
    const storage = new PgStorage(db.sql);
    await storage.write({ "k/c": { v: 1, eTag: "7" } });
    expect((await storage.read(["k/c"]))["k/c"]).toEqual({ v: 1, eTag: "1" });
  });

  it("writes several keys in one transaction: a conflict on one keeps the other unchanged", async () => {
    const storage = new PgStorage(db.sql);
    await storage.write({ "k/d1": { v: 1 }, "k/d2": { v: 1 } });
    await storage.write({ "k/d2": { v: 2 } });
    await expect(storage.write({ "k/d1": { v: 9, eTag: "1" }, "k/d2": { v: 9, eTag: "1" } })).rejects.toBeInstanceOf(EtagConflictError);
    expect((await storage.read(["k/d1"]))["k/d1"]).toEqual({ v: 1, eTag: "1" });
  });

  it("deletes idempotently", async () => {
    const storage = new PgStorage(db.sql);
    await storage.write({ "k/e": { v: 1 } });
    await storage.delete(["k/e", "k/never"]);
    await storage.delete(["k/e"]);
    expect(await storage.read(["k/e"])).toEqual({});
  });

  it("keeps conversation state across a restart (new storage and state objects)", async () => {
    const adapter = new LocalChatAdapter();
    const id = adapter.createConversation();
    await adapter.receive(id, { type: "message", text: "eins" }, (ctx) => new CounterBot(new PgStorage(db.sql), 0).run(ctx));
    await adapter.receive(id, { type: "message", text: "zwei" }, (ctx) => new CounterBot(new PgStorage(db.sql), 0).run(ctx));
    expect(await counterOf(new PgStorage(db.sql), id)).toBe(2);
  });

  it("loses an update when turns of one conversation overlap without the lock (the race the lock prevents)", async () => {
    const storage = new PgStorage(db.sql);
    const bot = new CounterBot(storage);
    const adapter = new LocalChatAdapter();
    const id = adapter.createConversation();
    await Promise.all([1, 2, 3].map((n) => adapter.receive(id, { type: "message", text: `${n}` }, (ctx) => bot.run(ctx))));
    expect(await counterOf(storage, id)).toBeLessThan(3);
  });

  it("serialises overlapping turns of one conversation within a process", async () => {
    const storage = new PgStorage(db.sql);
    const bot = new CounterBot(storage);
    const adapter = useChatPipeline(new LocalChatAdapter(), { turnLock: createTurnLock({ sql: db.sql }), log });
    const id = adapter.createConversation();
    await Promise.all([1, 2, 3, 4, 5].map((n) => adapter.receive(id, { type: "message", text: `${n}` }, (ctx) => bot.run(ctx))));
    expect(await counterOf(storage, id)).toBe(5);
  });

  it("serialises overlapping turns of one conversation across two processes sharing the database", async () => {
    const processes = [db.sql, db.otherSql()].map((sql) => {
      const bot = new CounterBot(new PgStorage(sql));
      const adapter = useChatPipeline(new LocalChatAdapter(), { turnLock: createTurnLock({ sql }), log });
      return { adapter, logic: (ctx: Parameters<CounterBot["run"]>[0]) => bot.run(ctx) };
    });
    const id = processes[0]!.adapter.createConversation();
    processes[1]!.adapter.open(id);
    const turns = [0, 1, 2, 3, 4, 5].map((n) => processes[n % 2]!);
    await Promise.all(turns.map((p, n) => p.adapter.receive(id, { type: "message", text: `${n}` }, p.logic)));
    expect(await counterOf(new PgStorage(db.sql), id)).toBe(6);
    expect(await db.sql`select * from bot_turn_lease`).toHaveLength(0);
  });
});

async function counterOf(storage: PgStorage, conversationId: string): Promise<number> {
  const key = `webchat/conversations/${conversationId}/`; // ConversationState's key format
  const items = await storage.read([key]);
  return (items[key] as { counter?: number } | undefined)?.counter ?? 0;
}
