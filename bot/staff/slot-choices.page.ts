/** Free slots as radio buttons grouped by day: quicker to scan than one long list of date-times. */
import type { Slot } from "../../core/bookings/types.ts";
import type { Formatter } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";

export function slotValue(slot: Pick<Slot, "locationId" | "start">): string {
  return `${slot.locationId}|${slot.start}`;
}

export function slotChoices(slots: Slot[], legend: string, fmt: Formatter): SafeHtml {
  const days = [...new Set(slots.map((s) => s.date))];
  return html`<fieldset class="slots"><legend>${legend}</legend>
${days.map((day) => html`<div class="slot-day"><p class="slot-date">${fmt.date(slots.find((s) => s.date === day)!.start)}</p>
<div class="slot-times">${slots
    .filter((s) => s.date === day)
    .map((s) => html`<label class="chip"><input type="radio" name="slot" value="${slotValue(s)}" required${s === slots[0] ? html` checked` : ""}> <span>${fmt.time(s.start)} Uhr</span></label>`)}</div></div>`)}
</fieldset>`;
}
