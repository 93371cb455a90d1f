/** Short answers without a booking: questions back, problems, help. One paragraph each. */
import { html } from "./html.ts";
import { formatSlotLong } from "./format.ts";
import { renderLayout, type OfficeSignature, type RenderedMail } from "./layout.ts";
import { WAITLIST_OFFER_LINE } from "./waitlist.ts";

export type NoticeKind =
  | "ask_service"
  | "unreadable"
  | "choice_unclear"
  | "code_needed"
  | "not_found"
  | "already_cancelled"
  | "not_cancellable"
  | "too_many_attempts"
  | "limit_reached"
  | "no_slots"
  | "not_offered"
  | "help"
  | "failed";

const TEXTS: Record<NoticeKind, string[]> = {
  ask_service: [
    "vielen Dank für Ihre Nachricht. Für welches Anliegen möchten Sie einen Termin?",
    "Schreiben Sie uns bitte kurz, worum es geht und wann es Ihnen passt. Zum Beispiel: „Personalausweis, nächste Woche vormittags“.",
  ],
  unreadable: [
    "leider konnten wir Ihre Nachricht nicht lesen.",
    "Bitte schreiben Sie uns Ihr Anliegen noch einmal als einfachen Text, zum Beispiel: „Reisepass, Dienstag nachmittags“.",
  ],
  choice_unclear: [
    "leider konnten wir Ihre Antwort keinem der vorgeschlagenen Termine zuordnen.",
    "Bitte antworten Sie nur mit der Nummer des gewünschten Termins (1, 2 oder 3). Wenn keiner passt, nennen Sie uns gern einen anderen Wunsch.",
  ],
  code_needed: [
    "um einen Termin abzusagen oder zu verschieben, brauchen wir Ihren Buchungscode.",
    "Sie finden ihn in Ihrer Terminbestätigung (zum Beispiel K7P-2QX). Bitte antworten Sie mit dem Code. Sie können auch den Link in der Bestätigung nutzen.",
  ],
  not_found: [
    "zu diesem Buchungscode und Ihrer E-Mail-Adresse haben wir keinen Termin gefunden.",
    "Bitte prüfen Sie den Code in Ihrer Terminbestätigung und schreiben Sie von der Adresse, mit der Sie gebucht haben.",
  ],
  already_cancelled: ["dieser Termin ist bereits abgesagt. Sie müssen nichts weiter tun."],
  not_cancellable: ["dieser Termin kann nicht mehr abgesagt oder verschoben werden, weil er schon vorbei ist oder gerade geprüft wird."],
  too_many_attempts: ["aus Sicherheitsgründen können wir Ihre Anfrage im Moment nicht bearbeiten. Bitte versuchen Sie es später noch einmal."],
  limit_reached: [
    "für Ihre E-Mail-Adresse sind bereits die meisten möglichen Termine gebucht.",
    "Bitte sagen Sie zuerst einen Termin ab, den Sie nicht mehr brauchen.",
  ],
  no_slots: ["für Ihren Wunsch ist im Moment leider kein Termin frei."],
  not_offered: ["dieses Anliegen können wir leider nicht per E-Mail buchen. Bitte rufen Sie uns an."],
  help: [
    "wir vereinbaren gern einen Termin mit Ihnen.",
    "Schreiben Sie uns, wofür Sie einen Termin brauchen und wann es Ihnen passt. Wir schicken Ihnen dann passende Vorschläge.",
  ],
  failed: ["leider ist bei der Bearbeitung ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal oder rufen Sie uns an."],
};

export interface NoticeData {
  kind: NoticeKind;
  tag: string;
  /** For no_slots: when new slots are released. */
  nextRelease?: string | null;
  timezone: string;
  /** For no_slots: offer the waiting list. */
  waitlist?: boolean;
}

export function renderNotice(d: NoticeData, office: OfficeSignature): RenderedMail {
  const paragraphs = [...TEXTS[d.kind]];
  if (d.kind === "no_slots" && d.nextRelease) {
    paragraphs.push(`Neue Termine geben wir täglich frei, die nächsten am ${formatSlotLong(d.nextRelease, d.timezone)}. Schreiben Sie uns gern dann noch einmal.`);
  }
  if (d.kind === "no_slots" && d.waitlist) paragraphs.push(WAITLIST_OFFER_LINE);
  return renderLayout(
    { subject: `Ihre Terminanfrage ${d.tag}`, text: paragraphs, html: paragraphs.map((p) => html`<p>${p}</p>`) },
    office,
  );
}
