/**
 * Shared setup of the bot tests: settings from a fake environment, a server on an ephemeral
 * loopback port, and small bots that make races and state visible.
 */
import { ActivityHandler, ConversationState, type Storage } from "botbuilder";
import { createHttpServer, type ChatBot, type HttpServer, type HttpServerDeps } from "../../bot/server.ts";
import { readBotSettings, type BotSettings } from "../../bot/settings.ts";
import type { Sql } from "postgres";
import type { Core } from "../../core/core.ts";
import { loadCityConfig } from "../../core/config/load.ts";
import { openDatabase } from "../../core/store/database.ts";
import { migrate } from "../../core/store/migrate.ts";
import { openTestDb } from "../support/db.ts";

export const SECRET = "x".repeat(40);

export function settingsFrom(env: Record<string, string | undefined> = {}): BotSettings {
  return readBotSettings({ NODE_ENV: "test", DIRECT_LINE_TOKEN_SECRET: SECRET, ...env });
}

export interface Started {
  http: HttpServer;
  url: string;
  close(): Promise<void>;
}

export async function startServer(db: { core: Pick<Core, "config">; sql: Sql }, bot: ChatBot, settings: BotSettings = settingsFrom(), extra: Partial<HttpServerDeps> = {}): Promise<Started> {
  const http = createHttpServer({ core: db.core, bot, settings, sql: db.sql, ...extra });
  const { url } = await http.listen(0, "127.0.0.1");
  return { http, url, close: () => http.close() };
}

/** A message activity as a Bot Framework channel would POST it, replies returned in the response. */
export function channelActivity(conversationId: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    type: "message",
    id: `a-${Math.random().toString(36).slice(2)}`,
    channelId: "emulator",
    serviceUrl: "http://127.0.0.1:9/",
    deliveryMode: "expectReplies",
    conversation: { id: conversationId },
    from: { id: "user-1", name: "Erika Mustermann", role: "user" },
    recipient: { id: "bot", name: "Terminassistent", role: "bot" },
    text,
    locale: "en-US",
    ...extra,
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

/**
 * Reads a counter from conversation state, yields, writes it back: without serialised turns two
 * overlapping turns of one conversation lose an update.
 */
export class CounterBot extends ActivityHandler {
  private readonly state: ConversationState;
  constructor(storage: Storage, pauseMs = 15) {
    super();
    this.state = new ConversationState(storage);
    const counter = this.state.createProperty<number>("counter");
    this.onMessage(async (context, next) => {
      const value = await counter.get(context, 0);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      await counter.set(context, value + 1);
      await context.sendActivity(`Zähler: ${value + 1} (${context.activity.locale})`);
      await next();
    });
  }
  override async run(context: Parameters<ActivityHandler["run"]>[0]): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context, false);
  }
}

export interface StorageDb {
  sql: Sql;
  core: Pick<Core, "config">;
  /** Another connection pool on the same database, like a second process. */
  otherSql(): Sql;
  close(): Promise<void>;
}

/**
 * PGlite is opened with one client connection: pglite-socket with several connections answers some
 * interleaved extended-protocol queries with 34000 'portal "" does not exist' (reported to the lead).
 */
export async function openStorageDb(kind: "pglite" | "postgres"): Promise<StorageDb> {
  if (kind === "pglite") {
    const db = await openDatabase({ max: 1 });
    await migrate(db.sql);
    return { sql: db.sql, core: { config: loadCityConfig() }, otherSql: () => db.sql, close: () => db.close() };
  }
  const db = await openTestDb({ kind });
  return { sql: db.sql, core: db.core, otherSql: () => db.secondCore!().sql, close: () => db.close() };
}
