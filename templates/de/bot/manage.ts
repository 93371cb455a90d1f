/**
 * German texts for an existing appointment: identify it, cancel it, move it, show it.
 */
import type { AppointmentStatus } from "../../../core/bookings/types.ts";

export const MANAGE = {
  askCode: "Bitte nennen Sie Ihren Buchungscode. Sie finden ihn in der Bestätigung, zum Beispiel „K7P-2QX“.",
  codeRetry: "Ein Buchungscode hat sechs Zeichen, zum Beispiel „K7P-2QX“. Bitte prüfen Sie Ihre Eingabe.",
  askEmail: "Zur Sicherheit: Mit welcher E-Mail-Adresse haben Sie gebucht?",
  emailRetry: "Diese E-Mail-Adresse sieht nicht richtig aus. Bitte prüfen Sie sie.",
  noActive: "Zu diesem Code finde ich keinen offenen Termin.",
  confirmCancel: (line: string) => `Möchten Sie diesen Termin absagen?\n${line}`,
  cancelButtons: ["Ja, absagen", "Nein"],
  cancelled: "Ihr Termin ist abgesagt. Sie erhalten eine Bestätigung per E-Mail.",
  kept: "In Ordnung. Ihr Termin bleibt bestehen.",
  yesNoRetry: "Bitte antworten Sie mit „Ja“ oder „Nein“.",
  statusIntro: (count: number) => (count === 1 ? "Ihr Termin:" : "Ihre Termine:"),
  currentAppointment: (line: string) => `Ihr jetziger Termin: ${line}`,
  confirmReschedule: (from: string, to: string) => `Soll ich Ihren Termin verschieben?\nBisher: ${from}\nNeu: ${to}`,
  rescheduleButtons: ["Ja, verschieben", "Nein"],
  rescheduled: "Ihr Termin ist verschoben. Der alte Termin ist freigegeben. Eine Bestätigung kommt per E-Mail.",
  notRescheduled: "In Ordnung. Ihr Termin bleibt wie er ist.",
} as const;

/** A citizen-facing word for an appointment's state. */
export const STATUS_WORDS: Record<AppointmentStatus, string> = {
  held: "reserviert",
  suggested: "wird geprüft",
  booked: "gebucht",
  attended: "wahrgenommen",
  no_show: "nicht wahrgenommen",
  cancelled: "abgesagt",
  rejected: "abgelehnt",
  expired: "abgelaufen",
};
