/** The approval queue: each suggestion as a card with the citizen's words (as text), the request and the choices. */
import type { Appointment, Slot } from "../../core/bookings/types.ts";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import type { Formatter } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import { csrfField } from "./layout.page.ts";
import { slotChoices } from "./slot-choices.page.ts";
import { describeUnderstood } from "./understood.ts";

const T = STAFF_TEXTS.queue;

export interface QueueItem {
  appointment: Appointment;
  alternatives: Slot[];
}

export function queueBody(items: QueueItem[], csrf: string, fmt: Formatter): SafeHtml {
  if (!items.length) return html`<p class="empty">${T.empty}</p>`;
  return html`<p class="muted">${T.intro}</p>
<ol class="cards">${items.map((item) => card(item, csrf, fmt))}</ol>`;
}

function card({ appointment: a, alternatives }: QueueItem, csrf: string, fmt: Formatter): SafeHtml {
  const id = a.id;
  const understood = describeUnderstood(a.request?.understood, fmt);
  const heading = `${fmt.services(a.services)} – ${fmt.location(a.locationId)}`;
  return html`<li class="card" id="q-${id}">
<article aria-labelledby="h-${id}">
<h2 id="h-${id}">${heading}</h2>
<p class="meta">${T.received} ${fmt.dateTime(a.createdAt)} ${T.via} ${STAFF_TEXTS.channels[a.channel]} · Code ${a.code}${a.contact ? ` · ${T.contact}: ${a.contact.name}` : ""}</p>
<div class="grid2">
<section><h3>${T.message}</h3>
<blockquote class="citizen-text">${a.request?.text ? a.request.text : html`<span class="muted">${T.noMessage}</span>`}</blockquote></section>
<section><h3>${T.understood}</h3>
${understood.length ? html`<dl class="pairs">${understood.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : html`<p class="muted">–</p>`}
<h3>${T.held}</h3><p class="slot">${fmt.dateTime(a.start)} · ${fmt.location(a.locationId)} · ${STAFF_TEXTS.schedule.counter(a.counter)}</p></section>
</div>
<div class="actions">
<form method="post" action="/staff/queue/${id}/approve">${csrfField(csrf)}<button type="submit" class="primary">${T.approve}</button></form>
${alternativesForm(id, alternatives, csrf, fmt)}
<details class="reject"><summary>${T.reject}</summary>
<form method="post" action="/staff/queue/${id}/reject" class="stack">${csrfField(csrf)}
<p><label for="msg-${id}">${T.rejectMessage}</label>
<textarea id="msg-${id}" name="message" rows="3" maxlength="2000" required aria-describedby="hint-${id}"></textarea>
<span class="hint" id="hint-${id}">${T.rejectHint}</span></p>
<p><button type="submit" class="danger">${T.reject}</button></p></form></details>
</div>
</article></li>`;
}

function alternativesForm(id: string, slots: Slot[], csrf: string, fmt: Formatter): SafeHtml {
  if (!slots.length) return html`<p class="muted">${T.noAlternatives}</p>`;
  return html`<form method="post" action="/staff/queue/${id}/approve" class="alternatives">${csrfField(csrf)}
${slotChoices(slots, T.alternatives, fmt)}
<button type="submit">${T.approveOther}</button></form>`;
}
