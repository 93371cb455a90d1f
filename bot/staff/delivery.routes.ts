/**
 * Messages that could not be delivered (bounced or refused mails, unreachable chats): staff see them
 * for their locations and can queue them again once the cause is fixed. Every retry is audited.
 */
import { listFailedNotifications, retryNotification } from "../../core/notifications/failed.ts";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import type { Ctx, StaffRouter } from "./context.ts";
import { html } from "./html.ts";
import { redirect } from "./http.ts";

const T = STAFF_TEXTS.delivery;

export function mountDelivery(router: StaffRouter): void {
  router.get("/staff/zustellung", showFailed);
  router.post("/staff/zustellung/:id/retry", retry);
}

async function showFailed(ctx: Ctx): Promise<void> {
  const rows = await listFailedNotifications(ctx.env.sql, { locations: ctx.actor.locations });
  const fmt = ctx.env.fmt;
  const notice = ctx.req.query?.retried ? { kind: "ok" as const, text: T.retried } : null;
  const body = rows.length
    ? html`<p class="muted">${T.intro}</p>
<table><thead><tr><th scope="col">${T.created}</th><th scope="col">${T.kind}</th><th scope="col">${T.channel}</th><th scope="col">${T.appointment}</th><th scope="col">${T.reason}</th><th scope="col">${T.action}</th></tr></thead>
<tbody>${rows.map(
        (r) => html`<tr><td>${fmt.dateTime(r.createdAt)}</td><td>${T.kinds[r.kind] ?? r.kind}</td><td>${T.channels[r.channel] ?? r.channel}</td>
<td>${r.code ?? "–"}${r.locationId ? html` · ${fmt.location(r.locationId)}` : ""}</td><td>${T.reasons[r.lastError ?? ""] ?? r.lastError ?? "–"}</td>
<td><form method="post" action="/staff/zustellung/${r.id}/retry"><input type="hidden" name="_csrf" value="${ctx.session.csrfToken}"><button type="submit">${T.retry}</button></form></td></tr>`,
      )}</tbody></table>`
    : html`<p>${T.none}</p>`;
  ctx.page(200, { title: T.title, nav: "delivery", notice, body });
}

async function retry(ctx: Ctx): Promise<void> {
  const id = ctx.params.id ?? "";
  const ok = await retryNotification(ctx.env.sql, id, { locations: ctx.actor.locations });
  await ctx.audit({ action: "retry_delivery", outcome: ok ? "ok" : "NOT_FOUND", data: { notificationId: id.slice(0, 20) } });
  if (!ok) return ctx.page(404, { title: T.title, nav: "delivery", body: html`<p role="alert">${T.notFound}</p>` });
  redirect(ctx.res, "/staff/zustellung?retried=1");
}
