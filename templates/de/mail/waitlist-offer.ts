/** Waiting list (Terminagent): a slot is held for the citizen until the deadline; accept or decline by link. */
import { html } from "./html.ts";
import { formatSlotLong } from "./format.ts";
import { renderLayout, type OfficeSignature, type RenderedMail } from "./layout.ts";

export interface WaitlistOfferData {
  services: string[];
  start: string;
  location: { name: string; address: string };
  /** Until when the slot is held (ISO instant). */
  deadline: string;
  /** The offer page with "Annehmen" and "Ablehnen". */
  offerUrl: string;
  timezone: string;
}

export function renderWaitlistOffer(d: WaitlistOfferData, office: OfficeSignature): RenderedMail {
  const when = formatSlotLong(d.start, d.timezone);
  const until = formatSlotLong(d.deadline, d.timezone);
  const intro = "ein passender Termin ist frei geworden. Sie stehen dafür auf unserer Warteliste.";
  const hold = `Wir halten den Termin bis ${until} für Sie frei. Danach geht er an die nächste Person auf der Warteliste.`;
  const act = "Bitte nehmen Sie den Termin an oder lehnen Sie ihn ab:";
  const note = "Gebucht ist der Termin erst, wenn Sie ihn annehmen. Wenn Sie ablehnen, bleibt nichts gebucht.";
  const facts = [`  Anliegen: ${d.services.join(", ")}`, `  Wann:     ${when}`, `  Wo:       ${d.location.name}, ${d.location.address}`].join("\n");
  return renderLayout(
    {
      subject: `Termin frei: ${d.services.join(", ")} am ${formatSlotLong(d.start, d.timezone)}`,
      text: [intro, facts, hold, `${act}\n${d.offerUrl}`, note],
      html: [
        html`<p>${intro}</p>`,
        html`<table style="border-collapse: collapse">
<tr><td style="padding-right: 1em">Anliegen:</td><td>${d.services.join(", ")}</td></tr>
<tr><td style="padding-right: 1em">Wann:</td><td><strong>${when}</strong></td></tr>
<tr><td style="padding-right: 1em">Wo:</td><td>${d.location.name}, ${d.location.address}</td></tr>
</table>`,
        html`<p>${hold}</p>`,
        html`<p>${act}<br><a href="${d.offerUrl}">Termin annehmen oder ablehnen</a></p>`,
        html`<p>${note}</p>`,
      ],
    },
    office,
  );
}
