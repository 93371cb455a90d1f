/** The sign-in page: the city's identity provider first (when configured), local accounts below. */
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import { html, type SafeHtml } from "./html.ts";
import { layout, type Notice } from "./layout.page.ts";

const T = STAFF_TEXTS.login;

export function loginPage(p: { token: string; next: string; oidc: boolean; local: boolean; notice: Notice | null; username?: string }): SafeHtml {
  const body = html`<div class="card narrow">
<p>${T.intro}</p>
${p.oidc ? html`<p><a class="button primary" href="/staff/oidc/start?next=${encodeURIComponent(p.next)}">${T.oidc}</a></p>` : ""}
${p.oidc && p.local ? html`<p class="muted">${T.or}</p>` : ""}
${p.local ? html`<form method="post" action="/staff/login" class="stack">
<input type="hidden" name="_login" value="${p.token}">
<input type="hidden" name="next" value="${p.next}">
<p><label for="username">${T.username}</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${p.username ?? ""}"></p>
<p><label for="password">${T.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit" class="primary">${T.submit}</button></p>
</form>` : ""}
</div>`;
  return layout({ title: T.title, body, notice: p.notice });
}
