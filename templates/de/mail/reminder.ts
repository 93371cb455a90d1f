/** Reminder before the appointment (enqueued by the core's reminder job). */
import { html } from "./html.ts";
import { appointmentHtml, appointmentText } from "./appointment-block.ts";
import { formatDate } from "./format.ts";
import { renderLayout, type OfficeSignature, type RenderedMail } from "./layout.ts";
import type { AppointmentView } from "./views.ts";

export interface ReminderData {
  appointment: AppointmentView;
  tag: string;
  timezone: string;
}

export function renderReminder(d: ReminderData, office: OfficeSignature): RenderedMail {
  const a = d.appointment;
  const intro = "wir erinnern Sie an Ihren Termin:";
  const cancel = a.cancelUrl
    ? `Wenn Sie nicht kommen können, sagen Sie den Termin bitte ab: ${a.cancelUrl}`
    : `Wenn Sie nicht kommen können, antworten Sie bitte mit „absagen“ und Ihrem Buchungscode ${a.code}.`;
  return renderLayout(
    {
      subject: `Erinnerung: Ihr Termin am ${formatDate(a.start, d.timezone)} ${d.tag}`.trim(),
      text: [intro, ...appointmentText(a, d.timezone, true), cancel],
      html: [html`<p>${intro}</p>`, ...appointmentHtml(a, d.timezone, true), html`<p>${cancel}</p>`],
    },
    office,
  );
}
