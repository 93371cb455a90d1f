/** The appointment page behind the link in confirmation and reminder: details, calendar file, "Termin absagen". */
import { html, raw } from "../mail/html.ts";
import { renderMessage, renderPage, postButton, type PageCity, type RenderedPage } from "./layout.ts";

export interface AppointmentPageView {
  code: string;
  /** "Donnerstag, 26.11.2026" */
  date: string;
  /** "10:00 Uhr" */
  time: string;
  location: { name: string; address: string; accessibility: string | null };
  services: string[];
  documents: string[];
  fees: string[];
  /** Awaiting staff approval. */
  suggested: boolean;
  cancellable: boolean;
}

export interface AppointmentLinksView {
  cancelAction: string;
  ics: string;
  csrf: string;
}

export function appointmentDetails(a: AppointmentPageView) {
  return html`<dl>
<dt>Wann</dt><dd>${a.date}, ${a.time}</dd>
<dt>Wo</dt><dd>${a.location.name}<br>${a.location.address}${a.location.accessibility ? html`<br>${a.location.accessibility}` : ""}</dd>
<dt>Anliegen</dt><dd>${a.services.join(", ")}</dd>
${a.documents.length ? html`<dt>Bitte mitbringen</dt><dd><ul>${a.documents.map((d) => html`<li>${d}</li>`)}</ul></dd>` : ""}
${a.fees.length ? html`<dt>Gebühr</dt><dd>${a.fees.join("; ")}</dd>` : ""}
<dt>Buchungscode</dt><dd>${a.code}</dd>
</dl>`;
}

export function renderAppointmentPage(city: PageCity, a: AppointmentPageView, links: AppointmentLinksView): RenderedPage {
  const intro = a.suggested ? "Ihre Anfrage wird noch geprüft. Wir melden uns, sobald der Termin bestätigt ist." : "Ihr Termin ist gebucht.";
  const cancel = a.cancellable
    ? html`<p>Sie können nicht kommen? Dann sagen Sie den Termin bitte ab. So bekommt jemand anderes den Termin.</p>${postButton(links.cancelAction, links.csrf, "Termin absagen")}`
    : html`<p>Dieser Termin kann nicht mehr online abgesagt werden. Bitte rufen Sie uns an.</p>`;
  return renderPage(city, "Ihr Termin", html`<p>${intro}</p>${appointmentDetails(a)}<p><a href="${links.ics}">Termin in den Kalender übernehmen (ICS-Datei)</a></p>${cancel}`);
}

export function renderCancelledPage(city: PageCity, a: AppointmentPageView | null, justNow: boolean): RenderedPage {
  const sentences = justNow
    ? ["Ihr Termin ist abgesagt. Vielen Dank, dass Sie Bescheid gegeben haben.", "Sie bekommen eine Bestätigung, wenn wir Ihre E-Mail-Adresse kennen."]
    : ["Dieser Termin ist bereits abgesagt."];
  return renderMessage(city, "Termin abgesagt", sentences, justNow ? 200 : 410, a ? appointmentDetails(a) : raw(""));
}
