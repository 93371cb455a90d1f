/** The "what, when, where, bring along" block shared by confirmation, reminder and cancellation. */
import { html, type RawHtml } from "./html.ts";
import { formatSlotLong } from "./format.ts";
import type { AppointmentView } from "./views.ts";

export function appointmentText(a: AppointmentView, timezone: string, withDocuments: boolean): string[] {
  const facts = [
    `  Anliegen:     ${a.services.join(", ")}`,
    `  Wann:         ${formatSlotLong(a.start, timezone)}`,
    `  Wo:           ${a.location.name}, ${a.location.address}`,
    `  Buchungscode: ${a.code}`,
  ].join("\n");
  const out = [facts];
  if (a.location.accessibility) out.push(a.location.accessibility);
  if (withDocuments && a.documents.length > 0) out.push(`Bitte bringen Sie mit:\n${a.documents.map((d) => `  - ${d}`).join("\n")}`);
  if (withDocuments && a.fees.length > 0) out.push(`Gebühr: ${a.fees.join("; ")}`);
  return out;
}

export function appointmentHtml(a: AppointmentView, timezone: string, withDocuments: boolean): RawHtml[] {
  const out = [
    html`<table style="border-collapse: collapse">
<tr><td style="padding-right: 1em">Anliegen:</td><td>${a.services.join(", ")}</td></tr>
<tr><td style="padding-right: 1em">Wann:</td><td><strong>${formatSlotLong(a.start, timezone)}</strong></td></tr>
<tr><td style="padding-right: 1em">Wo:</td><td>${a.location.name}, ${a.location.address}</td></tr>
<tr><td style="padding-right: 1em">Buchungscode:</td><td><strong>${a.code}</strong></td></tr>
</table>`,
  ];
  if (a.location.accessibility) out.push(html`<p>${a.location.accessibility}</p>`);
  if (withDocuments && a.documents.length > 0) {
    out.push(html`<p>Bitte bringen Sie mit:</p><ul>${a.documents.map((d) => html`<li>${d}</li>`)}</ul>`);
  }
  if (withDocuments && a.fees.length > 0) out.push(html`<p>Gebühr: ${a.fees.join("; ")}</p>`);
  return out;
}
