/** The audit log for admins: who did what, when, on which appointment. */
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import { listAudit } from "./audit.store.ts";
import type { StaffRouter } from "./context.ts";
import { html } from "./html.ts";

const T = STAFF_TEXTS.audit;

export function mountAudit(router: StaffRouter): void {
  router.get(
    "/staff/audit",
    async (ctx) => {
      const rows = await listAudit(ctx.env.sql, { locations: "all", limit: 300 });
      const fmt = ctx.env.fmt;
      const body = html`<p class="muted">${T.intro}</p>
<table><thead><tr><th scope="col">${T.at}</th><th scope="col">${T.who}</th><th scope="col">${T.action}</th><th scope="col">${T.appointment}</th><th scope="col">${T.location}</th><th scope="col">${T.outcome}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td>${fmt.dateTime(r.at)}</td><td>${r.staffUsername ?? "–"}</td><td>${r.action}</td><td><code>${r.appointmentId?.slice(0, 8) ?? "–"}</code></td><td>${r.locationId ? fmt.location(r.locationId) : "–"}</td><td>${r.outcome}</td></tr>`)}</tbody></table>`;
      ctx.page(200, { title: T.title, nav: "audit", body });
    },
    { admin: true },
  );
}
