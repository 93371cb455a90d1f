/**
 * Posts each suggested booking to the Teams staff channels as an approval card, and brings cards
 * up to date when a suggestion was decided elsewhere (console, CLI, another channel) or withdrawn.
 *
 * Why polling `core.approvals.list` and not the outbox: the core enqueues `booking_suggested` for
 * mail only. The claim row in `teams_approval_card` makes the posting exactly-once across
 * instances all the same. If the core later enqueues rows for channel 'teams_staff', `runOnce`
 * can claim those instead without changing the cards.
 */
import type { Attachment, BotAdapter, ConversationReference } from "botbuilder";
import type { Appointment } from "../../core/bookings/types.ts";
import { runPeriodically } from "../periodic.ts";
import { errorFields, logId } from "../turn-pipeline.ts";
import { approvalCard } from "./approval-card.ts";
import type { ApprovalCardRow } from "./approval-card.store.ts";
import type { ApprovalContext } from "./approval-context.ts";
import { alternativesFor, decidedState, outcomeOf } from "./approval-view.ts";
import type { StaffChannel } from "./staff-channel.store.ts";

export interface ApprovalPosterDeps {
  ctx: ApprovalContext;
  /** The Bot Framework adapter Teams talks to (the server's CloudAdapter). */
  adapter: BotAdapter;
  /** MicrosoftAppId; proactive calls to Teams need the bot's identity. */
  appId: string;
}

export interface ApprovalPoster {
  runOnce(): Promise<{ posted: number; updated: number }>;
  start(intervalMs?: number): () => Promise<void>;
}

export function createApprovalPoster(deps: ApprovalPosterDeps): ApprovalPoster {
  const { ctx } = deps;

  async function send(reference: Partial<ConversationReference>, card: Attachment, updateId?: string): Promise<string> {
    let id = "";
    await deps.adapter.continueConversationAsync(deps.appId, reference, async (turn) => {
      if (updateId) await turn.updateActivity({ type: "message", id: updateId, attachments: [card] });
      else id = (await turn.sendActivity({ type: "message", attachments: [card] }))?.id ?? "";
    });
    return id;
  }

  async function post(a: Appointment, channel: StaffChannel): Promise<boolean> {
    if (!(await ctx.cards.claim(a.id, channel.conversationKey, ctx.core.now()))) return false;
    try {
      const card = approvalCard(a, { kind: "open", alternatives: await alternativesFor(ctx.core, a, ctx.fmt) }, ctx.fmt);
      await ctx.cards.posted(a.id, channel.conversationKey, await send(channel.reference, card), ctx.core.now());
      return true;
    } catch (err) {
      await ctx.cards.release(a.id, channel.conversationKey);
      ctx.log.warn({ action: "teams_approval_post", appointmentId: a.id, conversation: logId(channel.conversationKey), ...errorFields(err) }, "card not posted");
      return false;
    }
  }

  async function refresh(row: ApprovalCardRow, channel: StaffChannel): Promise<boolean> {
    const a = await ctx.core.bookings.get(row.appointmentId);
    const outcome = a ? outcomeOf(a) : null;
    if (!a || !outcome) return false;
    if (row.activityId) await send(channel.reference, approvalCard(a, decidedState(a, outcome, row.decidedByName, ctx.fmt), ctx.fmt), row.activityId);
    await ctx.cards.markShown(row.appointmentId, row.conversationKey, outcome);
    return true;
  }

  async function runOnce() {
    const counts = { posted: 0, updated: 0 };
    const channels = await ctx.channels.active();
    if (!channels.length) return counts;
    for (const a of await ctx.core.approvals.list({ locations: ctx.settings.approverLocations, status: "suggested" }))
      for (const channel of channels) if (await post(a, channel)) counts.posted += 1;
    const byKey = new Map(channels.map((c) => [c.conversationKey, c]));
    for (const row of await ctx.cards.open()) {
      const channel = byKey.get(row.conversationKey);
      try {
        if (channel && (await refresh(row, channel))) counts.updated += 1;
      } catch (err) {
        ctx.log.warn({ action: "teams_approval_refresh", appointmentId: row.appointmentId, ...errorFields(err) }, "card not updated");
      }
    }
    return counts;
  }

  function start(intervalMs = ctx.settings.pollSeconds * 1000) {
    return runPeriodically(runOnce, intervalMs, (err) => ctx.log.error({ action: "teams_approval_poster", ...errorFields(err) }, "pass failed"));
  }

  return { runOnce, start };
}
