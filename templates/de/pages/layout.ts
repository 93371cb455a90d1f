/**
 * The frame of the citizen pages (appointment, waiting-list offer, wish): plain server-rendered
 * HTML, no script, formal German. Every interpolation is escaped by the `html` tag.
 */
import { html, raw, type RawHtml } from "../mail/html.ts";

export interface PageCity {
  name: string;
  phone: string;
  website: string;
  colors: { primary: string; accent: string };
}

export interface RenderedPage {
  status: number;
  html: string;
}

const COLOR = /^#[0-9a-fA-F]{3,8}$/;

export function renderPage(city: PageCity, title: string, body: RawHtml, status = 200): RenderedPage {
  const primary = COLOR.test(city.colors.primary) ? city.colors.primary : "#005ca9";
  const css = raw(`body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
header{border-bottom:4px solid ${primary};margin-bottom:1.5rem}h1{font-size:1.5rem}dt{font-weight:600}dd{margin:0 0 .75rem 0}
button{font-size:1rem;padding:.6rem 1.2rem;border-radius:.3rem;border:2px solid ${primary};background:${primary};color:#fff;cursor:pointer;margin:.25rem .5rem .25rem 0}
button.secondary{background:#fff;color:${primary}}form{display:inline}footer{margin-top:2rem;font-size:.9rem;color:#555}`);
  const page = html`<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} – ${city.name}</title>
<style>${css}</style>
</head>
<body>
<header><p>${city.name}</p></header>
<main>
<h1>${title}</h1>
${body}
</main>
<footer><p>Fragen? Rufen Sie uns an: ${city.phone}</p></footer>
</body>
</html>
`;
  return { status, html: page.value };
}

/** A short page that only says something (errors, confirmations). */
export function renderMessage(city: PageCity, title: string, sentences: string[], status = 200, extra: RawHtml = raw("")): RenderedPage {
  return renderPage(city, title, html`${sentences.map((s) => html`<p>${s}</p>`)}${extra}`, status);
}

/** A POST form with the page's anti-forgery token; the only way the pages change anything. */
export function postButton(action: string, csrf: string, label: string, fields: Record<string, string> = {}, secondary = false): RawHtml {
  const hidden = Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`);
  return html`<form method="post" action="${action}"><input type="hidden" name="csrf" value="${csrf}">${hidden}<button type="submit"${raw(secondary ? ' class="secondary"' : "")}>${label}</button></form>`;
}
