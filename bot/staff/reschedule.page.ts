/** Moving an appointment: the current slot and free alternatives at the same location (staff capacity). */
import type { Appointment, Slot } from "../../core/bookings/types.ts";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import type { Formatter } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import { csrfField } from "./layout.page.ts";
import { slotChoices } from "./slot-choices.page.ts";

const T = STAFF_TEXTS.reschedule;

export function reschedulePage(p: { appointment: Appointment; slots: Slot[]; from: string; csrf: string; fmt: Formatter }): SafeHtml {
  const a = p.appointment;
  return html`<section class="card">
<h2>${T.current}</h2>
<p class="slot">${p.fmt.dateTime(a.start)} · ${p.fmt.location(a.locationId)} · Code ${a.code}</p>
<p>${p.fmt.services(a.services)}${a.contact ? ` · ${a.contact.name}` : ""}</p>
</section>
<form method="get" action="/staff/appointments/${a.id}/reschedule" class="filters">
<p><label for="from">${T.from}</label><input id="from" name="from" type="date" value="${p.from}"></p>
<p><button type="submit">${T.search}</button></p>
</form>
${p.slots.length ? html`<form method="post" action="/staff/appointments/${a.id}/reschedule" class="card">${csrfField(p.csrf)}
${slotChoices(p.slots, T.choose, p.fmt)}
<p><button type="submit" class="primary">${T.submit}</button></p>
</form>` : html`<p class="empty">${T.none}</p>`}`;
}
