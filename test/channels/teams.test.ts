import { ConversationState, MemoryStorage, type TurnContext } from "botbuilder";
import { PgStorage } from "../../bot/pg-storage.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApprovalContext } from "../../bot/teams/approval-context.ts";
import { readTeamsSettings } from "../../bot/teams/settings.ts";
import { withTeams } from "../../bot/teams/teams-bot.ts";
import { createDialogBot } from "../../dialogs/index.ts";
import { GENERAL } from "../../templates/de/bot/general.ts";
import { TEAMS_TEXTS } from "../../templates/de/cards/teams.ts";
import { settingsFrom, startServer, type Started } from "../bot/helpers.ts";
import { cityParser, LINKS } from "../dialogs/support/chat.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { startFakeConnector, type FakeConnector } from "./fake-connector.ts";
import { mention, postActivity, teamsActivity, TENANT } from "./teams-activity.ts";

describe("Teams channel through /api/messages (CloudAdapter, auth off, local serviceUrl)", () => {
  let db: TestDb;
  let connector: FakeConnector;
  let server: Started;

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite" });
    connector = await startFakeConnector();
    const ctx = createApprovalContext(db.core, readTeamsSettings({ TEAMS_ALLOWED_TENANTS: TENANT }));
    const dialogBot = createDialogBot({ core: db.core, parse: cityParser(db.core), conversationState: new ConversationState(new MemoryStorage()), links: LINKS });
    server = await startServer(db, withTeams(dialogBot, ctx), settingsFrom({ BOT_DEV_UNAUTHENTICATED: "1" }), { teams: ctx.settings });
  });
  afterEach(() => connector.reset());
  afterAll(async () => {
    await server.close();
    await connector.close();
    await db.close();
  });

  const say = async (conversation: Parameters<typeof teamsActivity>[1], fields: Record<string, unknown>, tenant?: string) => {
    expect(await postActivity(server.url, teamsActivity(connector.url, conversation, fields, tenant))).toBe(200);
    return connector.sends();
  };
  const heroButtons = (a: Record<string, any>) =>
    (a.attachments ?? []).filter((x: any) => x.contentType === "application/vnd.microsoft.card.hero").flatMap((x: any) => x.content.buttons.map((b: any) => b.title));

  it("renders choices as a hero card and passes an Adaptive Card submit (value, no text) on as text", async () => {
    const personal = { id: "a:personal-1", conversationType: "personal" as const };
    const [welcome] = await say(personal, { text: "Hallo" });
    expect(welcome!.activity.text).toBe(GENERAL.greeting);
    connector.reset();

    const sent = await say(personal, { text: "Reisepass" });
    const last = sent.at(-1)!.activity;
    expect(last.suggestedActions).toBeUndefined();
    expect(heroButtons(last)).toEqual(["So bald wie möglich", "Diese Woche", "Nächste Woche", "Vormittags", "Nachmittags"]);
    expect(last.attachments[0].content.buttons.every((b: any) => b.type === "imBack")).toBe(true);
    connector.reset();

    const submitted = await say(personal, { text: undefined, value: { choice: "Nächste Woche" } });
    const text = submitted.map((c) => c.activity.text ?? "").join("\n");
    expect(text).toContain("Ich suche: Reisepass beantragen · 30.11.–6.12.");
    expect(submitted.every((c) => c.activity.locale === "de-DE")).toBe(true);
  });

  it("strips the @-mention in group chats before the dialogs read the text", async () => {
    const heard: (string | undefined)[] = [];
    const ctx = createApprovalContext(db.core, readTeamsSettings({ TEAMS_ALLOWED_TENANTS: TENANT }));
    const recorder = { run: async (context: TurnContext) => void heard.push(context.activity.text) };
    const second = await startServer(db, withTeams(recorder, ctx), settingsFrom({ BOT_DEV_UNAUTHENTICATED: "1" }));
    try {
      const group = { id: "19:group-1@thread.v2", conversationType: "groupChat" as const };
      expect(await postActivity(second.url, teamsActivity(connector.url, group, mention("Reisepass nächste Woche")))).toBe(200);
      expect(heard).toEqual(["Reisepass nächste Woche"]);
    } finally {
      await second.close();
    }
  });

  it("answers another tenant with one polite refusal and nothing else", async () => {
    const personal = { id: "a:foreign-1", conversationType: "personal" as const };
    const sent = await say(personal, { text: "Reisepass nächste Woche" }, "tenant-fremd");
    expect(sent.map((c) => c.activity.text)).toEqual([TEAMS_TEXTS.foreignTenant]);
    connector.reset();
    await say(personal, { type: "conversationUpdate", text: undefined, membersAdded: [{ id: "29:user-1" }] }, "tenant-fremd");
    expect(connector.calls).toEqual([]);
    expect(await db.sql`select 1 from appointment where channel = 'teams'`).toHaveLength(0);
    expect(await db.sql`select 1 from bot_conversation_ref where conversation_key = 'msteams:a:foreign-1'`).toHaveLength(0);
  });

  it("checks the tenant before anything is stored: no reference, lease or bot state of a foreign tenant", async () => {
    // A bot that writes state on every turn, not wrapped by withTeams: only the adapter's gate can stop it.
    const state = new ConversationState(new PgStorage(db.sql));
    const seen = state.createProperty<number>("seen");
    const writer = {
      run: async (context: TurnContext) => {
        await seen.set(context, 1);
        await state.saveChanges(context);
      },
    };
    const gated = await startServer(db, writer, settingsFrom({ BOT_DEV_UNAUTHENTICATED: "1" }), { teams: readTeamsSettings({ TEAMS_ALLOWED_TENANTS: TENANT }) });
    const traces = async (id: string) => ({
      refs: (await db.sql`select 1 from bot_conversation_ref where conversation_key = ${`msteams:${id}`}`).length,
      state: (await db.sql`select 1 from bot_state where key like ${`%${id}%`}`).length,
      leases: (await db.sql`select 1 from bot_turn_lease where key = ${`msteams:${id}`}`).length,
    });
    try {
      const foreign = { id: "a:foreign-trace", conversationType: "personal" as const };
      expect(await postActivity(gated.url, teamsActivity(connector.url, foreign, { text: "Hallo" }, "tenant-fremd"))).toBe(200);
      expect(await postActivity(gated.url, teamsActivity(connector.url, foreign, { type: "conversationUpdate", text: undefined, membersAdded: [{ id: "29:user-1" }] }, "tenant-fremd"))).toBe(200);
      expect(connector.sends().map((c) => [c.activity.text, c.activity.locale])).toEqual([[TEAMS_TEXTS.foreignTenant, "de-DE"]]);
      expect(await traces(foreign.id)).toEqual({ refs: 0, state: 0, leases: 0 });

      // The same bot in our own tenant does store: the assertions above are not vacuous.
      const own = { id: "a:own-trace", conversationType: "personal" as const };
      expect(await postActivity(gated.url, teamsActivity(connector.url, own, { text: "Hallo" }))).toBe(200);
      expect(await traces(own.id)).toMatchObject({ refs: 1, state: 1 });
    } finally {
      await gated.close();
    }
  });

  it("greets a citizen who installs the bot personally, but not team members joining a channel", async () => {
    const personal = { id: "a:personal-2", conversationType: "personal" as const };
    const [welcome] = await say(personal, { type: "conversationUpdate", text: undefined, membersAdded: [{ id: "29:user-1" }] });
    expect(welcome!.activity.text).toMatch(/^Guten Tag! Ich bin der Terminassistent/);
    expect(heroButtons(welcome!.activity)).toContain("Termin buchen");
    connector.reset();
    const channel = { id: "19:team-general@thread.tacv2", conversationType: "channel" as const };
    await say(channel, { type: "conversationUpdate", text: undefined, membersAdded: [{ id: "29:new-colleague" }], channelData: { tenant: { id: TENANT }, team: { id: "team-1" } } });
    expect(connector.calls).toEqual([]);
  });
});
