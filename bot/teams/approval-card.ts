/**
 * The Adaptive Card of one suggested booking in the staff channel, open (with Approve / other
 * slot / Reject-with-message) or decided (who, when, no actions). Everything the citizen wrote is
 * placed in TextRuns, which Teams shows as plain text: no Markdown, no links, no formatting.
 */
import { CardFactory, type Attachment } from "botbuilder";
import type { Appointment, Slot } from "../../core/bookings/types.ts";
import { APPROVAL_TEXTS as T, type ApprovalOutcome } from "../../templates/de/cards/approval.ts";
import type { Formatter } from "../staff/format.ts";
import { describeUnderstood } from "../staff/understood.ts";

/** Marks submits of this card, so they never reach the dialogs. */
export const APPROVAL_SUBMIT = "terminassistent.approval";
const REQUEST_LIMIT = 1500;

export type CardState =
  | { kind: "open"; alternatives: Slot[]; note?: string }
  | { kind: "decided"; outcome: ApprovalOutcome; by: string | null; at: string | null; newSlot?: string; message?: string | null; note?: string };

export function approvalCard(appointment: Appointment, state: CardState, fmt: Formatter): Attachment {
  const title = state.kind === "open" ? T.title : T.decidedTitle[state.outcome];
  const body: unknown[] = [
    { type: "TextBlock", text: title, weight: "Bolder", size: "Medium", wrap: true },
    ...(state.note ? [{ type: "TextBlock", text: state.note, color: "Attention", wrap: true }] : []),
    ...(state.kind === "decided" ? decision(state) : []),
    facts(appointment, fmt),
    ...request(appointment, fmt),
  ];
  return CardFactory.adaptiveCard({
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.4",
    msteams: { width: "Full" },
    fallbackText: title,
    body,
    ...(state.kind === "open" ? { actions: actions(appointment, state.alternatives, fmt) } : {}),
  });
}

function plain(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: "RichTextBlock", inlines: [{ type: "TextRun", text, ...extra }] };
}

function decision(state: Extract<CardState, { kind: "decided" }>): unknown[] {
  const out: unknown[] = [plain(T.decidedBy(state.outcome, state.by, state.at), { weight: "Bolder" })];
  if (state.newSlot) out.push(plain(`${T.newSlot}: ${state.newSlot}`));
  if (state.message) out.push(plain(`${T.decisionMessage}: ${state.message}`));
  return out;
}

function facts(a: Appointment, fmt: Formatter): unknown {
  const rows: [string, string][] = [
    [T.facts.services, fmt.services(a.services)],
    [T.facts.location, fmt.location(a.locationId)],
    [T.facts.slot, fmt.dateTime(a.start)],
    [T.facts.citizen, a.contact?.name ?? "–"],
    [T.facts.channel, T.channels[a.channel] ?? a.channel],
    [T.facts.code, a.code],
  ];
  // A ColumnSet of TextRuns instead of a FactSet: FactSet values are Markdown in Teams, and the name is the citizen's.
  return {
    type: "Container",
    items: rows.map(([label, value]) => ({
      type: "ColumnSet",
      columns: [
        { type: "Column", width: "auto", items: [plain(`${label}:`, { weight: "Bolder" })] },
        { type: "Column", width: "stretch", items: [plain(value)] },
      ],
    })),
  };
}

function request(a: Appointment, fmt: Formatter): unknown[] {
  const text = a.request?.text?.trim();
  const clipped = text && text.length > REQUEST_LIMIT ? `${text.slice(0, REQUEST_LIMIT)} …` : text;
  const understood = describeUnderstood(a.request?.understood, fmt).map(([k, v]) => `${k}: ${v}`);
  return [
    { type: "TextBlock", text: T.requestHeading, weight: "Bolder", wrap: true, spacing: "Medium" },
    plain(clipped || T.noRequestText, { italic: !clipped }),
    ...(understood.length ? [{ type: "TextBlock", text: T.understoodHeading, weight: "Bolder", wrap: true }, plain(understood.join("\n"))] : []),
  ];
}

function actions(a: Appointment, alternatives: Slot[], fmt: Formatter): unknown[] {
  const data = (action: string) => ({ [APPROVAL_SUBMIT]: true, action, appointmentId: a.id });
  const other = alternatives.length
    ? [
        {
          type: "Input.ChoiceSet",
          id: "slot",
          label: T.otherSlotPick,
          style: "expanded",
          isRequired: true,
          value: slotValue(alternatives[0]!),
          choices: alternatives.map((s) => ({ title: `${fmt.dateTime(s.start)} · ${fmt.location(s.locationId)}`, value: slotValue(s) })),
        },
      ]
    : [{ type: "TextBlock", text: T.noAlternatives, wrap: true }];
  return [
    { type: "Action.Submit", title: T.approve, style: "positive", data: data("approve") },
    {
      type: "Action.ShowCard",
      title: T.otherSlot,
      card: { type: "AdaptiveCard", body: other, actions: alternatives.length ? [{ type: "Action.Submit", title: T.otherSlotSubmit, data: data("approve_other") }] : [] },
    },
    {
      type: "Action.ShowCard",
      title: T.reject,
      card: {
        type: "AdaptiveCard",
        body: [{ type: "Input.Text", id: "message", label: T.rejectMessageLabel, placeholder: T.rejectMessagePlaceholder, isMultiline: true, isRequired: true, maxLength: 2000 }],
        actions: [{ type: "Action.Submit", title: T.rejectSubmit, style: "destructive", data: data("reject") }],
      },
    },
  ];
}

/** "<locationId>|<start>": what the drop-down submits for a slot. */
export function slotValue(slot: Pick<Slot, "locationId" | "start">): string {
  return `${slot.locationId}|${slot.start}`;
}

export function readSlotValue(value: unknown): { locationId: string; start: string } | null {
  if (typeof value !== "string") return null;
  const [locationId, start, extra] = value.split("|");
  return locationId && start && extra === undefined ? { locationId, start } : null;
}
