/** The page shell: landmarks, skip link, main navigation, sign-out form and notices. */
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import { html, type SafeHtml } from "./html.ts";
import type { StaffAccount } from "./account.store.ts";

const T = STAFF_TEXTS;

export type NavKey = "queue" | "schedule" | "book" | "figures" | "delivery" | "audit";

export interface Notice {
  kind: "ok" | "error";
  text: string;
}

export interface LayoutInput {
  title: string;
  body: SafeHtml;
  account?: StaffAccount | null;
  csrf?: string;
  nav?: NavKey;
  notice?: Notice | null;
  /** Print pages: no navigation, print styles only. */
  bare?: boolean;
}

export function layout(p: LayoutInput): SafeHtml {
  return html`<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${p.title} – ${T.appName}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/staff/assets/staff.css">
<script src="/staff/assets/staff.js" defer></script>
</head>
<body class="${p.bare ? "bare" : ""}">
<a class="skip" href="#main">${T.skipLink}</a>
${p.bare ? "" : header(p)}
<main id="main" tabindex="-1">
<h1>${p.title}</h1>
${p.notice ? notice(p.notice) : ""}
${p.body}
</main>
</body>
</html>`;
}

export function notice(n: Notice): SafeHtml {
  return n.kind === "ok"
    ? html`<p class="notice ok" role="status">${n.text}</p>`
    : html`<p class="notice error" role="alert">${n.text}</p>`;
}

function header(p: LayoutInput): SafeHtml {
  const a = p.account;
  const link = (key: NavKey, href: string, label: string) =>
    html`<li><a href="${href}"${p.nav === key ? html` aria-current="page"` : ""}>${label}</a></li>`;
  return html`<header class="top">
<p class="brand"><span class="brand-name">Terminassistent</span> <span class="brand-part">Sachbearbeitung</span></p>
${a ? html`<nav aria-label="${T.nav.label}"><ul>
${link("queue", "/staff/queue", T.nav.queue)}
${link("schedule", "/staff/schedule", T.nav.schedule)}
${link("book", "/staff/book", T.nav.book)}
${link("figures", "/staff/figures", T.nav.figures)}
${link("delivery", "/staff/zustellung", T.nav.delivery)}
${a.role === "admin" ? link("audit", "/staff/audit", T.nav.audit) : ""}
</ul></nav>
<div class="user"><span>${T.nav.signedInAs} <strong>${a.displayName ?? a.username}</strong> (${T.roles[a.role]})</span>
<form method="post" action="/staff/logout"><input type="hidden" name="_csrf" value="${p.csrf ?? ""}"><button type="submit" class="link">${T.nav.logout}</button></form></div>` : ""}
</header>`;
}

/** A hidden CSRF field for every form. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}
