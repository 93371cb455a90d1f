/**
 * From the core's view of a suggestion to the card state: open with alternatives, or decided
 * with outcome, decider and time. Shared by the card poster and the submit handler.
 */
import type { Appointment, Slot } from "../../core/bookings/types.ts";
import type { Core } from "../../core/core.ts";
import type { ApprovalOutcome } from "../../templates/de/cards/approval.ts";
import type { Formatter } from "../staff/format.ts";
import type { CardState } from "./approval-card.ts";

/** Free slots staff could approve instead: same location, from the suggested day on. */
export async function alternativesFor(core: Core, a: Appointment, fmt: Formatter, limit = 3): Promise<Slot[]> {
  const result = await core.slots.search({
    services: a.services,
    locations: [a.locationId],
    dateRanges: [{ from: fmt.today(new Date(a.start)), to: null }],
    excludeSlots: [{ locationId: a.locationId, start: a.start }],
    pool: "staff",
    limit,
  });
  return result.slots.length ? result.slots : (result.explanation?.alternatives ?? []).slice(0, limit);
}

/** null while the suggestion is still open. */
export function outcomeOf(a: Appointment): ApprovalOutcome | null {
  switch (a.status) {
    case "suggested":
      return null;
    case "booked":
    case "attended":
    case "no_show":
      return "approved";
    case "rejected":
      return "rejected";
    case "expired":
      return "expired";
    default:
      // Approving with another slot cancels the suggestion and books a new appointment.
      return a.decidedAt ? "approved_other" : "withdrawn";
  }
}

export function decidedState(a: Appointment, outcome: ApprovalOutcome, by: string | null, fmt: Formatter, extra: { newSlot?: string; note?: string } = {}): CardState {
  return {
    kind: "decided",
    outcome,
    by,
    at: a.decidedAt ? fmt.dateTime(a.decidedAt) : null,
    message: outcome === "rejected" ? a.decisionMessage : null,
    ...extra,
  };
}
