/** Booking confirmed (directly, after approval, or after a reschedule); the ICS invitation is attached. */
import { html } from "./html.ts";
import { formatDate, formatTime } from "./format.ts";
import { appointmentHtml, appointmentText } from "./appointment-block.ts";
import { renderLayout, type OfficeSignature, type RenderedMail } from "./layout.ts";
import type { AppointmentView } from "./views.ts";

export interface ConfirmationData {
  appointment: AppointmentView;
  tag: string;
  rescheduled: boolean;
  timezone: string;
}

export function renderConfirmation(d: ConfirmationData, office: OfficeSignature): RenderedMail {
  const a = d.appointment;
  const intro = d.rescheduled ? "Ihr Termin ist verschoben. Ihr neuer Termin:" : "Ihr Termin ist gebucht:";
  const cancel = a.cancelUrl
    ? `Absagen oder verschieben können Sie den Termin hier: ${a.cancelUrl}\nOder antworten Sie auf diese E-Mail mit „absagen“ und Ihrem Buchungscode ${a.code}.`
    : `Zum Absagen antworten Sie auf diese E-Mail mit „absagen“ und Ihrem Buchungscode ${a.code}.`;
  const calendar = "Im Anhang finden Sie den Termin für Ihren Kalender.";
  return renderLayout(
    {
      subject: `Terminbestätigung: ${a.services.join(", ")} am ${formatDate(a.start, d.timezone)} um ${formatTime(a.start, d.timezone)} Uhr ${d.tag}`,
      text: [intro, ...appointmentText(a, d.timezone, true), calendar, cancel],
      html: [
        html`<p>${intro}</p>`,
        ...appointmentHtml(a, d.timezone, true),
        html`<p>${calendar}</p>`,
        a.cancelUrl
          ? html`<p><a href="${a.cancelUrl}">Termin absagen oder verschieben</a><br>Oder antworten Sie auf diese E-Mail mit „absagen“ und Ihrem Buchungscode ${a.code}.</p>`
          : html`<p>Zum Absagen antworten Sie auf diese E-Mail mit „absagen“ und Ihrem Buchungscode ${a.code}.</p>`,
      ],
    },
    office,
  );
}
