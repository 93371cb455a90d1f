/**
 * The writing half of a plan, inside the inbound transaction: holds, bookings, cancellations and
 * our answer all commit together with the record of the mail — or not at all.
 */
import type { Sql, TransactionSql } from "postgres";
import type { Actor, Slot } from "../core/bookings/types.ts";
import type { ErrorCode } from "../core/errors.ts";
import type { Conversation, Proposal } from "./conversation.store.ts";
import { enqueueReply } from "./enqueue-reply.ts";
import { locationName, needsApproval, serviceNames, type MailContext } from "./mail-context.ts";
import { proposalLimit, type Prepared } from "./prepare-plan.ts";
import type { NoticeKind } from "../templates/de/mail/notice.ts";
import type { ProposalReason } from "../templates/de/mail/proposals.ts";
import { registerWish } from "./waitlist-reply.ts";

const NOTICE_FOR: Partial<Record<ErrorCode, NoticeKind>> = {
  NOT_FOUND: "not_found",
  ALREADY_CANCELLED: "already_cancelled",
  NOT_CANCELLABLE: "not_cancellable",
  TOO_MANY_ATTEMPTS: "too_many_attempts",
  LIMIT_REACHED: "limit_reached",
};

export interface ApplyInput {
  tx: TransactionSql;
  ctx: MailContext;
  conversation: Conversation;
  /** The citizen's words, kept with holds for staff approval. */
  text: string;
}

const actorFor = (c: Conversation): Actor => ({ kind: "citizen", channel: "mail", conversationId: c.token });
const contactOf = (c: Conversation) => ({ name: c.citizenName, email: c.citizenAddress });

async function notice(a: ApplyInput, kind: NoticeKind, nextRelease: string | null = null): Promise<void> {
  // "Nothing free" offers the waiting list when we know what the citizen wants.
  const waitlist = kind === "no_slots" && a.ctx.waitlist !== null && a.conversation.request.services.length > 0;
  await enqueueReply(a.tx as unknown as Sql, a.conversation, { template: "notice", data: { kind, nextRelease, waitlist } });
}

async function releaseHolds(a: ApplyInput, keep: Proposal | null): Promise<void> {
  for (const p of a.conversation.proposals) {
    if (p === keep || !p.appointmentId || !p.holdToken) continue;
    await a.ctx.core.bookings.releaseHold({ appointmentId: p.appointmentId, holdToken: p.holdToken }, { tx: a.tx });
  }
  a.conversation.proposals = keep ? [keep] : [];
}

async function holdSlots(a: ApplyInput, slots: Slot[]): Promise<{ held: Proposal[]; holdUntil: string | null }> {
  const held: Proposal[] = [];
  let holdUntil: string | null = null;
  const wanted = proposalLimit(a.ctx, a.conversation.request);
  for (const slot of slots) {
    if (held.length >= wanted) break;
    const r = await a.ctx.core.bookings.hold(
      {
        slot, services: a.conversation.request.services, actor: actorFor(a.conversation), request: { text: a.text, understood: a.conversation.request },
        holdMinutes: a.ctx.settings.holdMinutes,
      },
      { tx: a.tx },
    );
    if (!r.ok) continue;
    held.push({ appointmentId: r.appointment.id, holdToken: r.holdToken, locationId: slot.locationId, start: slot.start });
    holdUntil = r.appointment.holdExpiresAt;
  }
  return { held, holdUntil };
}

/** Hold the slots and offer them; a service that needs approval becomes a suggestion at once. */
async function propose(a: ApplyInput, slots: Slot[], reason: ProposalReason, hold: boolean): Promise<void> {
  const c = a.conversation;
  await releaseHolds(a, null);
  const { held, holdUntil } = hold
    ? await holdSlots(a, slots)
    : { held: slots.slice(0, proposalLimit(a.ctx, c.request)).map((s) => ({ appointmentId: null, holdToken: null, locationId: s.locationId, start: s.start })), holdUntil: null };
  if (held.length === 0) return void (await notice(a, "no_slots"));
  c.proposals = held;
  if (hold && needsApproval(a.ctx.core.config, c.request.services)) return confirmProposal(a, held[0]!, []);
  c.state = "proposed";
  const config = a.ctx.core.config;
  await enqueueReply(a.tx as unknown as Sql, c, {
    template: "proposals",
    data: {
      services: serviceNames(config, c.request.services), slots: held.map((p) => ({ start: p.start, locationName: locationName(config, p.locationId) })), reason, holdUntil,
      waitlist: reason === "no_match" && a.ctx.waitlist !== null && !c.rescheduleCode,
    },
  });
}

/** Book the chosen proposal: confirm its hold, or book the slot anew when the hold ran out. */
async function confirmProposal(a: ApplyInput, p: Proposal, fallback: Slot[]): Promise<void> {
  const c = a.conversation;
  const core = a.ctx.core;
  await releaseHolds(a, p);
  let result = p.appointmentId && p.holdToken
    ? await core.bookings.confirm({ appointmentId: p.appointmentId, holdToken: p.holdToken, contact: contactOf(c), actor: actorFor(c) }, { tx: a.tx })
    : null;
  if (!result || (!result.ok && (result.code === "HOLD_EXPIRED" || result.code === "HOLD_NOT_FOUND"))) {
    const slot = { locationId: p.locationId, start: p.start };
    result = await core.bookings.book({ slot, services: c.request.services, actor: actorFor(c), contact: contactOf(c), request: { text: a.text, understood: c.request } }, { tx: a.tx });
  }
  if (result.ok) {
    // The core enqueues the confirmation (or "being checked") mail itself, in this transaction.
    c.state = result.appointment.status === "suggested" ? "suggested" : "booked";
    c.appointmentId = result.appointment.id;
    c.proposals = [];
    return;
  }
  if (result.code === "SLOT_TAKEN" && fallback.length > 0) return propose(a, fallback, "slot_gone", true);
  await notice(a, NOTICE_FOR[result.code] ?? (result.code === "SLOT_TAKEN" ? "no_slots" : "failed"));
}

async function reschedule(a: ApplyInput, code: string, p: Proposal, fallback: Slot[]): Promise<void> {
  const c = a.conversation;
  const slot = { locationId: p.locationId, start: p.start };
  const r = await a.ctx.core.bookings.reschedule({ code, email: c.citizenAddress }, slot, actorFor(c), { tx: a.tx, source: `mail:${c.citizenAddress}` });
  if (r.ok) {
    Object.assign(c, { state: "booked", appointmentId: r.appointment.id, rescheduleCode: null, proposals: [] });
    return;
  }
  if (r.code === "SLOT_TAKEN" && fallback.length > 0) return propose(a, fallback, "slot_gone", false);
  await notice(a, NOTICE_FOR[r.code] ?? "failed");
}

async function cancel(a: ApplyInput, code: string): Promise<void> {
  const c = a.conversation;
  const r = await a.ctx.core.bookings.cancel({ code, email: c.citizenAddress }, actorFor(c), { tx: a.tx, source: `mail:${c.citizenAddress}` });
  if (r.ok) {
    // The core enqueues the cancellation mail (with ICS METHOD:CANCEL) itself.
    Object.assign(c, { state: "closed", appointmentId: r.appointment.id });
    return;
  }
  await notice(a, NOTICE_FOR[r.code] ?? "failed");
}

async function choose(a: ApplyInput, index: number, fallback: Slot[]): Promise<void> {
  const chosen = a.conversation.proposals[index];
  if (!chosen) return notice(a, "choice_unclear");
  const code = a.conversation.rescheduleCode;
  return code ? reschedule(a, code, chosen, fallback) : confirmProposal(a, chosen, fallback);
}

/** Returns false when nothing was done (no answer, no booking). */
export async function applyPlan(a: ApplyInput, p: Prepared): Promise<boolean> {
  switch (p.action) {
    case "propose":
      a.conversation.request = p.request;
      a.conversation.rescheduleCode = null;
      await propose(a, p.slots, p.reason, true);
      return true;
    case "reschedule":
      Object.assign(a.conversation, { request: p.request, rescheduleCode: p.code });
      await propose(a, p.slots, "new_wish", false);
      return true;
    case "choose":
      await choose(a, p.index, p.fallback);
      return true;
    case "cancel":
      await cancel(a, p.code);
      return true;
    case "ask_service":
      Object.assign(a.conversation, { request: p.request, state: "asked" });
      await notice(a, "ask_service");
      return true;
    case "notice":
      if (p.request) a.conversation.request = p.request;
      await notice(a, p.kind, p.nextRelease ?? null);
      return true;
    case "waitlist":
      await releaseHolds(a, null);
      await registerWish(a, p.request);
      return true;
    case "none":
      return false;
  }
}
