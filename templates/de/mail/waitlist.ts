/** Answers about the waiting list by mail: registered (with position and the wish link), or why not. */
import { html } from "./html.ts";
import { renderLayout, type OfficeSignature, type RenderedMail } from "./layout.ts";

export type WaitlistReplyKind = "registered" | "duplicate" | "no_request" | "failed";

export interface WaitlistReplyData {
  kind: WaitlistReplyKind;
  tag: string;
  timezone: string;
  services?: string[];
  position?: number;
  /** "YYYY-MM-DD": the wish expires after it. */
  latestDate?: string;
  /** View or withdraw the wish. */
  wishUrl?: string | null;
}

/** Offer line for mails where nothing fits (proposal alternatives, "no slots"). */
export const WAITLIST_OFFER_LINE =
  "Passt Ihnen keiner dieser Termine? Dann setzen wir Sie gern auf unsere Warteliste. Antworten Sie dazu einfach mit „Warteliste“. Wird ein passender Termin frei, schicken wir Ihnen ein Angebot.";

function germanDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

function paragraphs(d: WaitlistReplyData): string[] {
  switch (d.kind) {
    case "registered": {
      const ahead = (d.position ?? 1) - 1;
      return [
        `Sie stehen jetzt auf unserer Warteliste für: ${(d.services ?? []).join(", ")}.`,
        ahead === 0 ? "Sie sind als Erste oder Erster an der Reihe." : ahead === 1 ? "Vor Ihnen wartet eine Person." : `Vor Ihnen warten ${ahead} Personen.`,
        "Wird ein passender Termin frei, schicken wir Ihnen ein Angebot an diese E-Mail-Adresse. Wir halten den Termin dann eine Zeit lang für Sie frei.",
        ...(d.latestDate ? [`Die Warteliste gilt bis ${germanDate(d.latestDate)}.`] : []),
        ...(d.wishUrl ? [`Ihren Eintrag ansehen oder zurückziehen: ${d.wishUrl}`] : []),
      ];
    }
    case "duplicate":
      return ["Sie stehen für diese Leistung schon auf unserer Warteliste. Ihr früherer Platz bleibt erhalten."];
    case "no_request":
      return ["gern setzen wir Sie auf die Warteliste. Bitte schreiben Sie uns dazu, wofür Sie einen Termin brauchen. Zum Beispiel: „Warteliste für Personalausweis, vormittags“."];
    case "failed":
      return ["leider konnten wir Sie nicht auf die Warteliste setzen. Bitte versuchen Sie es später noch einmal oder rufen Sie uns an."];
  }
}

export function renderWaitlistReply(d: WaitlistReplyData, office: OfficeSignature): RenderedMail {
  const text = paragraphs(d);
  return renderLayout(
    {
      subject: `${d.kind === "registered" ? "Warteliste: Sie sind eingetragen" : "Ihre Terminanfrage"} ${d.tag}`.trim(),
      text,
      html: text.map((p) => (d.wishUrl && p.endsWith(d.wishUrl) ? html`<p>Ihren Eintrag ansehen oder zurückziehen: <a href="${d.wishUrl}">${d.wishUrl}</a></p>` : html`<p>${p}</p>`)),
    },
    office,
  );
}
