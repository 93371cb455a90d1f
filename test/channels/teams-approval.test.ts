import { ConversationState, MemoryStorage } from "botbuilder";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApprovalContext, type ApprovalContext } from "../../bot/teams/approval-context.ts";
import { createApprovalPoster, type ApprovalPoster } from "../../bot/teams/approval-poster.ts";
import { readTeamsSettings } from "../../bot/teams/settings.ts";
import { withTeams } from "../../bot/teams/teams-bot.ts";
import { createDialogBot } from "../../dialogs/index.ts";
import { APPROVAL_TEXTS } from "../../templates/de/cards/approval.ts";
import { TEAMS_TEXTS } from "../../templates/de/cards/teams.ts";
import { settingsFrom, startServer, type Started } from "../bot/helpers.ts";
import { cityParser, LINKS } from "../dialogs/support/chat.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { cardAction, suggest } from "./approval-support.ts";
import { cardText, startFakeConnector, type FakeConnector } from "./fake-connector.ts";
import { BOT, postActivity, teamsActivity, TENANT } from "./teams-activity.ts";

const STAFF_CHANNEL = { id: "19:staff@thread.tacv2", conversationType: "channel" as const };
const ANNA = { id: "29:anna", name: "Anna Amt", aadObjectId: "aad-anna" };
const BERND = { id: "29:bernd", name: "Bernd Behörde", aadObjectId: "aad-bernd" };

describe("staff approval in a Teams channel", () => {
  let db: TestDb;
  let connector: FakeConnector;
  let server: Started;
  let ctx: ApprovalContext;
  let poster: ApprovalPoster;

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite" });
    connector = await startFakeConnector();
    ctx = createApprovalContext(db.core, readTeamsSettings({ TEAMS_ALLOWED_TENANTS: TENANT }));
    const dialogBot = createDialogBot({ core: db.core, parse: cityParser(db.core), conversationState: new ConversationState(new MemoryStorage()), links: LINKS });
    server = await startServer(db, withTeams(dialogBot, ctx), settingsFrom({ BOT_DEV_UNAUTHENTICATED: "1" }));
    poster = createApprovalPoster({ ctx, adapter: server.http.cloudAdapter!, appId: "" });
    // The bot is added to the team: its channel becomes the staff channel.
    const added = teamsActivity(connector.url, STAFF_CHANNEL, { type: "conversationUpdate", membersAdded: [BOT], channelData: { tenant: { id: TENANT }, team: { id: "team-1" } } });
    expect(await postActivity(server.url, added)).toBe(200);
    expect(connector.sends().map((c) => [c.conversationId, c.activity.text])).toEqual([[STAFF_CHANNEL.id, TEAMS_TEXTS.staffChannelRegistered]]);
  });
  afterEach(() => connector.reset());
  afterAll(async () => {
    await server.close();
    await connector.close();
    await db.close();
  });

  /** Posts the card of a new suggestion and returns its id and content. */
  async function postedCard(text: string) {
    const appointment = await suggest(db.core, text);
    expect((await poster.runOnce()).posted).toBe(1);
    const sent = connector.sends().find((c) => cardText(c.activity).includes(appointment.code))!;
    expect(sent.conversationId).toBe(STAFF_CHANNEL.id);
    connector.reset();
    return { appointment, cardId: sent.id, card: sent.activity.attachments[0].content as Record<string, any> };
  }

  function click(cardId: string, staff: typeof ANNA, value: Record<string, unknown>) {
    const conversation = { ...STAFF_CHANNEL, id: `${STAFF_CHANNEL.id};messageid=${cardId}` };
    return postActivity(server.url, teamsActivity(connector.url, conversation, { from: staff, replyToId: cardId, value, text: undefined }));
  }

  it("posts each suggestion once, with the citizen's words as plain text, and the first of two clicks decides", async () => {
    const words = "Wir wollen <b>heiraten</b>, **bald** [hier](http://evil.example)";
    const { appointment, cardId, card } = await postedCard(words);
    const runs = JSON.stringify(card);
    expect(cardText({ attachments: [{ content: card }] })).toContain(words);
    expect(card.body.filter((b: any) => b.type === "TextBlock").map((b: any) => b.text)).not.toContain(words);
    expect(runs).toContain("Erika <Mustermann>");
    expect(cardText({ attachments: [{ content: card }] })).toContain("Uhrzeit: 09:00–12:00 Uhr");
    expect((await poster.runOnce()).posted).toBe(0);

    const approve = cardAction(card, APPROVAL_TEXTS.approve).data;
    expect(await Promise.all([click(cardId, ANNA, approve), click(cardId, BERND, approve)])).toEqual([200, 200]);

    const events = await db.sql<{ actor: string }[]>`select actor from appointment_event where appointment_id = ${appointment.id} and kind = 'approved'`;
    expect(events).toHaveLength(1);
    const winner = events[0]!.actor === "staff:aad-anna" ? ANNA : BERND;
    expect((await db.core.bookings.get(appointment.id))!.status).toBe("booked");
    const updates = connector.updates();
    expect(updates.map((u) => [u.conversationId.split(";")[0], u.activityId])).toEqual([[STAFF_CHANNEL.id, cardId], [STAFF_CHANNEL.id, cardId]]);
    const texts = updates.map((u) => cardText(u.activity));
    expect(texts.every((t) => t.includes(`Genehmigt von ${winner.name} am`))).toBe(true);
    expect(texts.filter((t) => t.includes(`bereits entschieden von ${winner.name} um 10:00 Uhr`))).toHaveLength(1);
    expect(updates.every((u) => u.activity.attachments[0].content.actions === undefined)).toBe(true);
    expect(await poster.runOnce()).toEqual({ posted: 0, updated: 0 });
  });

  it("rejects only with a message, which the card then shows as plain text", async () => {
    const { appointment, cardId, card } = await postedCard("Trauung im Mai");
    const reject = cardAction(card, APPROVAL_TEXTS.rejectSubmit).data;
    await click(cardId, ANNA, { ...reject, message: "  " });
    expect(connector.sends().map((c) => c.activity.text)).toEqual([APPROVAL_TEXTS.rejectNeedsMessage]);
    expect((await db.core.bookings.get(appointment.id))!.status).toBe("suggested");

    await click(cardId, ANNA, { ...reject, message: "Bitte zuerst die <Geburtsurkunde> & Pässe vorlegen." });
    expect((await db.core.bookings.get(appointment.id))!.status).toBe("rejected");
    const text = cardText(connector.updates().at(-1)!.activity);
    expect(text).toContain("Abgelehnt von Anna Amt am");
    expect(text).toContain("Nachricht: Bitte zuerst die <Geburtsurkunde> & Pässe vorlegen.");
  });

  it("approves another slot picked on the card", async () => {
    const { appointment, cardId, card } = await postedCard("Hochzeit, gern vormittags");
    const choices = card.actions[1].card.body[0].choices as { value: string }[];
    expect(choices.length).toBeGreaterThan(1);
    await click(cardId, BERND, { ...cardAction(card, APPROVAL_TEXTS.otherSlotSubmit).data, slot: choices[1]!.value });
    const [, start] = choices[1]!.value.split("|");
    const [booked] = await db.sql<{ id: string }[]>`select id from appointment where rescheduled_from = ${appointment.id} and status = 'booked'`;
    expect(new Date((await db.core.bookings.get(booked!.id))!.start).getTime()).toBe(new Date(start!).getTime());
    const text = cardText(connector.updates().at(-1)!.activity);
    expect(text).toContain(APPROVAL_TEXTS.decidedTitle.approved_other);
    expect(text).toContain("Neuer Termin:");
  });

  it("updates the card in place when the suggestion was decided outside Teams", async () => {
    const { appointment, cardId } = await postedCard("Eheschließung");
    expect((await db.core.approvals.approve({ appointmentId: appointment.id, actor: { kind: "staff", staffId: "cli", locations: "all" } })).ok).toBe(true);
    expect(await poster.runOnce()).toEqual({ posted: 0, updated: 1 });
    const [update] = connector.updates();
    expect(update!.activityId).toBe(cardId);
    expect(cardText(update!.activity)).toContain("Genehmigt außerhalb von Teams am");
  });

  it("ignores approval submits from outside the staff channel", async () => {
    const { appointment, card } = await postedCard("Heiraten");
    const personal = { id: "a:personal-anna", conversationType: "personal" as const };
    await postActivity(server.url, teamsActivity(connector.url, personal, { from: ANNA, value: cardAction(card, APPROVAL_TEXTS.approve).data, text: undefined }));
    expect((await db.core.bookings.get(appointment.id))!.status).toBe("suggested");
    expect(connector.calls).toEqual([]);
  });
});
