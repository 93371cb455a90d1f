/** Up to three numbered proposals; the citizen answers with the number. */
import { html } from "./html.ts";
import { formatSlotShort, formatSlotLong } from "./format.ts";
import { renderLayout, type OfficeSignature, type RenderedMail } from "./layout.ts";
import type { SlotView } from "./views.ts";
import { WAITLIST_OFFER_LINE } from "./waitlist.ts";

export type ProposalReason = "request" | "new_wish" | "slot_gone" | "no_match";

export interface ProposalsData {
  services: string[];
  slots: SlotView[];
  tag: string;
  reason: ProposalReason;
  holdUntil: string | null;
  timezone: string;
  /** Offer the waiting list (nothing fit the wishes; these are the nearest alternatives). */
  waitlist?: boolean;
}

const INTRO: Record<ProposalReason, string> = {
  request: "vielen Dank für Ihre Anfrage. Wir können Ihnen folgende Termine anbieten:",
  new_wish: "gern suchen wir andere Termine für Sie. Wir können Ihnen folgende Termine anbieten:",
  slot_gone: "der gewählte Termin ist leider nicht mehr frei. Wir können Ihnen stattdessen folgende Termine anbieten:",
  no_match: "zu Ihrem Wunsch ist leider kein Termin frei. Die nächsten freien Termine sind:",
};

export function renderProposals(d: ProposalsData, office: OfficeSignature): RenderedMail {
  const lines = d.slots.map((s, i) => `  ${i + 1}) ${formatSlotShort(s.start, d.timezone)}, ${s.locationName}`);
  const hold = d.holdUntil
    ? `Wir halten die Termine bis ${formatSlotLong(d.holdUntil, d.timezone)} für Sie frei. Gebucht ist ein Termin erst mit unserer Bestätigung.`
    : "Gebucht ist ein Termin erst mit unserer Bestätigung.";
  const ask = "Bitte antworten Sie auf diese E-Mail mit der Nummer des gewünschten Termins, zum Beispiel „1“.";
  return renderLayout(
    {
      subject: `Terminvorschläge: ${d.services.join(", ")} ${d.tag}`,
      text: [`${INTRO[d.reason]}\nAnliegen: ${d.services.join(", ")}`, lines.join("\n"), ask, hold, ...(d.waitlist ? [WAITLIST_OFFER_LINE] : [])],
      html: [
        html`<p>${INTRO[d.reason]}<br>Anliegen: ${d.services.join(", ")}</p>`,
        html`<ol>${d.slots.map((s) => html`<li>${formatSlotShort(s.start, d.timezone)}, ${s.locationName}</li>`)}</ol>`,
        html`<p>${ask}</p><p>${hold}</p>`,
        ...(d.waitlist ? [html`<p>${WAITLIST_OFFER_LINE}</p>`] : []),
      ],
    },
    office,
  );
}
