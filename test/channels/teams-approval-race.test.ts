/**
 * Two staff members decide one suggestion at the same instant from two processes (two cores on
 * their own connection pools, real PostgreSQL): exactly one decision, and the loser's card says
 * who decided first.
 */
import { TestAdapter, TurnContext, type Activity } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApprovalContext, type ApprovalContext } from "../../bot/teams/approval-context.ts";
import { approvalCard } from "../../bot/teams/approval-card.ts";
import { handleApprovalSubmit, readApprovalSubmit } from "../../bot/teams/approval-submit.ts";
import { readTeamsSettings } from "../../bot/teams/settings.ts";
import { APPROVAL_TEXTS } from "../../templates/de/cards/approval.ts";
import { openTestDb, postgresAvailable, type TestDb } from "../support/db.ts";
import { cardAction, suggest } from "./approval-support.ts";
import { cardText } from "./fake-connector.ts";

const CHANNEL = "19:staff-race@thread.tacv2";

/** Records in-place card updates (TestAdapter only replaces activities it sent itself). */
class RecordingAdapter extends TestAdapter {
  readonly updated: Partial<Activity>[] = [];
  constructor() {
    super(async () => {});
  }
  override async updateActivity(_context: TurnContext, activity: Partial<Activity>) {
    this.updated.push(activity);
    return { id: activity.id ?? "" };
  }
}

describe.skipIf(!(await postgresAvailable()))("approval race across two processes (PostgreSQL)", () => {
  let db: TestDb;
  let first: ApprovalContext;
  let second: ApprovalContext;
  beforeAll(async () => {
    db = await openTestDb({ kind: "postgres" });
    const settings = readTeamsSettings({ TEAMS_ALLOWED_TENANTS: "*" });
    first = createApprovalContext(db.core, settings);
    second = createApprovalContext(db.secondCore!(), settings);
    await first.channels.add({ channelId: "msteams", serviceUrl: "http://127.0.0.1:9/", conversation: { id: CHANNEL, isGroup: true, conversationType: "channel", name: "" } }, null);
  });
  afterAll(async () => db?.close());

  function clickContext(adapter: RecordingAdapter, staff: { id: string; name: string; aadObjectId: string }, value: unknown): TurnContext {
    const activity = {
      type: "message", channelId: "msteams", id: `click-${staff.id}`, replyToId: "card-1", value,
      conversation: { id: `${CHANNEL};messageid=card-1`, isGroup: true, conversationType: "channel" },
      from: staff, recipient: { id: "bot" }, serviceUrl: "http://127.0.0.1:9/",
    } as unknown as Activity;
    return new TurnContext(adapter, activity);
  }

  it("lets exactly one of two simultaneous approvals through", async () => {
    for (let round = 0; round < 3; round++) {
      const appointment = await suggest(db.core, `Heiraten, Runde ${round}`);
      const card = approvalCard(appointment, { kind: "open", alternatives: [] }, first.fmt).content as Record<string, any>;
      await db.sql`insert into teams_approval_card (appointment_id, conversation_key, activity_id, claimed_at, posted_at)
        values (${appointment.id}, ${`msteams:${CHANNEL}`}, 'card-1', now(), now())`;
      const submit = cardAction(card, APPROVAL_TEXTS.approve).data;
      const adapters = [new RecordingAdapter(), new RecordingAdapter()];
      await Promise.all([
        handleApprovalSubmit(clickContext(adapters[0]!, { id: "29:a", name: "Anna Amt", aadObjectId: "aad-a" }, submit), readApprovalSubmit(submit), first),
        handleApprovalSubmit(clickContext(adapters[1]!, { id: "29:b", name: "Bernd Behörde", aadObjectId: "aad-b" }, submit), readApprovalSubmit(submit), second),
      ]);
      const events = await db.sql<{ actor: string }[]>`select actor from appointment_event where appointment_id = ${appointment.id} and kind = 'approved'`;
      expect(events).toHaveLength(1);
      const winner = events[0]!.actor === "staff:aad-a" ? "Anna Amt" : "Bernd Behörde";
      const texts = adapters.map((a) => cardText(a.updated[0] as Record<string, any>));
      expect(texts.filter((t) => t.includes(`Diese Anfrage wurde bereits entschieden von ${winner} um`))).toHaveLength(1);
      expect(texts.every((t) => t.includes(`Genehmigt von ${winner} am`))).toBe(true);
    }
  });
});
