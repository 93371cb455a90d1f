import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EchoBot } from "../../bot/echo.bot.ts";
import { createDirectLineTokens } from "../../bot/direct-line-token.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { SECRET, postJson, settingsFrom, startServer, type Started } from "./helpers.ts";

interface Session {
  conversationId: string;
  token: string;
  expires_in: number;
}
interface Activities {
  activities: { type: string; text?: string; from: { role: string }; channelData?: Record<string, unknown>; suggestedActions?: unknown }[];
  watermark: string;
}

let db: TestDb;
let s: Started;
const dl = (path: string) => `${s.url}/v3/directline${path}`;
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  db = await openTestDb({ kind: "pglite" });
  s = await startServer(db, new EchoBot(), settingsFrom({ BOT_TURNS_PER_MINUTE: "100", BOT_TOKENS_PER_MINUTE_PER_IP: "8" }));
});
afterAll(async () => {
  await s?.close();
  await db?.close();
});

async function newSession(): Promise<Session> {
  const res = await postJson(dl("/tokens/generate"), {});
  expect(res.status).toBe(200);
  return (await res.json()) as Session;
}

async function poll(session: Session, watermark?: string): Promise<Activities> {
  const q = watermark === undefined ? "" : `?watermark=${watermark}`;
  const res = await fetch(dl(`/conversations/${session.conversationId}/activities${q}`), { headers: auth(session.token) });
  expect(res.status).toBe(200);
  return (await res.json()) as Activities;
}

describe("local Direct Line v3 subset", () => {
  it("starts a conversation, greets, echoes the user's activity and returns the bot's reply", async () => {
    const session = await newSession();
    const started = await postJson(dl("/conversations"), {}, auth(session.token));
    expect(started.status).toBe(201);
    expect(((await started.json()) as Session).conversationId).toBe(session.conversationId);

    const greeting = await poll(session);
    expect(greeting.activities.map((a) => a.text)).toEqual(["Willkommen beim Terminassistenten!"]);

    const posted = await postJson(
      dl(`/conversations/${session.conversationId}/activities`),
      { type: "message", text: "Hallo", from: { id: "someone-else", role: "bot" }, channelData: { clientActivityID: "c-1", evil: true } },
      auth(session.token),
    );
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    expect(id).toBeTruthy();

    const next = await poll(session, greeting.watermark);
    expect(next.activities.map((a) => [a.from.role, a.text])).toEqual([
      ["user", "Hallo"],
      ["bot", "Echo: Hallo"],
    ]);
    const [echo, reply] = next.activities;
    expect(echo!.channelData).toEqual({ clientActivityID: "c-1", "webchat:sequence-id": 1 });
    expect(reply!.channelData?.["webchat:sequence-id"]).toBe(2);
    expect(reply!.suggestedActions).toBeTruthy();
    expect(next.watermark).toBe("3");
    expect((await poll(session, next.watermark)).activities).toEqual([]);
  });

  it("greets only once when the client reconnects", async () => {
    const session = await newSession();
    await postJson(dl("/conversations"), {}, auth(session.token));
    await postJson(dl("/conversations"), {}, auth(session.token));
    expect((await poll(session)).activities).toHaveLength(1);
  });

  it("keeps conversations apart: another conversation's token gets 403", async () => {
    const a = await newSession();
    const b = await newSession();
    const read = await fetch(dl(`/conversations/${a.conversationId}/activities`), { headers: auth(b.token) });
    expect(read.status).toBe(403);
    const write = await postJson(dl(`/conversations/${a.conversationId}/activities`), { type: "message", text: "x" }, auth(b.token));
    expect(write.status).toBe(403);
    const none = await fetch(dl(`/conversations/${a.conversationId}/activities`));
    expect(none.status).toBe(403);
  });

  it("rejects forged and expired tokens, and refreshes valid ones", async () => {
    const session = await newSession();
    const forged = createDirectLineTokens("another-secret-of-enough-length-000000", 60).issue(session.conversationId).token;
    expect((await fetch(dl(`/conversations/${session.conversationId}/activities`), { headers: auth(forged) })).status).toBe(403);

    const expired = createDirectLineTokens(SECRET, 60, () => Date.now() - 120_000).issue(session.conversationId).token;
    expect((await fetch(dl(`/conversations/${session.conversationId}/activities`), { headers: auth(expired) })).status).toBe(403);
    expect((await postJson(dl("/tokens/refresh"), {}, auth(expired))).status).toBe(403);

    const refreshed = await postJson(dl("/tokens/refresh"), {}, auth(session.token));
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as Session;
    expect(next.conversationId).toBe(session.conversationId);
    expect(next.expires_in).toBeGreaterThan(0);
    expect((await fetch(dl(`/conversations/${session.conversationId}/activities`), { headers: auth(next.token) })).status).toBe(200);
  });

  it("limits new conversations per client address with 429", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await postJson(dl("/tokens/generate"), {})).status);
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeGreaterThan(0);
  });
});

describe("local Direct Line limits", () => {
  it("answers 429 when one conversation posts too fast and 413 to oversized activities", async () => {
    const local = await startServer(db, new EchoBot(), settingsFrom({ BOT_TURNS_PER_MINUTE: "2" }));
    try {
      const session = (await (await postJson(`${local.url}/v3/directline/tokens/generate`, {})).json()) as Session;
      const url = `${local.url}/v3/directline/conversations/${session.conversationId}/activities`;
      const big = await postJson(url, { type: "message", text: "x".repeat(80 * 1024) }, auth(session.token));
      expect(big.status).toBe(413);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await postJson(url, { type: "message", text: `n${i}` }, auth(session.token))).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await local.close();
    }
  });
});
