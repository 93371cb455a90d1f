/** Appointment cancelled; sent with ICS METHOD:CANCEL so the calendar entry disappears. */
import { html } from "./html.ts";
import { formatDate, formatSlotLong, formatTime } from "./format.ts";
import { renderLayout, type OfficeSignature, type RenderedMail } from "./layout.ts";
import type { AppointmentView } from "./views.ts";

export interface CancellationData {
  appointment: AppointmentView;
  tag: string;
  timezone: string;
}

export function renderCancellation(d: CancellationData, office: OfficeSignature): RenderedMail {
  const a = d.appointment;
  const paragraphs = [
    `Ihr Termin für „${a.services.join(", ")}“ am ${formatSlotLong(a.start, d.timezone)} in ${a.location.name} ist abgesagt.`,
    "Der Termin wird auch aus Ihrem Kalender entfernt, wenn Ihr Kalenderprogramm das unterstützt.",
    "Einen neuen Termin vereinbaren Sie jederzeit, indem Sie uns einfach schreiben.",
  ];
  return renderLayout(
    {
      subject: `Termin abgesagt: ${a.services.join(", ")} am ${formatDate(a.start, d.timezone)} um ${formatTime(a.start, d.timezone)} Uhr ${d.tag}`,
      text: paragraphs,
      html: paragraphs.map((p) => html`<p>${p}</p>`),
    },
    office,
  );
}
