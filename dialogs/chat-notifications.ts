/**
 * Renders the core's chat notifications (outbox rows with channel "chat") for the proactive chat
 * worker in bot/: loads the appointment, recreates the link token for the calendar and cancel
 * links, and returns the German text, or null when the row has nothing to say in a chat.
 * A waiting-list offer names the held slot; its link comes from the payload (or `links.offerUrl`).
 */
import type { Core } from "../core/core.ts";
import type { NotificationKind } from "../core/notifications/outbox.ts";
import { renderChatNotification } from "../templates/de/bot/notifications.ts";
import type { DialogLinks } from "./runtime.ts";

export interface ChatNotificationRow {
  kind: string;
  appointmentId: string | null;
  /** The outbox payload (the chat notifier passes it): reminder `{ hoursBefore }`, offer `{ token, deadline, offerUrl }`. */
  payload?: Record<string, unknown>;
}

/** The offer link: the payload's, else built from the token when the core had no public URL. */
function offerPayload(row: ChatNotificationRow, links: DialogLinks): Record<string, unknown> | undefined {
  const p = row.payload;
  if (row.kind !== "waitlist_offer" || !p || typeof p.offerUrl === "string" || typeof p.token !== "string" || !links.offerUrl) return p;
  return { ...p, offerUrl: links.offerUrl(p.token) };
}

export function createChatNotificationRenderer(core: Core, links: DialogLinks): (row: ChatNotificationRow) => Promise<string | null> {
  return async (row) => {
    if (!row.appointmentId) return null;
    const appointment = await core.bookings.get(row.appointmentId);
    if (!appointment) return null;
    // A held offer slot has no appointment link yet: its page is the offer page.
    const token = row.kind === "waitlist_offer" ? null : await core.bookings.linkToken(appointment.id);
    const linkSet = token ? { ics: links.icsUrl(appointment.id, token), cancel: links.cancelUrl(token) } : null;
    return renderChatNotification(row.kind as NotificationKind, appointment, { config: core.config, links: linkSet, payload: offerPayload(row, links) });
  };
}
