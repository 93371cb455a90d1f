/** Registry office: staff rejected the request, with their own message to the citizen. */
import { html } from "./html.ts";
import { renderLayout, type OfficeSignature, type RenderedMail } from "./layout.ts";

export interface RefusalData {
  services: string[];
  /** Written by staff; shown as given, escaped. */
  message: string;
  tag: string;
}

export function renderRefusal(d: RefusalData, office: OfficeSignature): RenderedMail {
  const intro = `leider können wir Ihre Terminanfrage für „${d.services.join(", ")}“ nicht bestätigen.`;
  const outro = "Wenn Sie Fragen haben, antworten Sie gern auf diese E-Mail oder rufen Sie uns an.";
  const message = d.message.trim();
  return renderLayout(
    {
      subject: `Ihre Terminanfrage: ${d.services.join(", ")} ${d.tag}`,
      text: [intro, ...(message ? [`Nachricht unserer Mitarbeiterin oder unseres Mitarbeiters:\n${message}`] : []), outro],
      html: [
        html`<p>${intro}</p>`,
        ...(message ? [html`<p>Nachricht unserer Mitarbeiterin oder unseres Mitarbeiters:</p><blockquote style="white-space: pre-wrap">${message}</blockquote>`] : []),
        html`<p>${outro}</p>`,
      ],
    },
    office,
  );
}
