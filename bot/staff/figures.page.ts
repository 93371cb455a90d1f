/** Figures for managers: tiles for the day, the 30-day chart, channels, waiting times and the waiting list. */
import type { Channel } from "../../core/bookings/types.ts";
import type { LocationConfig } from "../../core/config/schema.ts";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import { dayChart } from "./chart.ts";
import type { DayCounts, WaitlistFigures } from "./figures.store.ts";
import type { Formatter } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";

const T = STAFF_TEXTS.figures;
const OFFER_STATUS: Record<string, string> = { accepted: "angenommen", declined: "abgelehnt", expired: "abgelaufen", offered: "Angebot offen", withdrawn: "zurückgezogen" };

export interface FiguresView {
  location: LocationConfig;
  locations: LocationConfig[];
  date: string;
  day: DayCounts;
  days: DayCounts[];
  channelsDay: Partial<Record<Channel, number>>;
  channels30: Partial<Record<Channel, number>>;
  nextFree: { service: string; here: number | null; anywhere: number | null }[];
  waitlist: WaitlistFigures | null;
  fmt: Formatter;
}

const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 1000) / 10} %`.replace(".", ",") : "–");

export function figuresBody(v: FiguresView): SafeHtml {
  const sum = (f: (d: DayCounts) => number) => v.days.reduce((n, d) => n + f(d), 0);
  const marked30 = sum((d) => d.attended + d.noShow);
  const markedDay = v.day.attended + v.day.noShow;
  return html`<form method="get" action="/staff/figures" class="filters">
<p><label for="location">${STAFF_TEXTS.schedule.location}</label>
<select id="location" name="location">${v.locations.map((l) => html`<option value="${l.id}"${l.id === v.location.id ? html` selected` : ""}>${l.name}</option>`)}</select></p>
<p><label for="date">${T.day}</label><input id="date" name="date" type="date" value="${v.date}"></p>
<p><button type="submit">${STAFF_TEXTS.schedule.show}</button></p>
</form>
<h2>${v.location.name} · ${v.fmt.dateLong(v.date)}</h2>
<div class="tiles">
${tile(T.appointments, String(v.day.attended + v.day.noShow + v.day.open), `${T.last30}: ${sum((d) => d.attended + d.noShow + d.open)}`)}
${tile(T.noShowRate, pct(v.day.noShow, markedDay), `${T.last30}: ${T.rateOf(pct(sum((d) => d.noShow), marked30), marked30)}`)}
${tile(T.cancellations, String(v.day.cancelled), `${T.last30}: ${sum((d) => d.cancelled)}`)}
${tile(T.waitlist, v.waitlist ? String(v.waitlist.waiting) : T.noData, v.waitlist ? "offene Wünsche für diesen Standort" : "")}
</div>
<section class="chart" aria-labelledby="chart-h"><h2 id="chart-h">${T.chartTitle}</h2>
${dayChart(v.days, { title: T.chartTitle, desc: T.chartDesc })}
<ul class="legend"><li><span class="swatch attended"></span>${T.legendAttended}</li><li><span class="swatch no_show"></span>${T.legendNoShow}</li><li><span class="swatch open"></span>${T.legendOpen}</li></ul>
<details><summary>${T.tableToggle}</summary>${daysTable(v)}</details>
</section>
<div class="grid2">
<section class="card"><h2>${T.byChannel}</h2>${channelTable(v)}</section>
<section class="card"><h2>${T.nextFree}</h2>${nextFreeTable(v)}</section>
</div>
<section class="card"><h2>${T.waitlist}</h2>${waitlistBlock(v.waitlist)}</section>`;
}

function tile(label: string, value: string, sub: string): SafeHtml {
  return html`<div class="tile"><p class="label">${label}</p><p class="value">${value}</p><p class="sub">${sub}</p></div>`;
}

function daysTable(v: FiguresView): SafeHtml {
  return html`<table><thead><tr><th scope="col">${T.day}</th><th scope="col">${T.legendAttended}</th><th scope="col">${T.legendNoShow}</th><th scope="col">${T.legendOpen}</th><th scope="col">${T.cancellations}</th></tr></thead>
<tbody>${v.days.map((d) => html`<tr><td>${v.fmt.date(`${d.date}T12:00:00Z`)}</td><td>${d.attended}</td><td>${d.noShow}</td><td>${d.open}</td><td>${d.cancelled}</td></tr>`)}</tbody></table>`;
}

function channelTable(v: FiguresView): SafeHtml {
  const channels = Object.keys(STAFF_TEXTS.channels).filter((c) => c !== "cli") as Channel[];
  const max = Math.max(1, ...channels.map((c) => v.channels30[c] ?? 0));
  return html`<table><thead><tr><th scope="col">Kanal</th><th scope="col">${T.day}</th><th scope="col">${T.last30}</th><th scope="col"><span class="print-only">–</span></th></tr></thead>
<tbody>${channels.map((c) => html`<tr><th scope="row">${STAFF_TEXTS.channels[c]}</th><td>${v.channelsDay[c] ?? 0}</td><td>${v.channels30[c] ?? 0}</td>
<td><svg viewBox="0 0 100 10" width="120" height="12" aria-hidden="true"><rect x="0" y="1" height="8" width="${Math.round(((v.channels30[c] ?? 0) / max) * 100)}" fill="#005ca9"/></svg></td></tr>`)}</tbody></table>`;
}

function nextFreeTable(v: FiguresView): SafeHtml {
  const show = (n: number | null) => (n === null ? T.none : T.days(n));
  return html`<table><thead><tr><th scope="col">${STAFF_TEXTS.schedule.services}</th><th scope="col">${T.here}</th><th scope="col">${T.anywhere}</th></tr></thead>
<tbody>${v.nextFree.map((r) => html`<tr><th scope="row">${r.service}</th><td>${show(r.here)}</td><td>${show(r.anywhere)}</td></tr>`)}</tbody></table>`;
}

function waitlistBlock(w: WaitlistFigures | null): SafeHtml {
  if (!w) return html`<p class="muted">${T.noData}</p>`;
  const entries = Object.entries(w.offers);
  return html`<p>${w.waiting} offene Wünsche (inkl. Wünsche ohne Standortwahl).</p>
${entries.length ? html`<p>Angebote der letzten 30 Tage für diesen Standort:</p><dl class="pairs">${entries.map(([k, n]) => html`<dt>${OFFER_STATUS[k] ?? k}</dt><dd>${n}</dd>`)}</dl>` : html`<p class="muted">Noch keine Angebote in den letzten 30 Tagen.</p>`}`;
}
