import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatNotifier, type ChatNotification } from "../../bot/chat-notifier.ts";
import { EchoBot } from "../../bot/echo.bot.ts";
import { createHttpServer, type HttpServer } from "../../bot/server.ts";
import { enqueueNotification } from "../../core/notifications/outbox.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { settingsFrom } from "./helpers.ts";

let db: TestDb;
let http: HttpServer;
const bot = new EchoBot();
const render = (n: ChatNotification) => `Hinweis (${n.kind})`;

beforeAll(async () => {
  db = await openTestDb({ kind: "pglite" });
  http = createHttpServer({ core: db.core, bot, settings: settingsFrom(), sql: db.sql });
});
afterAll(async () => {
  await db?.close();
});

/** A web chat conversation the bot has heard from, so its reference is stored. */
async function chatConversation(): Promise<string> {
  const id = http.localChat.createConversation();
  await http.localChat.receive(id, { type: "message", text: "Hallo" }, (ctx) => bot.run(ctx));
  return id;
}

async function statusOf(id: number) {
  const [row] = await db.sql<{ status: string; attempts: number; lastError: string | null }[]>`
    select status, attempts, last_error as "lastError" from notification where id = ${id}`;
  return row!;
}

function notifier(overrides: Partial<Parameters<typeof createChatNotifier>[0]> = {}) {
  return createChatNotifier({ sql: db.sql, refs: http.conversationRefs, deliver: http.deliver, render, ...overrides });
}

describe("conversation references", () => {
  it("are stored per conversation key without display names", async () => {
    const id = http.localChat.createConversation();
    await http.localChat.receive(id, { type: "message", text: "Hallo", from: { id: "x", name: "Erika Mustermann" } }, (ctx) => bot.run(ctx));
    const ref = await http.conversationRefs.get(`webchat:${id}`);
    expect(ref?.conversation?.id).toBe(id);
    expect(JSON.stringify(ref)).not.toContain("Erika");
  });
});

describe("chat notifier", () => {
  it("sends a chat notification proactively into the citizen's web chat and marks it sent", async () => {
    const id = await chatConversation();
    const before = http.localChat.activitiesSince(id, 0).activities.length;
    const nid = await enqueueNotification(db.sql, { kind: "reminder", channel: "chat", payload: { conversationKey: `webchat:${id}` } });
    expect(await notifier().runOnce()).toMatchObject({ sent: 1 });
    const after = http.localChat.activitiesSince(id, before).activities;
    expect(after.map((a) => [a.from?.role, a.text])).toEqual([["bot", "Hinweis (reminder)"]]);
    expect(await statusOf(nid)).toMatchObject({ status: "sent", attempts: 1 });
    expect((await notifier().runOnce()).sent).toBe(0);
  });

  it("finds the conversation through the appointment when staff cancel a chat booking", async () => {
    const id = await chatConversation();
    const booked = await db.core.bookings.bookNextFree(
      { services: [{ id: "personalausweis", count: 1 }] },
      { actor: { kind: "citizen", channel: "webchat", conversationId: id }, contact: { name: "Erika Mustermann", email: "erika@example.org" }, conversationKey: `webchat:${id}` },
    );
    expect(booked.ok).toBe(true);
    if (!booked.ok) return;
    const cancelled = await db.core.bookings.cancel({ token: booked.appointment.token }, { kind: "staff", staffId: "s1", locations: "all" });
    expect(cancelled.ok).toBe(true);
    const seen: string[] = [];
    await notifier({ render: (n) => (seen.push(`${n.kind}:${n.appointmentId}`), "Ihr Termin wurde abgesagt.") }).runOnce();
    expect(seen).toEqual([`booking_cancelled:${booked.appointment.id}`]);
    expect(http.localChat.activitiesSince(id, 0).activities.at(-1)?.text).toBe("Ihr Termin wurde abgesagt.");
  });

  it("fails a notification at once when no conversation can be found", async () => {
    const nid = await enqueueNotification(db.sql, { kind: "reminder", channel: "chat", payload: { conversationKey: "telegram:unknown" } });
    const none = await enqueueNotification(db.sql, { kind: "reminder", channel: "chat", payload: {} });
    await notifier().runOnce();
    expect(await statusOf(nid)).toMatchObject({ status: "failed", lastError: "NO_CONVERSATION_REFERENCE" });
    expect(await statusOf(none)).toMatchObject({ status: "failed", lastError: "NO_CONVERSATION_KEY" });
  });

  it("retries a failed delivery later and gives up after the last attempt", async () => {
    const id = await chatConversation();
    const nid = await enqueueNotification(db.sql, { kind: "reminder", channel: "chat", payload: { conversationKey: `webchat:${id}` } });
    let t = Date.now();
    const broken = notifier({ now: () => new Date(t), maxAttempts: 2, deliver: async () => Promise.reject(Object.assign(new Error("down"), { code: "ECONNRESET" })) });
    expect(await broken.runOnce()).toMatchObject({ retried: 1 });
    expect(await statusOf(nid)).toMatchObject({ status: "pending", attempts: 1, lastError: "ECONNRESET" });
    expect((await broken.runOnce()).retried).toBe(0); // not due yet
    t += 31_000;
    expect(await broken.runOnce()).toMatchObject({ failed: 1 });
    expect(await statusOf(nid)).toMatchObject({ status: "failed", attempts: 2 });
  });

  it("leaves rows of the mail channel and rows leased by another worker alone, and takes over an expired lease", async () => {
    const id = await chatConversation();
    const mail = await enqueueNotification(db.sql, { kind: "reminder", channel: "mail", payload: {} });
    const nid = await enqueueNotification(db.sql, { kind: "reminder", channel: "chat", payload: { conversationKey: `webchat:${id}` } });
    await db.sql`update notification set status = 'sending', lease_until = now() + interval '1 minute' where id = ${nid}`;
    expect((await notifier().runOnce()).sent).toBe(0);
    await db.sql`update notification set lease_until = now() - interval '1 second' where id = ${nid}`;
    expect((await notifier().runOnce()).sent).toBe(1);
    expect(await statusOf(mail)).toMatchObject({ status: "pending", attempts: 0 });
  });
});
