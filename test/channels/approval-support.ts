/**
 * Suggested bookings for the approval tests: a registry-office service (requires approval) booked
 * by a citizen, which the core keeps as "suggested" until staff decide.
 */
import type { Appointment } from "../../core/bookings/types.ts";
import type { Core } from "../../core/core.ts";

let n = 0;

export async function suggest(core: Core, text: string): Promise<Appointment> {
  const services = [{ id: "eheschliessung", count: 1 }];
  const { slots } = await core.slots.search({ services, limit: 20 });
  const slot = slots[n++ % slots.length]!;
  const r = await core.bookings.book({
    slot,
    services,
    actor: { kind: "citizen", channel: "telegram", conversationId: `telegram:${900 + n}` },
    conversationKey: `telegram:${900 + n}`,
    contact: { name: "Erika <Mustermann>", email: `erika${n}@example.de` },
    request: { text, understood: { services, locations: ["standesamt"], timeRanges: [{ from: 540, to: 720 }] } },
  });
  if (!r.ok) throw new Error(`could not book: ${r.code}`);
  if (r.appointment.status !== "suggested") throw new Error(`expected a suggestion, got ${r.appointment.status}`);
  return r.appointment;
}

/** The data of a card action by its title, including those inside a ShowCard. */
export function cardAction(card: Record<string, any>, title: string): Record<string, any> {
  const actions: Record<string, any>[] = [];
  const walk = (list: Record<string, any>[] = []) => {
    for (const a of list) {
      actions.push(a);
      walk(a.card?.actions);
    }
  };
  walk(card.actions);
  const found = actions.find((a) => a.title === title);
  if (!found) throw new Error(`no action ${title}`);
  return found;
}
