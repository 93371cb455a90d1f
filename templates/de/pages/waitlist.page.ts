/** Waiting-list pages: the offer (accept / decline) and the registered wish (withdraw). */
import { html, raw } from "../mail/html.ts";
import { appointmentDetails, type AppointmentPageView } from "./appointment.page.ts";
import { renderMessage, renderPage, postButton, type PageCity, type RenderedPage } from "./layout.ts";

export function renderOfferPage(city: PageCity, a: AppointmentPageView, deadline: string, action: string, csrf: string): RenderedPage {
  const body = html`<p>Ein Termin ist frei geworden, der zu Ihrem Wunsch auf der Warteliste passt. Wir halten ihn für Sie frei bis ${deadline}.</p>
${appointmentDetails(a)}
<p>Möchten Sie den Termin?</p>
${postButton(action, csrf, "Termin annehmen", { antwort: "annehmen" })}${postButton(action, csrf, "Nein, danke", { antwort: "ablehnen" }, true)}
<p>Wenn Sie ablehnen oder nicht rechtzeitig antworten, geht der Termin an die nächste Person auf der Warteliste. Ihr Wunsch endet damit.</p>`;
  return renderPage(city, "Terminangebot", body);
}

export function renderOfferAcceptedPage(city: PageCity, a: AppointmentPageView, appointmentUrl: string): RenderedPage {
  return renderMessage(city, "Termin gebucht", ["Vielen Dank. Ihr Termin ist gebucht."], 200, html`${appointmentDetails(a)}<p><a href="${appointmentUrl}">Termin ansehen, in den Kalender übernehmen oder absagen</a></p>`);
}

export function renderOfferDeclinedPage(city: PageCity): RenderedPage {
  return renderMessage(city, "Angebot abgelehnt", ["Sie haben das Angebot abgelehnt. Der Termin geht an die nächste Person auf der Warteliste.", "Ihr Eintrag auf der Warteliste ist damit beendet."]);
}

export interface WishPageView {
  services: string[];
  locations: string;
  weekdays: string;
  times: string;
  latestDate: string;
  offered: boolean;
}

export function renderWishPage(city: PageCity, w: WishPageView, action: string, csrf: string): RenderedPage {
  const body = html`<p>Sie stehen auf der Warteliste. Sobald ein passender Termin frei wird, schicken wir Ihnen ein Angebot.</p>
<dl>
<dt>Anliegen</dt><dd>${w.services.join(", ")}</dd>
<dt>Standorte</dt><dd>${w.locations}</dd>
<dt>Wochentage</dt><dd>${w.weekdays}</dd>
<dt>Uhrzeiten</dt><dd>${w.times}</dd>
<dt>Spätestens am</dt><dd>${w.latestDate}</dd>
</dl>
${w.offered ? html`<p>Wir haben Ihnen bereits einen Termin angeboten. Wenn Sie Ihren Wunsch zurückziehen, verfällt auch das Angebot.</p>` : raw("")}
${postButton(action, csrf, "Wunsch zurückziehen", {}, true)}`;
  return renderPage(city, "Ihr Wunsch auf der Warteliste", body);
}

export function renderWishWithdrawnPage(city: PageCity): RenderedPage {
  return renderMessage(city, "Wunsch zurückgezogen", ["Ihr Wunsch ist von der Warteliste gelöscht. Ihre Kontaktdaten haben wir dabei gelöscht."]);
}
