/**
 * What to do with a citizen's mail, decided from the text, its parse and the conversation so far.
 * Pure: the effects (holds, bookings, answers) happen in handle-incoming.ts.
 */
import type { ParseResult } from "../core/language/types.ts";
import { chooseProposal } from "./choose-proposal.ts";
import type { Conversation, StoredRequest } from "./conversation.store.ts";
import type { NoticeKind } from "../templates/de/mail/notice.ts";
import type { ProposalReason } from "../templates/de/mail/proposals.ts";

export type Plan =
  | { action: "propose"; request: StoredRequest; reason: ProposalReason }
  | { action: "choose"; index: number }
  | { action: "cancel"; code: string }
  | { action: "reschedule"; code: string; request: StoredRequest }
  | { action: "ask_service"; request: StoredRequest }
  | { action: "waitlist"; request: StoredRequest }
  | { action: "notice"; kind: NoticeKind }
  | { action: "none" };

export interface PlanInput {
  text: string;
  parse: ParseResult;
  /** Only a conversation whose citizen address matches the sender. */
  conversation: Conversation | null;
  timezone: string;
}

const BOOKING_CODE = /\b([A-Z0-9]{3})-([A-Z0-9]{3})\b/i;
/** "Warteliste", "ja, bitte auf die Warteliste" — not "keine Warteliste" or "von der Warteliste streichen". */
const WAITLIST_CUE = /\bwarteliste\b/i;
const WAITLIST_NOT = /\b(nein|kein|keine|nicht|streichen|austragen|abmelden|zurückziehen|entfernen|löschen)\b/i;

/** Whether the citizen's answer (its first lines, before any quoted history) asks for the waiting list. */
export function wantsWaitlist(text: string): boolean {
  const head = text.trim().split("\n").slice(0, 3).join(" ");
  return WAITLIST_CUE.test(head) && !WAITLIST_NOT.test(head);
}

export function findBookingCode(text: string): string | null {
  const m = BOOKING_CODE.exec(text);
  return m ? `${m[1]}-${m[2]}`.toUpperCase() : null;
}

function hasWishes(p: ParseResult): boolean {
  return (
    p.dateRanges.length + p.weekdays.length + p.excludedWeekdays.length + p.excludedDates.length +
      p.timeRanges.length + p.excludedTimeRanges.length + p.locations.length + p.excludedLocations.length > 0
  );
}

/** Services of the new message win; wishes of the new message replace the old ones as a whole. */
export function mergeRequest(base: StoredRequest, p: ParseResult): StoredRequest {
  const services = p.services.length > 0 ? p.services.map((s) => ({ id: s.id, count: s.count })) : base.services;
  if (!hasWishes(p)) return { ...base, services };
  return {
    services,
    locations: p.locations,
    excludedLocations: p.excludedLocations,
    dateRanges: p.dateRanges,
    weekdays: p.weekdays,
    excludedWeekdays: p.excludedWeekdays,
    excludedDates: p.excludedDates,
    timeRanges: p.timeRanges,
    excludedTimeRanges: p.excludedTimeRanges,
  };
}

export const EMPTY_REQUEST: StoredRequest = { services: [] };

export function planReply({ text, parse, conversation, timezone }: PlanInput): Plan {
  if (!text.trim()) return { action: "notice", kind: "unreadable" };
  if (wantsWaitlist(text)) return { action: "waitlist", request: mergeRequest(conversation?.request ?? EMPTY_REQUEST, parse) };
  const intents = new Set([parse.intent, ...parse.secondaryIntents]);
  const code = parse.code ?? findBookingCode(text);
  if (conversation?.state === "proposed") {
    const index = chooseProposal(text, conversation.proposals, timezone);
    if (index !== null) return { action: "choose", index };
  }
  // Changing an existing appointment needs its booking code: the sender address alone proves nothing.
  if (intents.has("reschedule")) {
    return code ? { action: "reschedule", code, request: mergeRequest(EMPTY_REQUEST, parse) } : { action: "notice", kind: "code_needed" };
  }
  if (intents.has("cancel")) return code ? { action: "cancel", code } : { action: "notice", kind: "code_needed" };
  if (conversation?.state === "proposed") {
    if (parse.services.length > 0 || hasWishes(parse)) {
      return { action: "propose", request: mergeRequest(conversation.request, parse), reason: "new_wish" };
    }
    return { action: "notice", kind: "choice_unclear" };
  }
  const base = conversation?.state === "asked" ? conversation.request : EMPTY_REQUEST;
  const request = mergeRequest(base, parse);
  if (request.services.length > 0) return { action: "propose", request, reason: "request" };
  if (intents.has("book") || conversation?.state === "asked" || hasWishes(parse)) return { action: "ask_service", request };
  if (conversation && parse.intent === "greeting") return { action: "none" };
  return { action: "notice", kind: "help" };
}
