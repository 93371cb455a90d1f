/**
 * The read-only half of a plan: slot searches and lookups run BEFORE the inbound transaction,
 * because on embedded PGlite a query outside the open transaction would wait for it forever.
 */
import type { Slot } from "../core/bookings/types.ts";
import type { Conversation, StoredRequest } from "./conversation.store.ts";
import type { MailContext } from "./mail-context.ts";
import { needsApproval } from "./mail-context.ts";
import type { Plan } from "./plan-reply.ts";
import type { NoticeKind } from "../templates/de/mail/notice.ts";
import type { ProposalReason } from "../templates/de/mail/proposals.ts";

export const MAX_PROPOSALS = 3;
/** Candidates per proposal: mails handled side by side may hold the same slots first. */
const CANDIDATES_PER_PROPOSAL = 4;

export function proposalLimit(ctx: MailContext, request: StoredRequest): number {
  return needsApproval(ctx.core.config, request.services) ? 1 : MAX_PROPOSALS;
}

export type Prepared =
  | { action: "propose"; request: StoredRequest; reason: ProposalReason; slots: Slot[] }
  | { action: "choose"; index: number; fallback: Slot[] }
  | { action: "cancel"; code: string }
  | { action: "reschedule"; code: string; request: StoredRequest; slots: Slot[] }
  | { action: "ask_service"; request: StoredRequest }
  | { action: "waitlist"; request: StoredRequest }
  /** `request`: the understood request when nothing fit, kept so a reply "Warteliste" can use it. */
  | { action: "notice"; kind: NoticeKind; nextRelease?: string | null; request?: StoredRequest }
  | { action: "none" };

type Found = { slots: Slot[]; noMatch: boolean } | { notice: NoticeKind; nextRelease: string | null };

export async function findSlots(ctx: MailContext, request: StoredRequest, exclude: Pick<Slot, "locationId" | "start">[]): Promise<Found> {
  const limit = proposalLimit(ctx, request) * CANDIDATES_PER_PROPOSAL;
  const result = await ctx.core.slots.search({ ...request, excludeSlots: exclude, limit, pool: "online" });
  if (result.slots.length > 0) return { slots: result.slots, noMatch: false };
  const ex = result.explanation;
  if (ex?.reason === "NOT_OFFERED") return { notice: "not_offered", nextRelease: null };
  if (ex && ex.alternatives.length > 0) return { slots: ex.alternatives.slice(0, limit), noMatch: true };
  return { notice: "no_slots", nextRelease: ex?.nextRelease ?? null };
}

async function preparePropose(ctx: MailContext, plan: Extract<Plan, { action: "propose" }>): Promise<Prepared> {
  const found = await findSlots(ctx, plan.request, []);
  if ("notice" in found) return { action: "notice", kind: found.notice, nextRelease: found.nextRelease, request: plan.request };
  return { action: "propose", request: plan.request, reason: found.noMatch ? "no_match" : plan.reason, slots: found.slots };
}

async function prepareChoose(ctx: MailContext, index: number, conversation: Conversation): Promise<Prepared> {
  // Alternatives in case the chosen slot is gone by the time we book it.
  const exclude = conversation.proposals.map((p) => ({ locationId: p.locationId, start: p.start }));
  const found = await findSlots(ctx, conversation.request, exclude);
  return { action: "choose", index, fallback: "slots" in found ? found.slots : [] };
}

async function prepareReschedule(ctx: MailContext, plan: Extract<Plan, { action: "reschedule" }>, sender: string): Promise<Prepared> {
  const lookup = await ctx.core.bookings.lookup({ code: plan.code, email: sender }, { source: `mail:${sender}` });
  if (!lookup.ok) return { action: "notice", kind: lookup.code === "TOO_MANY_ATTEMPTS" ? "too_many_attempts" : "not_found" };
  const current = lookup.appointments.find((a) => a.code === plan.code) ?? lookup.appointments[0];
  if (!current) return { action: "notice", kind: "not_found" };
  const request: StoredRequest = { ...plan.request, services: current.services };
  const found = await findSlots(ctx, request, [{ locationId: current.locationId, start: current.start }]);
  if ("notice" in found) return { action: "notice", kind: found.notice, nextRelease: found.nextRelease };
  return { action: "reschedule", code: plan.code, request, slots: found.slots };
}

export async function preparePlan(ctx: MailContext, plan: Plan, conversation: Conversation | null, sender: string): Promise<Prepared> {
  switch (plan.action) {
    case "propose":
      return preparePropose(ctx, plan);
    case "choose":
      return conversation ? prepareChoose(ctx, plan.index, conversation) : { action: "notice", kind: "choice_unclear" };
    case "reschedule":
      return prepareReschedule(ctx, plan, sender);
    default:
      return plan;
  }
}
