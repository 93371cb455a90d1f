/**
 * A `notification` row (channel 'mail') → the finished mail: recipient, threading headers,
 * German text + HTML, and the calendar part. Core rows carry only the appointment id; our own
 * `mail_reply` rows carry their template data.
 */
import type { Sql } from "postgres";
import { appointmentLinks, waitlistLinks } from "../core/links.ts";
import type { Core } from "../core/core.ts";
import type { Appointment } from "../core/bookings/types.ts";
import { appointmentSequence, appointmentUid, buildIcs } from "../templates/ics.ts";
import { renderCancellation } from "../templates/de/mail/cancellation.ts";
import { renderConfirmation } from "../templates/de/mail/confirmation.ts";
import type { OfficeSignature, RenderedMail } from "../templates/de/mail/layout.ts";
import { renderNotice } from "../templates/de/mail/notice.ts";
import { renderProposals } from "../templates/de/mail/proposals.ts";
import { renderRefusal } from "../templates/de/mail/refusal.ts";
import { renderReminder } from "../templates/de/mail/reminder.ts";
import { renderSuggestion } from "../templates/de/mail/suggestion.ts";
import { renderWaitlistOffer } from "../templates/de/mail/waitlist-offer.ts";
import { renderWaitlistReply } from "../templates/de/mail/waitlist.ts";
import { appointmentView } from "./appointment-view.ts";
import { findConversationByAppointment } from "./conversation.store.ts";
import type { MailReplyPayload } from "./enqueue-reply.ts";
import { subjectTag } from "./reply-token.ts";

export interface NotificationRow {
  id: string;
  kind: string;
  appointmentId: string | null;
  payload: Record<string, unknown>;
}

export interface OutgoingMail extends RenderedMail {
  to: string;
  token: string | null;
  inReplyTo: string | null;
  references: string[];
  icalEvent?: { method: "REQUEST" | "CANCEL"; filename: string; content: string };
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface RenderDeps {
  core: Core;
  sql: Sql;
  office: OfficeSignature & { address: string; name: string };
  /** Base URL of the citizen's links (core/links.ts). */
  publicUrl: string;
}

/** Expected failures that make retrying pointless (the row is marked failed at once). */
export class RenderError extends Error {
  constructor(readonly code: "NOT_FOUND" | "NO_RECIPIENT" | "UNSUPPORTED_KIND") {
    super(code);
  }
}

function renderReply(d: RenderDeps, p: MailReplyPayload): OutgoingMail {
  const tz = d.core.config.city.timezone;
  const tag = subjectTag(p.token);
  const body =
    p.template === "proposals"
      ? renderProposals({ ...p.data, tag, timezone: tz }, d.office)
      : p.template === "waitlist"
        ? renderWaitlistReply({ ...p.data, tag, timezone: tz }, d.office)
        : renderNotice({ ...p.data, tag, timezone: tz }, d.office);
  return { ...body, to: p.to, token: p.token, inReplyTo: p.inReplyTo, references: p.references };
}

function ics(d: RenderDeps, a: Appointment, method: "REQUEST" | "CANCEL", to: { name: string; email: string }, description: string): string {
  const view = appointmentView(d.core.config, a, null);
  return buildIcs({
    method, uid: appointmentUid(a.id, d.core.config.city.email), sequence: appointmentSequence(method),
    start: a.start, end: a.end, summary: `Termin: ${view.services.join(", ")}`,
    location: `${view.location.name}, ${view.location.address}`, description,
    organizer: { name: d.office.name, email: d.office.address }, attendee: to, timezone: d.core.config.city.timezone, stamp: d.core.now(),
  });
}

async function renderAppointmentMail(d: RenderDeps, row: NotificationRow): Promise<OutgoingMail> {
  const a = row.appointmentId ? await d.core.bookings.get(row.appointmentId) : null;
  if (!a) throw new RenderError("NOT_FOUND");
  const conversation = await findConversationByAppointment(d.sql, a.id);
  const to = a.contact?.email ?? conversation?.citizenAddress;
  if (!to) throw new RenderError("NO_RECIPIENT");
  const attendee = { name: a.contact?.name ?? "", email: to };
  const link = await d.core.bookings.linkToken(a.id);
  const view = appointmentView(d.core.config, a, link ? appointmentLinks(d.publicUrl, link).cancel : null);
  const tz = d.core.config.city.timezone;
  const tag = conversation ? subjectTag(conversation.token) : "";
  const thread = { to, token: conversation?.token ?? null, inReplyTo: conversation?.thread.at(-1) ?? null, references: conversation?.thread ?? [] };
  const invite = (method: "REQUEST" | "CANCEL") => ({ method, filename: "termin.ics", content: ics(d, a, method, attendee, `Buchungscode: ${a.code}`) });
  switch (row.kind) {
    case "booking_confirmed":
    case "approval_approved":
    case "booking_rescheduled":
      return { ...renderConfirmation({ appointment: view, tag, rescheduled: row.kind === "booking_rescheduled", timezone: tz }, d.office), ...thread, icalEvent: invite("REQUEST"), ...(await previousCancel(d, row, attendee)) };
    case "booking_suggested":
      return { ...renderSuggestion({ appointment: view, tag, timezone: tz }, d.office), ...thread };
    case "approval_rejected":
      return { ...renderRefusal({ services: view.services, message: a.decisionMessage ?? "", tag }, d.office), ...thread };
    case "booking_cancelled":
      return { ...renderCancellation({ appointment: view, tag, timezone: tz }, d.office), ...thread, icalEvent: invite("CANCEL") };
    case "reminder":
      return { ...renderReminder({ appointment: view, tag, timezone: tz }, d.office), ...thread, icalEvent: invite("REQUEST") };
    default:
      throw new RenderError("UNSUPPORTED_KIND");
  }
}

/** A reschedule books a new appointment: the old calendar entry is withdrawn by an extra CANCEL. */
async function previousCancel(d: RenderDeps, row: NotificationRow, attendee: { name: string; email: string }): Promise<Pick<OutgoingMail, "attachments">> {
  const previousId = typeof row.payload.previousId === "string" ? row.payload.previousId : null;
  const previous = previousId ? await d.core.bookings.get(previousId) : null;
  if (!previous) return {};
  const content = ics(d, previous, "CANCEL", attendee, `Verschoben. Buchungscode: ${previous.code}`);
  return { attachments: [{ filename: "alter-termin-abgesagt.ics", content, contentType: "text/calendar; charset=utf-8; method=CANCEL" }] };
}

/**
 * A waiting-list offer: the slot is held for the wish until the deadline. The recipient is the
 * wish's address from the payload (the held appointment has no contact yet).
 */
async function renderWaitlistOfferMail(d: RenderDeps, row: NotificationRow): Promise<OutgoingMail> {
  const p = row.payload;
  const to = typeof p.to === "string" ? p.to : null;
  if (!to) throw new RenderError("NO_RECIPIENT");
  const a = row.appointmentId ? await d.core.bookings.get(row.appointmentId) : null;
  if (!a || typeof p.deadline !== "string" || typeof p.token !== "string") throw new RenderError("NOT_FOUND");
  const view = appointmentView(d.core.config, a, null);
  const offerUrl = typeof p.offerUrl === "string" ? p.offerUrl : waitlistLinks(d.publicUrl).offer(p.token);
  const body = renderWaitlistOffer(
    { services: view.services, start: a.start, location: view.location, deadline: p.deadline, offerUrl, timezone: d.core.config.city.timezone },
    d.office,
  );
  return { ...body, to, token: null, inReplyTo: null, references: [] };
}

export async function renderNotification(d: RenderDeps, row: NotificationRow): Promise<OutgoingMail> {
  if (row.kind === "mail_reply") return renderReply(d, row.payload as unknown as MailReplyPayload);
  if (row.kind === "waitlist_offer") return renderWaitlistOfferMail(d, row);
  return renderAppointmentMail(d, row);
}
