/** Booking for a caller or walk-in: search form, free slots (incl. staff capacity), contact form; and the printable confirmation. */
import type { Appointment, Slot } from "../../core/bookings/types.ts";
import type { CityConfig, LocationConfig } from "../../core/config/schema.ts";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import type { Formatter } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import { csrfField } from "./layout.page.ts";
import { slotChoices } from "./slot-choices.page.ts";

const T = STAFF_TEXTS.book;

export interface BookQuery {
  location: string;
  service: string;
  count: number;
  from: string;
  emergency: boolean;
}

export interface BookView {
  q: BookQuery;
  locations: LocationConfig[];
  services: CityConfig["services"];
  slots: Slot[] | null;
  contact: { name: string; phone: string; email: string };
  csrf: string;
  fmt: Formatter;
}

export function bookBody(v: BookView): SafeHtml {
  return html`<p class="muted">${T.intro}</p>
${searchForm(v)}
${v.slots === null ? "" : v.slots.length ? contactForm(v) : html`<p class="empty">${T.none}</p>`}`;
}

function searchForm(v: BookView): SafeHtml {
  const categories = [...new Set(v.services.map((s) => s.category))];
  return html`<form method="get" action="/staff/book" class="filters">
<p><label for="location">${T.location}</label>
<select id="location" name="location">${v.locations.map((l) => html`<option value="${l.id}"${l.id === v.q.location ? html` selected` : ""}>${l.name}</option>`)}</select></p>
<p><label for="service">${T.service}</label>
<select id="service" name="service" required>${categories.map((c) => html`<optgroup label="${c}">${v.services
    .filter((s) => s.category === c)
    .map((s) => html`<option value="${s.id}"${s.id === v.q.service ? html` selected` : ""}>${s.name}</option>`)}</optgroup>`)}</select></p>
<p><label for="count">${T.count}</label><input id="count" name="count" type="number" min="1" max="20" value="${v.q.count}" size="3"></p>
<p><label for="from">${T.from}</label><input id="from" name="from" type="date" value="${v.q.from}"></p>
<p class="check"><label><input type="checkbox" name="emergency" value="1"${v.q.emergency ? html` checked` : ""}> ${T.emergency}</label></p>
<p><button type="submit" class="primary">${T.search}</button></p>
</form>`;
}

function contactForm(v: BookView): SafeHtml {
  const q = v.q;
  return html`<form method="post" action="/staff/book" class="card stack">${csrfField(v.csrf)}
<input type="hidden" name="location" value="${q.location}"><input type="hidden" name="service" value="${q.service}">
<input type="hidden" name="count" value="${q.count}"><input type="hidden" name="from" value="${q.from}">
<input type="hidden" name="emergency" value="${q.emergency ? "1" : ""}">
${slotChoices(v.slots!, T.results, v.fmt)}
<h2>${T.contactTitle}</h2>
<div class="contact">
<p><label for="name">${T.name}</label><input id="name" name="name" required maxlength="200" autocomplete="off" value="${v.contact.name}"></p>
<p><label for="phone">${T.phone}</label><input id="phone" name="phone" type="tel" maxlength="40" autocomplete="off" value="${v.contact.phone}"></p>
<p><label for="email">${T.email}</label><input id="email" name="email" type="email" maxlength="254" autocomplete="off" value="${v.contact.email}"></p>
</div>
<p><button type="submit" class="primary">${T.submit}</button></p>
</form>`;
}

export function confirmationBody(a: Appointment, config: CityConfig, fmt: Formatter, mailed: boolean): SafeHtml {
  const C = STAFF_TEXTS.confirmation;
  const location = config.locations.find((l) => l.id === a.locationId)!;
  const services = a.services.map((r) => config.services.find((s) => s.id === r.id)).filter((s) => s !== undefined);
  const documents = [...new Set(services.flatMap((s) => s.documents))];
  const fees = services.map((s) => `${s.name}: ${s.fee || "–"}`);
  return html`<p class="no-print notice ok" role="status">${T.booked} ${mailed ? C.mailed : C.notMailed}</p>
<p class="no-print"><button type="button" class="primary" data-print>${C.print}</button> <a href="/staff/schedule?location=${a.locationId}&amp;date=${fmt.today(new Date(a.start))}">${C.back}</a></p>
<section class="card confirmation">
<p class="print-only"><strong>${config.city.name}</strong> · ${location.name}</p>
<dl class="pairs">
<dt>${C.code}</dt><dd class="code">${a.code}</dd>
<dt>${C.when}</dt><dd>${fmt.dateTime(a.start)}</dd>
<dt>${C.where}</dt><dd>${location.name}<br>${location.address.street}<br>${location.address.postalCode} ${location.address.city}${location.accessibility ? html`<br><span class="muted">${location.accessibility}</span>` : ""}</dd>
<dt>${C.services}</dt><dd>${fmt.services(a.services)}</dd>
<dt>${C.documents}</dt><dd>${documents.length ? html`<ul>${documents.map((d) => html`<li>${d}</li>`)}</ul>` : "–"}</dd>
<dt>${C.fee}</dt><dd>${fees.join("; ")}</dd>
</dl>
<p>${C.cancelHint} ${config.city.phone}</p>
</section>`;
}
