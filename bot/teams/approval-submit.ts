/**
 * A click on an approval card in the staff channel: decide through the core (first decision wins,
 * the same API as the console and the CLI), then update that card in place with who decided and
 * when. A click that lost the race sees the decision plus "bereits entschieden von … um …".
 */
import type { Sql } from "postgres";
import type { TurnContext } from "botbuilder";
import type { Actor, Appointment, Result } from "../../core/bookings/types.ts";
import { APPROVAL_TEXTS as T } from "../../templates/de/cards/approval.ts";
import { logId } from "../turn-pipeline.ts";
import { APPROVAL_SUBMIT, approvalCard, readSlotValue, type CardState } from "./approval-card.ts";
import { staffActor, type ApprovalContext } from "./approval-context.ts";
import { alternativesFor, decidedState, outcomeOf } from "./approval-view.ts";
import { staffChannelKey } from "./staff-channel.store.ts";

export interface ApprovalSubmit {
  action: "approve" | "approve_other" | "reject";
  appointmentId: string;
  slot?: { locationId: string; start: string };
  message?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The submit of an approval card, or null for any other activity value. */
export function readApprovalSubmit(value: unknown): ApprovalSubmit | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (v[APPROVAL_SUBMIT] !== true || typeof v.appointmentId !== "string" || !UUID.test(v.appointmentId)) return null;
  if (v.action !== "approve" && v.action !== "approve_other" && v.action !== "reject") return null;
  const message = typeof v.message === "string" ? v.message.trim().slice(0, 2000) : "";
  const slot = readSlotValue(v.slot);
  return { action: v.action, appointmentId: v.appointmentId, ...(slot ? { slot } : {}), ...(message ? { message } : {}) };
}

export function isApprovalSubmit(value: unknown): boolean {
  return !!value && typeof value === "object" && (value as Record<string, unknown>)[APPROVAL_SUBMIT] === true;
}

export async function handleApprovalSubmit(context: TurnContext, submit: ApprovalSubmit | null, ctx: ApprovalContext): Promise<void> {
  const a = context.activity;
  const channelKey = staffChannelKey(a.conversation.id);
  // Deciding is for the registered staff channel only; the team's membership is the permission.
  if (!submit || !(await ctx.channels.isActive(channelKey))) {
    ctx.log.warn({ action: "teams_approval", code: submit ? "NOT_STAFF_CHANNEL" : "BAD_SUBMIT", conversation: logId(channelKey) }, "submit ignored");
    return;
  }
  if ((submit.action === "reject" && !submit.message) || (submit.action === "approve_other" && !submit.slot)) {
    await context.sendActivity(submit.action === "reject" ? T.rejectNeedsMessage : T.failed.other!);
    return;
  }
  const name = a.from.name?.trim() || T.channels.staff!;
  const result = await decide(ctx, submit, staffActor(ctx, a.from), name);
  ctx.log.info({ action: "teams_approval", code: result.ok ? "DECIDED" : result.code, decision: submit.action, appointmentId: submit.appointmentId }, "approval submit");
  const appointment = await ctx.core.bookings.get(submit.appointmentId);
  const activityId = a.replyToId ?? (await ctx.cards.find(submit.appointmentId, channelKey))?.activityId;
  if (!appointment || !activityId) return;
  const state = await stateAfter(ctx, appointment, result);
  await context.updateActivity({ type: "message", id: activityId, attachments: [approvalCard(appointment, state, ctx.fmt)] });
  if (state.kind === "decided") await ctx.cards.markShown(submit.appointmentId, channelKey, state.outcome);
}

type Decision = Result<{ appointment: { start: string; locationId: string } }>;

/** The decision and the decider's name in one transaction, so a concurrent loser reads the name. */
async function decide(ctx: ApprovalContext, submit: ApprovalSubmit, actor: Actor, name: string): Promise<Decision> {
  const { core } = ctx;
  return core.sql.begin(async (tx) => {
    const r: Decision =
      submit.action === "reject"
        ? await core.approvals.reject({ appointmentId: submit.appointmentId, actor, message: submit.message! }, { tx })
        : await core.approvals.approve({ appointmentId: submit.appointmentId, actor, ...(submit.slot ? { slot: submit.slot } : {}) }, { tx });
    if (r.ok) await ctx.cards.recordDecider(tx as unknown as Sql, submit.appointmentId, name, core.now());
    return r;
  }) as Promise<Decision>;
}

async function stateAfter(ctx: ApprovalContext, appointment: Appointment, result: Decision): Promise<CardState> {
  const { core, fmt } = ctx;
  const outcome = outcomeOf(appointment);
  if (outcome === null) {
    const note = result.ok ? undefined : (T.failed[result.code] ?? T.failed.other);
    return { kind: "open", alternatives: await alternativesFor(core, appointment, fmt), ...(note ? { note } : {}) };
  }
  const by = await ctx.cards.decider(appointment.id);
  const newSlot = result.ok && outcome === "approved_other" ? `${fmt.dateTime(result.appointment.start)} · ${fmt.location(result.appointment.locationId)}` : undefined;
  const note = !result.ok && result.code === "ALREADY_DECIDED" ? T.alreadyDecided(by, appointment.decidedAt ? `${fmt.time(appointment.decidedAt)} Uhr` : null) : undefined;
  return decidedState(appointment, outcome, by, fmt, { ...(newSlot ? { newSlot } : {}), ...(note ? { note } : {}) });
}
