/**
 * Proactive chat messages (the chat worker sends them from the notification outbox):
 * one German text per notification kind for an appointment.
 */
import type { Appointment } from "../../../core/bookings/types.ts";
import type { CityConfig } from "../../../core/config/schema.ts";
import type { NotificationKind } from "../../../core/notifications/outbox.ts";
import { appointmentDetails, appointmentLine, type AppointmentLinks } from "./appointment.ts";

export interface NotificationContext {
  config: Pick<CityConfig, "services" | "locations" | "city">;
  /** Calendar and cancel links, when the worker can create a link token. */
  links?: AppointmentLinks | null;
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
      return `Erinnerung an Ihren Termin:\n${details()}\nWenn Sie nicht kommen können, sagen Sie bitte ab. Dann bekommt jemand anderes den Termin.`;
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
      return `Ein früherer Termin ist frei geworden. Wenn Sie ihn möchten, schreiben Sie „Termin verschieben“.\nIhr jetziger Termin: ${line}`;
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
