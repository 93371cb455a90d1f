import { ActivityHandler, ConversationState, MemoryStorage, MessageFactory, ActionTypes } from "botbuilder";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readTelegramSettings, type TelegramSettings } from "../../bot/telegram/settings.ts";
import { mountTelegram, type TelegramMount } from "../../bot/telegram/webhook.route.ts";
import type { ChatBot, ProactiveChannel } from "../../bot/server.ts";
import { createDialogBot } from "../../dialogs/index.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { startServer, settingsFrom, type Started } from "../bot/helpers.ts";
import { cityParser, LINKS } from "../dialogs/support/chat.ts";
import { startFakeTelegram, type FakeTelegram } from "./fake-telegram.ts";
import { BOT_TOKEN, sentTexts, telegramCitizen, WEBHOOK_SECRET } from "./telegram-client.ts";

function settingsFor(fake: FakeTelegram, extra: Record<string, string> = {}): TelegramSettings {
  return readTelegramSettings({ TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET, TELEGRAM_API_BASE_URL: fake.url, ...extra })!;
}

describe("Telegram channel (fake Bot API, real dialogs and core)", () => {
  let db: TestDb;
  let fake: FakeTelegram;
  let server: Started;
  let telegram: TelegramMount;
  const channels: ProactiveChannel[] = [];

  async function start(bot: ChatBot, env: Record<string, string> = {}) {
    server = await startServer(db, bot, settingsFrom(), { channels });
    telegram = mountTelegram(server.http.server, { settings: settingsFor(fake, env), bot, sql: db.sql, conversationRefs: server.http.conversationRefs });
    channels.splice(0, channels.length, telegram.channel);
  }

  // One database for the file (each test uses its own chat ids); a fresh server and adapter per test.
  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite" });
    fake = await startFakeTelegram();
  });
  afterEach(async () => {
    await server?.close();
    fake.reset();
  });
  afterAll(async () => {
    await fake.close();
    await db.close();
  });

  const dialogBot = () => createDialogBot({ core: db.core, parse: cityParser(db.core), conversationState: new ConversationState(new MemoryStorage()), links: LINKS });

  it("books a whole appointment through inline keyboards, in German for an English client", async () => {
    await start(dialogBot());
    const citizen = telegramCitizen(server.url, fake, 4711, "en");

    const welcome = await citizen.say("/start");
    expect(sentTexts(welcome).join("\n")).toMatch(/^Guten Tag! Ich bin der Terminassistent/);
    expect(citizen.buttons()).toEqual(["Termin buchen", "Termin absagen", "Wann ist mein Termin?", "Wann haben Sie geöffnet?"]);

    const proposals = await citizen.say("Personalausweis nächste Woche vormittags");
    expect(sentTexts(proposals).join("\n")).toContain("Ich suche: Personalausweis beantragen");
    const first = citizen.buttons()[0]!;
    expect(first).toMatch(/^Mo, 30\.11\., 08:00 Uhr · /);
    for (const call of proposals.filter((c) => c.body.reply_markup))
      for (const b of call.body.reply_markup.inline_keyboard.flat()) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);

    const held = await citizen.press(first);
    expect(held.map((c) => c.method).slice(0, 2)).toEqual(["answerCallbackQuery", "editMessageText"]);
    expect(held[1]!.body.text).toContain(`» ${first}`);
    expect(sentTexts(held).join("\n")).toMatch(/Ich halte diesen Termin 10 Minuten für Sie frei[^]*Auf welchen Namen/);

    expect(sentTexts(await citizen.say("Erika Mustermann")).join("\n")).toContain("An welche E-Mail-Adresse");
    expect(sentTexts(await citizen.say("erika@example.de")).join("\n")).toContain("Soll ich den Termin verbindlich buchen?");
    expect(citizen.buttons()).toEqual(["Ja, buchen", "Abbrechen"]);

    const booked = await citizen.press("Ja, buchen");
    const text = sentTexts(booked).join("\n");
    expect(text).toMatch(/^Ihr Termin ist gebucht\./);
    expect(text).toContain("Termin: Montag, 30.11.2026, 08:00 Uhr");
    expect(text).not.toMatch(/\b(Yes|No|or)\b/);
    for (const call of fake.of("sendMessage")) expect(call.parse_mode).toBe("HTML");

    const rows = await db.sql<{ status: string; channel: string; conversationKey: string }[]>`
      select status, channel, conversation_key as "conversationKey" from appointment where status <> 'held'`;
    expect(rows).toEqual([{ status: "booked", channel: "telegram", conversationKey: "telegram:4711" }]);
    const [ref] = await db.sql<{ reference: { serviceUrl: string; locale?: string } }[]>`select reference from bot_conversation_ref where conversation_key = 'telegram:4711'`;
    expect(ref?.reference.serviceUrl).toBe("urn:terminassistent:telegram");
  });

  it("answers a wrong or missing secret token with 401 and processes nothing", async () => {
    await start(dialogBot());
    const citizen = telegramCitizen(server.url, fake, 4712);
    const update = { update_id: 77, message: { message_id: 1, date: 1, chat: { id: 4712, type: "private" }, from: { id: 4712 }, text: "Termin buchen" } };
    expect((await citizen.post(update, "wrong-secret")).status).toBe(401);
    expect((await citizen.post(update, WEBHOOK_SECRET.slice(0, -1))).status).toBe(401);
    expect((await citizen.post(update, null)).status).toBe(401);
    expect(fake.calls).toEqual([]);
    expect(await db.sql`select 1 from telegram_update where update_id = 77`).toHaveLength(0);
    expect(await db.sql`select 1 from bot_conversation_ref where conversation_key = 'telegram:4712'`).toHaveLength(0);
    // The same update with the right token is then processed normally.
    expect((await citizen.post(update)).status).toBe(200);
    expect(fake.of("sendMessage")).not.toHaveLength(0);
  });

  it("processes a retried update_id once", async () => {
    await start(dialogBot());
    const citizen = telegramCitizen(server.url, fake, 4713);
    const update = { update_id: 90, message: { message_id: 1, date: 1, chat: { id: 4713, type: "private" }, from: { id: 4713 }, text: "Hallo" } };
    await citizen.post(update);
    const once = fake.of("sendMessage").length;
    expect(once).toBeGreaterThan(0);
    expect((await citizen.post(update)).status).toBe(200);
    expect(fake.of("sendMessage")).toHaveLength(once);
  });

  it("splits long texts at line breaks within 4096 characters and escapes HTML", async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `Zeile ${i}: bitte <Geburtsurkunde> & Ausweis mitbringen.`);
    const bot = new (class extends ActivityHandler {
      constructor() {
        super();
        this.onMessage(async (context, next) => {
          await context.sendActivity(MessageFactory.suggestedActions([{ type: ActionTypes.ImBack, title: "Weiter", value: "Weiter" }], lines.join("\n")));
          await next();
        });
      }
    })();
    await start(bot);
    const sent = (await telegramCitizen(server.url, fake, 4714).say("los")).filter((c) => c.method === "sendMessage");
    expect(sent.length).toBeGreaterThan(1);
    for (const call of sent) {
      expect(String(call.body.text).length).toBeLessThanOrEqual(4096);
      expect(call.body.text).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
      expect(String(call.body.text)).toMatch(/^Zeile \d+:[^]*mitbringen\.$/);
    }
    const escaped = lines.map((l) => l.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    expect(sent.map((c) => c.body.text).join("\n")).toBe(escaped.join("\n"));
    expect(sent.map((c) => Boolean(c.body.reply_markup))).toEqual([...sent.slice(1).map(() => false), true]);
  });

  it("carries button values over 64 bytes through a short id", async () => {
    const long = "Mittwoch, 2. Dezember 2026, 14:35 Uhr · Bürgerdienste Lütgendortmund (Nebeneingang)";
    const heard: string[] = [];
    const bot = new (class extends ActivityHandler {
      constructor() {
        super();
        this.onMessage(async (context, next) => {
          heard.push(context.activity.text ?? "");
          await context.sendActivity(MessageFactory.suggestedActions([{ type: ActionTypes.ImBack, title: "Lang", value: long }], "Wählen Sie"));
          await next();
        });
      }
    })();
    await start(bot);
    const citizen = telegramCitizen(server.url, fake, 4715);
    await citizen.say("los");
    const data = fake.of("sendMessage").at(-1)!.reply_markup.inline_keyboard[0][0].callback_data as string;
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(data).not.toBe(long);
    await citizen.press("Lang");
    expect(heard).toEqual(["los", long]);
  });

  it("limits turns per chat and tells the chat once", async () => {
    const heard: string[] = [];
    const bot = new (class extends ActivityHandler {
      constructor() {
        super();
        this.onMessage(async (context, next) => {
          heard.push(context.activity.text ?? "");
          await next();
        });
      }
    })();
    await start(bot, { TELEGRAM_TURNS_PER_MINUTE: "2" });
    const citizen = telegramCitizen(server.url, fake, 4716);
    for (const text of ["eins", "zwei", "drei", "vier"]) await citizen.say(text);
    expect(heard).toEqual(["eins", "zwei"]);
    expect(sentTexts(fake.calls)).toEqual(["Sie haben sehr viele Nachrichten in kurzer Zeit geschickt. Bitte warten Sie einen Moment."]);
    await telegramCitizen(server.url, fake, 4717).say("andere Person");
    expect(heard).toEqual(["eins", "zwei", "andere Person"]);
  });

  it("sends proactive messages to telegram:<chatId> through the same adapter, waiting out a 429", async () => {
    await start(dialogBot());
    await telegramCitizen(server.url, fake, 4718).say("Hallo");
    const reference = await server.http.conversationRefs.get("telegram:4718");
    expect(reference).not.toBeNull();
    fake.reset();
    fake.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 0", parameters: { retry_after: 0 } });
    await server.http.deliver(reference!, { type: "message", text: "Erinnerung: Ihr Termin ist morgen um 08:00 Uhr <Mitte> & pünktlich." });
    const sends = fake.of("sendMessage");
    expect(sends).toHaveLength(2);
    expect(sends[1]).toMatchObject({ chat_id: "4718", parse_mode: "HTML", text: "Erinnerung: Ihr Termin ist morgen um 08:00 Uhr &lt;Mitte&gt; &amp; pünktlich." });
  });

  it("does not run the dialogs in group chats", async () => {
    const heard: string[] = [];
    const bot = new (class extends ActivityHandler {
      constructor() {
        super();
        this.onMessage(async (context, next) => {
          heard.push(context.activity.text ?? "");
          await next();
        });
      }
    })();
    await start(bot);
    const citizen = telegramCitizen(server.url, fake, 4719);
    await citizen.post({ update_id: 1, message: { message_id: 1, date: 1, chat: { id: -100, type: "group" }, from: { id: 4719 }, text: "Termin morgen" } });
    await citizen.post({ update_id: 2, message: { message_id: 2, date: 1, chat: { id: -100, type: "group" }, from: { id: 4719 }, text: "/start" } });
    expect(heard).toEqual([]);
    expect(sentTexts(fake.calls)).toEqual([expect.stringContaining("privaten Chat")]);
  });
});

describe("readTelegramSettings", () => {
  it("is off without a token and refuses a token without a webhook secret", () => {
    expect(readTelegramSettings({})).toBeNull();
    expect(() => readTelegramSettings({ TELEGRAM_BOT_TOKEN: BOT_TOKEN })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => readTelegramSettings({ TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: "short" })).toThrow();
    expect(() => readTelegramSettings({ TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET, TELEGRAM_WEBHOOK_URL: "http://x.example/telegram/webhook" })).toThrow(/https/);
    expect(readTelegramSettings({ TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET })).toMatchObject({ apiBaseUrl: "https://api.telegram.org", webhookUrl: null });
  });
});
