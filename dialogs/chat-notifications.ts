/**
 * Renders the core's chat notifications (outbox rows with channel "chat") for the proactive chat
 * worker in bot/: loads the appointment, recreates the link token for the calendar and cancel
 * links, and returns the German text, or null when the row has nothing to say in a chat.
 */
import type { Core } from "../core/core.ts";
import type { NotificationKind } from "../core/notifications/outbox.ts";
import { renderChatNotification } from "../templates/de/bot/notifications.ts";
import type { DialogLinks } from "./runtime.ts";

export interface ChatNotificationRow {
  kind: string;
  appointmentId: string | null;
}

export function createChatNotificationRenderer(core: Core, links: DialogLinks): (row: ChatNotificationRow) => Promise<string | null> {
  return async (row) => {
    if (!row.appointmentId) return null;
    const appointment = await core.bookings.get(row.appointmentId);
    if (!appointment) return null;
    const token = await core.bookings.linkToken(appointment.id);
    const linkSet = token ? { ics: links.icsUrl(appointment.id, token), cancel: links.cancelUrl(token) } : null;
    return renderChatNotification(row.kind as NotificationKind, appointment, { config: core.config, links: linkSet });
  };
}
