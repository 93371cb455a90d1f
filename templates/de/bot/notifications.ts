/**
 * Proactive chat messages (the chat worker sends them from the notification outbox):
 * one German text per notification kind for an appointment (for a waiting-list offer: the held slot).
 */
import type { Appointment } from "../../../core/bookings/types.ts";
import type { CityConfig } from "../../../core/config/schema.ts";
import type { NotificationKind } from "../../../core/notifications/outbox.ts";
import { formatInstant } from "../../format.ts";
import { appointmentDetails, appointmentLine, appointmentWhen, locationAddress, servicesLabel, type AppointmentLinks } from "./appointment.ts";

export interface NotificationContext {
  config: Pick<CityConfig, "services" | "locations" | "city">;
  /** Calendar and cancel links, when the worker can create a link token. */
  links?: AppointmentLinks | null;
  /** The outbox row's payload: `{ hoursBefore }` for reminders, `{ deadline, offerUrl }` for offers. */
  payload?: Record<string, unknown>;
}

/** "morgen", "in 2 Tagen", "in 2 Stunden", "in einer Stunde"; null without a usable number. */
export function reminderLead(hoursBefore: unknown): string | null {
  if (typeof hoursBefore !== "number" || !Number.isFinite(hoursBefore) || hoursBefore <= 0) return null;
  if (hoursBefore < 24) return hoursBefore === 1 ? "in einer Stunde" : `in ${Math.round(hoursBefore)} Stunden`;
  const days = Math.round(hoursBefore / 24);
  return days === 1 ? "morgen" : `in ${days} Tagen`;
}

function reminderText(ctx: NotificationContext, details: string): string {
  const lead = reminderLead(ctx.payload?.hoursBefore);
  return [
    lead ? `Erinnerung: Ihr Termin ist ${lead}.` : "Erinnerung an Ihren Termin:",
    details,
    "Wenn Sie nicht kommen können, sagen Sie bitte ab. Dann bekommt jemand anderes den Termin.",
  ].join("\n");
}

/** The slot held for a waiting-list wish, the deadline and the link to accept or decline. */
function waitlistOfferText(appt: Appointment, ctx: NotificationContext): string {
  const { config, payload } = ctx;
  const deadline = typeof payload?.deadline === "string" ? formatInstant(payload.deadline, config.city.timezone) : null;
  const url = typeof payload?.offerUrl === "string" ? payload.offerUrl : null;
  return [
    "Gute Nachricht: Ein passender Termin ist frei geworden. Sie stehen dafür auf der Warteliste.",
    `Leistung: ${servicesLabel(config, appt.services)}`,
    `Termin: ${appointmentWhen(config, appt.start)}`,
    `Ort: ${locationAddress(config, appt.locationId)}`,
    deadline ? `Wir halten den Termin bis ${deadline} für Sie frei. Danach geht er an die nächste Person.` : "Wir halten den Termin eine Zeit lang für Sie frei.",
    url ? `Termin annehmen oder ablehnen: ${url}` : `Zum Annehmen rufen Sie uns bitte an: ${config.city.phone}.`,
  ].join("\n");
}

/**
 * German chat text for `kind`, or null for kinds that have no chat form (mail replies).
 * The switch is exhaustive over `NotificationKind`, so a new kind fails the typecheck here.
 * @example renderChatNotification("reminder", appointment, { config }) // "Erinnerung an Ihren Termin: …"
 */
export function renderChatNotification(kind: NotificationKind, appt: Appointment, ctx: NotificationContext): string | null {
  const line = appointmentLine(ctx.config, appt);
  const details = () => appointmentDetails(ctx.config, appt, ctx.links ?? null);
  switch (kind) {
    case "booking_confirmed":
      return `Ihr Termin ist gebucht.\n${details()}`;
    case "booking_suggested":
      return `Ihre Anfrage wird geprüft. Wir melden uns, sobald der Termin bestätigt ist:\n${line}`;
    case "reminder":
      return reminderText(ctx, details());
    case "booking_cancelled":
      return `Ihr Termin ist abgesagt:\n${line}`;
    case "booking_rescheduled":
      return `Ihr Termin ist verschoben.\n${details()}`;
    case "approval_approved":
      return `Gute Nachricht: Ihr Termin ist bestätigt.\n${details()}`;
    case "approval_rejected":
      return [
        `Ihre Anfrage konnten wir leider nicht bestätigen:\n${line}`,
        appt.decisionMessage ? `Hinweis des Amts: ${appt.decisionMessage}` : null,
        `Fragen? Rufen Sie uns an: ${ctx.config.city.phone}.`,
      ]
        .filter(Boolean)
        .join("\n");
    case "waitlist_offer":
      return waitlistOfferText(appt, ctx);
    case "mail_reply":
      return null;
    default:
      return unhandled(kind);
  }
}

/** Kinds unknown at runtime (a newer outbox row) get no chat text; a new kind in the type fails the typecheck here. */
function unhandled(_kind: never): null {
  return null;
}
