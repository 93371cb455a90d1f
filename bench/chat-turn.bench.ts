/**
 * chat-turn: milliseconds per turn through POST /api/messages (deliveryMode "expectReplies", the
 * full server pipeline: JSON parsing, rate limit, locale, turn lease, conversation reference,
 * Postgres state) for whole conversations, and turns per second with 32 conversations at once.
 * Every bot under test runs in the same process and database as the bare echo bot beside it.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { ConversationState } from "botbuilder";
import type { Sql } from "postgres";
import { createHttpServer, type ChatBot } from "../bot/server.ts";
import { EchoBot } from "../bot/echo.bot.ts";
import { PgStorage } from "../bot/pg-storage.ts";
import { readBotSettings } from "../bot/settings.ts";
import { loadCityConfig } from "../core/config/load.ts";
import { createCore, type Core } from "../core/index.ts";
import { openDatabase } from "../core/store/database.ts";
import { migrate } from "../core/store/migrate.ts";
import { freshDatabase, percentile, pool, round, type BenchDb } from "./support.ts";

/** Monday 2026-11-23 09:00 Europe/Berlin: offices open, the horizon released. */
const NOW = new Date("2026-11-23T08:00:00Z");

export interface BotUnderTest {
  label: string;
  create(env: { core: Core; sql: Sql }): ChatBot | Promise<ChatBot>;
  /** The citizen's messages of the n-th conversation, one whole conversation. */
  script(n: number): string[];
}

export interface ChatTurnOptions {
  kind?: "pglite" | "postgres";
  bots?: BotUnderTest[];
  /** Conversations run one after another for the latency figures. */
  sequentialConversations?: number;
  /** Conversations for the throughput figure, `concurrency` at a time. */
  concurrentConversations?: number;
  concurrency?: number;
}

export const ECHO_BOT: BotUnderTest = {
  label: "echo",
  create: () => new EchoBot(),
  script: (n) => ["Hallo", "Personalausweis nächste Woche vormittags", "1", "Erika Mustermann", `erika${n}@example.org`, "ja"],
};

/** Next week's days and the branch offices: concurrent citizens ask for different places and days, as they do. */
const DAYS = ["30.11.", "1.12.", "2.12.", "3.12.", "4.12."];
const PLACES = ["Mitte", "Aplerbeck", "Brackel", "Eving", "Hörde", "Hombruch", "Huckarde", "Lütgendortmund", "Mengede", "Scharnhorst"];

/** The real conversation bot (dialogs/), booking a Personalausweis from a free-text request. */
export const DIALOG_BOT: BotUnderTest = {
  label: "dialogs",
  async create({ core, sql }) {
    const [{ createDialogBot }, { parse }] = await Promise.all([import("../dialogs/index.ts"), import("../core/language/index.ts")]);
    return createDialogBot({
      core,
      parse: (text: string, now: Date) => parse(text, now, core.config.city.timezone, core.config),
      conversationState: new ConversationState(new PgStorage(sql)),
      links: { icsUrl: (id: string, token: string) => `http://localhost/termin/${id}.ics?t=${token}`, cancelUrl: (token: string) => `http://localhost/absagen/${token}` },
    } as Parameters<typeof createDialogBot>[0]);
  },
  script: (n) => [
    "Hallo",
    `Personalausweis am ${DAYS[n % DAYS.length]} vormittags in ${PLACES[Math.floor(n / DAYS.length) % PLACES.length]}`,
    String((n % 3) + 1),
    "Erika Mustermann",
    `erika${n}@example.org`,
    "ja",
  ],
};

export async function benchChatTurn(options: ChatTurnOptions = {}): Promise<object[]> {
  const kind = options.kind ?? "pglite";
  const bots = options.bots ?? [ECHO_BOT, DIALOG_BOT];
  const results: Record<string, unknown>[] = [];
  for (const bot of bots) {
    try {
      results.push(await measure(kind, bot, options));
    } catch (err) {
      results.push({ name: "chat-turn", bot: bot.label, database: kind, error: (err as Error).message });
    }
  }
  const echo = results.find((r) => r.bot === "echo" && typeof r.p99Ms === "number");
  for (const r of results) {
    if (echo && r !== echo && typeof r.p99Ms === "number") {
      r.p50VsEcho = round((r.p50Ms as number) / (echo.p50Ms as number), 1);
      r.p99VsEcho = round((r.p99Ms as number) / (echo.p99Ms as number), 1);
    }
  }
  return results;
}

async function measure(kind: "pglite" | "postgres", bot: BotUnderTest, options: ChatTurnOptions): Promise<Record<string, unknown>> {
  const concurrency = options.concurrency ?? 32;
  const db = await openBenchDb(kind, concurrency);
  try {
    const core = createCore({ config: loadCityConfig(), sql: db.sql, secret: randomBytes(16).toString("hex"), now: () => NOW });
    const settings = readBotSettings({ BOT_DEV_UNAUTHENTICATED: "1", BOT_TURNS_PER_MINUTE: "100000", DIRECT_LINE_TOKEN_SECRET: "b".repeat(40) });
    const http = createHttpServer({ core, bot: await bot.create({ core, sql: db.sql }), settings, sql: db.sql });
    const { url } = await http.listen(0, "127.0.0.1");
    try {
      const failures = { count: 0 };
      await conversation(url, bot.script, failures); // warm-up: JIT, prepared statements, caches
      const latencies: number[] = [];
      for (let i = 0; i < (options.sequentialConversations ?? 40); i++) latencies.push(...(await conversation(url, bot.script, failures)));
      latencies.sort((a, b) => a - b);
      const conversations = options.concurrentConversations ?? 128;
      const turns = { count: 0 };
      const t0 = performance.now();
      await pool(conversations, concurrency, async () => {
        const latencies = await conversation(url, bot.script, failures);
        turns.count += latencies.length;
      });
      const seconds = (performance.now() - t0) / 1000;
      // A conversation that ends without a booking would make a "full conversation" figure meaningless.
      const [booked] = await db.sql<{ n: number }[]>`select count(*)::int as n from appointment where status = 'booked'`;
      return {
        name: "chat-turn",
        bot: bot.label,
        database: kind,
        turnsPerConversation: bot.script(0).length,
        p50Ms: round(percentile(latencies, 50)),
        p99Ms: round(percentile(latencies, 99)),
        [`turnsPerSecond${concurrency}`]: round(turns.count / seconds, 0),
        failedTurns: failures.count,
        conversations: conversations + (options.sequentialConversations ?? 40) + 1,
        appointmentsBooked: booked!.n,
      };
    } finally {
      await http.close();
    }
  } finally {
    await db.close();
  }
}

/** One whole conversation; returns the latency of each turn in ms. */
let conversationsStarted = 0;
async function conversation(url: string, script: BotUnderTest["script"], failures: { count: number }): Promise<number[]> {
  const conversationId = randomUUID();
  const latencies: number[] = [];
  for (const text of script(conversationsStarted++)) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message",
        id: randomUUID(),
        channelId: "emulator",
        serviceUrl: "http://127.0.0.1:9/",
        deliveryMode: "expectReplies",
        conversation: { id: conversationId },
        from: { id: `user-${conversationId}`, role: "user" },
        recipient: { id: "bot", role: "bot" },
        text,
      }),
    });
    await res.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (res.status !== 200) failures.count += 1;
  }
  return latencies;
}

/**
 * PGlite with one client connection: with several, pglite-socket answers some interleaved queries
 * with 34000 'portal "" does not exist' under concurrent turns (reported; see bot/README.md).
 */
async function openBenchDb(kind: "pglite" | "postgres", max: number): Promise<BenchDb> {
  if (kind === "postgres") return freshDatabase("postgres", max);
  const db = await openDatabase({ max: 1 });
  await migrate(db.sql);
  return db;
}
