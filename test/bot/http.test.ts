import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../bot/server.ts";
import { EchoBot } from "../../bot/echo.bot.ts";
import { BotSettingsError } from "../../bot/settings.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { PgStorage } from "../../bot/pg-storage.ts";
import { CounterBot, channelActivity, openStorageDb, postJson, settingsFrom, startServer, type Started } from "./helpers.ts";

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb({ kind: "pglite" });
});
afterAll(async () => {
  await db?.close();
});

describe("/api/messages without a Bot Framework identity (development mode)", () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer(db, new EchoBot(), settingsFrom({ BOT_DEV_UNAUTHENTICATED: "1", BOT_TURNS_PER_MINUTE: "3" }));
  });
  afterAll(() => s.close());

  it("answers in the HTTP response with deliveryMode expectReplies, in German", async () => {
    const res = await postJson(`${s.url}/api/messages`, channelActivity("conv-echo", "Hallo"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: { text: string; locale?: string }[] };
    expect(body.activities.map((a) => [a.text, a.locale])).toEqual([["Echo: Hallo", "de-DE"]]);
  });

  it("answers 429 when one conversation sends more turns per minute than allowed", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await postJson(`${s.url}/api/messages`, channelActivity("conv-flood", `n${i}`))).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const other = await postJson(`${s.url}/api/messages`, channelActivity("conv-calm", "Hallo"));
    expect(other.status).toBe(200);
  });

  it("answers 413 to a body above the size limit", async () => {
    const res = await postJson(`${s.url}/api/messages`, channelActivity("conv-big", "x".repeat(70 * 1024)));
    expect(res.status).toBe(413);
  });

  it("answers 400 to a body that is not an activity", async () => {
    expect((await postJson(`${s.url}/api/messages`, { hello: "world" })).status).toBe(400);
    const text = await fetch(`${s.url}/api/messages`, { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" });
    expect(text.status).toBe(400);
  });
});

describe("/api/messages turns of one conversation", () => {
  it("run one after another: five concurrent requests count to five, each seeing German", async () => {
    const storageDb = await openStorageDb("pglite");
    const s = await startServer(storageDb, new CounterBot(new PgStorage(storageDb.sql)), settingsFrom({ BOT_DEV_UNAUTHENTICATED: "1" }));
    try {
      const responses = await Promise.all([1, 2, 3, 4, 5].map((n) => postJson(`${s.url}/api/messages`, channelActivity("conv-race", `${n}`))));
      const texts = await Promise.all(responses.map(async (r) => ((await r.json()) as { activities: { text: string }[] }).activities[0]!.text));
      expect(texts.sort()).toEqual([1, 2, 3, 4, 5].map((n) => `Zähler: ${n} (de-DE)`));
    } finally {
      await s.close();
      await storageDb.close();
    }
  });
});

describe("/api/messages with a Bot Framework identity", () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer(
      db,
      new EchoBot(),
      settingsFrom({ MicrosoftAppId: "00000000-0000-0000-0000-000000000001", MicrosoftAppPassword: "not-a-real-secret", MicrosoftAppType: "SingleTenant", MicrosoftAppTenantId: "00000000-0000-0000-0000-0000000000aa" }),
    );
  });
  afterAll(() => s.close());

  it("rejects a request without a token with 401", async () => {
    const res = await postJson(`${s.url}/api/messages`, channelActivity("conv-auth", "Hallo"));
    expect(res.status).toBe(401);
  });

  it("rejects a garbage bearer token with 401 and does not run the bot", async () => {
    const res = await postJson(`${s.url}/api/messages`, channelActivity("conv-auth", "Hallo"), { authorization: "Bearer abc.def.ghi" });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain("Echo");
  });
});

describe("start-up checks", () => {
  it("refuses to start an unauthenticated /api/messages when NODE_ENV=production", () => {
    const settings = settingsFrom({ NODE_ENV: "production", BOT_DEV_UNAUTHENTICATED: "true" });
    expect(() => createHttpServer({ core: db.core, bot: new EchoBot(), settings, sql: db.sql })).toThrow(BotSettingsError);
    expect(() => createHttpServer({ core: db.core, bot: new EchoBot(), settings, sql: db.sql })).toThrow(/NODE_ENV=production.*MicrosoftAppId/s);
  });

  it("refuses production without a shared Direct Line token secret", () => {
    const settings = settingsFrom({ NODE_ENV: "production", DIRECT_LINE_TOKEN_SECRET: undefined });
    expect(() => createHttpServer({ core: db.core, bot: new EchoBot(), settings, sql: db.sql })).toThrow(/DIRECT_LINE_TOKEN_SECRET/);
  });

  it("refuses an app id without its password", () => {
    const settings = settingsFrom({ MicrosoftAppId: "id", MicrosoftAppTenantId: "t" });
    expect(() => createHttpServer({ core: db.core, bot: new EchoBot(), settings, sql: db.sql })).toThrow(/MicrosoftAppPassword/);
  });

  it("in production without Bot Framework settings serves the website chat and keeps /api/messages closed", async () => {
    const s = await startServer(db, new EchoBot(), settingsFrom({ NODE_ENV: "production" }));
    try {
      const res = await postJson(`${s.url}/api/messages`, channelActivity("conv-x", "Hallo"));
      expect(res.status).toBe(503);
      expect((await fetch(`${s.url}/`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe("probes", () => {
  it("reports liveness and readiness", async () => {
    const s = await startServer(db, new EchoBot());
    try {
      expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ status: "ok" });
      const ready = await fetch(`${s.url}/readyz`);
      expect(ready.status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("is not ready when the database is gone", async () => {
    const other = await openTestDb({ kind: "pglite" });
    const s = await startServer(other, new EchoBot());
    try {
      await other.close();
      expect((await fetch(`${s.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
