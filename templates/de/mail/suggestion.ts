/** Registry office: the request is reserved and waits for a staff member's decision. */
import { html } from "./html.ts";
import { formatSlotLong } from "./format.ts";
import { renderLayout, type OfficeSignature, type RenderedMail } from "./layout.ts";
import type { AppointmentView } from "./views.ts";

export interface SuggestionData {
  appointment: AppointmentView;
  tag: string;
  timezone: string;
}

export function renderSuggestion(d: SuggestionData, office: OfficeSignature): RenderedMail {
  const a = d.appointment;
  const paragraphs = [
    `vielen Dank für Ihre Anfrage. Wir haben für „${a.services.join(", ")}“ einen Termin am ${formatSlotLong(a.start, d.timezone)} in ${a.location.name} für Sie vorgemerkt.`,
    "Eine Mitarbeiterin oder ein Mitarbeiter prüft Ihre Anfrage. Danach erhalten Sie eine verbindliche Bestätigung oder eine Nachricht von uns.",
    "Bis dahin ist der Termin noch nicht fest gebucht.",
  ];
  return renderLayout(
    {
      subject: `Ihre Terminanfrage wird geprüft: ${a.services.join(", ")} ${d.tag}`,
      text: paragraphs,
      html: paragraphs.map((p) => html`<p>${p}</p>`),
    },
    office,
  );
}
