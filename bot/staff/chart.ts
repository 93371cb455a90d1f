/**
 * The 30-day chart as plain inline SVG: stacked bars (attended, no-show, not yet marked) per day
 * and the day's no-show share above each bar. Numbers only come from our own counts.
 */
import type { DayCounts } from "./figures.store.ts";
import { html, type SafeHtml } from "./html.ts";

const W = 760;
const H = 260;
const PAD = { left: 36, right: 8, top: 28, bottom: 40 };
const COLOURS = { attended: "#005ca9", noShow: "#c4122f", open: "#b9c3cd", grid: "#d5dbe1", text: "#5a6470" };

const WEEKDAY = ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"];

/** A round, even top of the scale, so the middle grid line is a whole number too. */
function niceMax(n: number): number {
  if (n <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(n));
  const top = Math.ceil(n / step) * step;
  return top % 2 ? top + step : top;
}

export function dayChart(days: DayCounts[], labels: { title: string; desc: string }): SafeHtml {
  const max = niceMax(Math.max(0, ...days.map((d) => d.attended + d.noShow + d.open)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(days.length, 1);
  const bw = Math.max(4, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">${labels.title}</title><desc id="chart-desc">${labels.desc}</desc>
${ticks.map((t) => html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t)}" y2="${y(t)}" stroke="${COLOURS.grid}" stroke-width="1"/>
<text x="${PAD.left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11" fill="${COLOURS.text}">${Math.round(t)}</text>`)}
${days.map((d, i) => bar(d, PAD.left + i * slot + (slot - bw) / 2, bw, y))}
${days.map((d, i) => (labelled(days, i) ? axisLabel(d.date, PAD.left + i * slot + slot / 2) : ""))}
</svg>`;
}

function bar(d: DayCounts, x: number, w: number, y: (v: number) => number): SafeHtml {
  const parts: [number, string][] = [[d.attended, COLOURS.attended], [d.noShow, COLOURS.noShow], [d.open, COLOURS.open]];
  let base = 0;
  const rects = parts.map(([v, colour]) => {
    if (!v) return "";
    const r = html`<rect x="${x.toFixed(1)}" y="${y(base + v).toFixed(1)}" width="${w.toFixed(1)}" height="${(y(base) - y(base + v)).toFixed(1)}" fill="${colour}"/>`;
    base += v;
    return r;
  });
  const marked = d.attended + d.noShow;
  const rate = marked ? Math.round((d.noShow / marked) * 100) : null;
  return html`<g>${rects}${rate !== null && rate > 0 ? html`<text x="${(x + w / 2).toFixed(1)}" y="${(y(base) - 4).toFixed(1)}" text-anchor="middle" font-size="10" fill="${COLOURS.noShow}">${rate}%</text>` : ""}</g>`;
}

/** Mondays and the chosen (last) day; a Monday right before the last day would collide with it. */
function labelled(days: DayCounts[], i: number): boolean {
  const last = days.length - 1;
  if (i === last) return true;
  return new Date(`${days[i]!.date}T12:00:00Z`).getUTCDay() === 1 && last - i >= 3;
}

function axisLabel(date: string, x: number): SafeHtml {
  const wd = WEEKDAY[new Date(`${date}T12:00:00Z`).getUTCDay()];
  return html`<text x="${x.toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="${COLOURS.text}">${wd}</text>
<text x="${x.toFixed(1)}" y="${H - PAD.bottom + 30}" text-anchor="middle" font-size="11" fill="${COLOURS.text}">${date.slice(8, 10)}.${date.slice(5, 7)}.</text>`;
}
