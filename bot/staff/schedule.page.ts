/** The day schedule: one table per counter, actions per row, and a print version without buttons. */
import type { LocationConfig } from "../../core/config/schema.ts";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import type { Formatter } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import { csrfField } from "./layout.page.ts";
import type { ScheduleEntry } from "./schedule.store.ts";

const T = STAFF_TEXTS.schedule;

export interface ScheduleView {
  location: LocationConfig;
  locations: LocationConfig[];
  date: string;
  today: string;
  now: Date;
  entries: ScheduleEntry[];
  csrf: string;
  fmt: Formatter;
  print?: boolean;
}

export function scheduleBody(v: ScheduleView): SafeHtml {
  const q = (date: string) => `/staff/schedule?location=${encodeURIComponent(v.location.id)}&date=${date}`;
  const open = v.entries.filter((e) => e.status === "booked").length;
  const total = v.entries.filter((e) => e.status !== "cancelled").length;
  return html`<form method="get" action="/staff/schedule" class="filters">
<p><label for="location">${T.location}</label>
<select id="location" name="location">${v.locations.map((l) => html`<option value="${l.id}"${l.id === v.location.id ? html` selected` : ""}>${l.name}</option>`)}</select></p>
<p><label for="date">${T.date}</label><input id="date" name="date" type="date" value="${v.date}" required></p>
<p><button type="submit">${T.show}</button></p>
</form>
<nav class="daynav" aria-label="${T.date}">
<a href="${q(v.fmt.addDays(v.date, -1))}">← ${T.previousDay}</a>
<a href="${q(v.today)}">${T.today}</a>
<a href="${q(v.fmt.addDays(v.date, 1))}">${T.nextDay} →</a>
<a class="button" href="/staff/schedule/print?location=${encodeURIComponent(v.location.id)}&amp;date=${v.date}">${T.print}</a>
</nav>
<h2>${v.location.name} · ${v.fmt.dateLong(v.date)}</h2>
<p class="muted">${T.summary(total, open)}</p>
${tables(v)}`;
}

export function schedulePrintBody(v: ScheduleView): SafeHtml {
  return html`<p class="no-print"><button type="button" class="primary" data-print>${T.print}</button>
<a href="/staff/schedule?location=${encodeURIComponent(v.location.id)}&amp;date=${v.date}">${STAFF_TEXTS.confirmation.back}</a></p>
<h2>${v.location.name} · ${v.fmt.dateLong(v.date)}</h2>
<p class="muted">${T.printedAt} ${v.fmt.dateTime(v.now)}</p>
${tables({ ...v, print: true })}`;
}

function tables(v: ScheduleView): SafeHtml {
  if (!v.entries.length) return html`<p class="empty">${T.empty}</p>`;
  const counters = [...new Set(v.entries.map((e) => e.counter))].sort((a, b) => a - b);
  return html`${counters.map((c) => html`<table class="schedule">
<caption>${c > v.location.counters ? T.extraCounter(c - v.location.counters) : T.counter(c)}</caption>
<thead><tr><th scope="col" class="c-time">${T.time}</th><th scope="col" class="c-code">${T.code}</th><th scope="col">${T.name}</th><th scope="col">${T.services}</th><th scope="col" class="c-channel">${T.channel}</th><th scope="col" class="c-status">${T.status}</th>${v.print ? "" : html`<th scope="col" class="actions-col">${T.actions}</th>`}</tr></thead>
<tbody>${v.entries.filter((e) => e.counter === c).map((e) => row(e, v))}</tbody></table>`)}`;
}

function row(e: ScheduleEntry, v: ScheduleView): SafeHtml {
  const fmt = v.fmt;
  return html`<tr class="status-${e.status}" id="a-${e.id}">
<td>${fmt.time(e.start)}–${fmt.time(e.end)}</td>
<td><code>${e.code}</code></td>
<td>${e.name ?? "–"}${e.phone ? html`<br><span class="muted">${e.phone}</span>` : ""}</td>
<td>${fmt.services(e.services)}</td>
<td>${STAFF_TEXTS.channels[e.channel]}</td>
<td><span class="badge ${e.status}">${STAFF_TEXTS.status[e.status]}</span></td>
${v.print ? "" : html`<td><div class="row-actions">${actions(e, v)}</div></td>`}
</tr>`;
}

function actions(e: ScheduleEntry, v: ScheduleView): SafeHtml {
  const back = `/staff/schedule?location=${v.location.id}&date=${v.date}`;
  const started = e.start.getTime() <= v.now.getTime();
  const future = !started;
  const label = `${e.code}, ${v.fmt.time(e.start)}`;
  const mark = (status: "attended" | "no_show", text: string) =>
    html`<form method="post" action="/staff/appointments/${e.id}/attendance">${csrfField(v.csrf)}<input type="hidden" name="status" value="${status}"><input type="hidden" name="back" value="${back}"><button type="submit" class="small" aria-label="${text}: ${label}">${text}</button></form>`;
  const canMark = ["booked", "attended", "no_show"].includes(e.status);
  return html`${canMark && e.status !== "attended" ? mark("attended", T.attended) : ""}
${canMark && started && e.status !== "no_show" ? mark("no_show", T.noShow) : ""}
${future && (e.status === "booked" || e.status === "suggested") ? html`<a class="button small" href="/staff/appointments/${e.id}/reschedule" aria-label="${T.reschedule}: ${label}">${T.reschedule}</a>
<form method="post" action="/staff/appointments/${e.id}/cancel" data-confirm="Termin ${e.code} wirklich absagen?">${csrfField(v.csrf)}<input type="hidden" name="back" value="${back}"><button type="submit" class="small danger" aria-label="${T.cancel}: ${label}">${T.cancel}</button></form>` : ""}`;
}
