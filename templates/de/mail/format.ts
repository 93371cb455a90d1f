/** German date formats for mails: "Di., 01.12.2026, 09:00 Uhr" and "Dienstag, 01.12.2026, 09:00 Uhr". */
import { DateTime } from "luxon";

function local(iso: string, timezone: string): DateTime {
  return DateTime.fromISO(iso, { setZone: true }).setZone(timezone).setLocale("de");
}

export function formatSlotShort(iso: string, timezone: string): string {
  return local(iso, timezone).toFormat("ccc., dd.MM.yyyy, HH:mm 'Uhr'").replace("..", ".");
}

export function formatSlotLong(iso: string, timezone: string): string {
  return local(iso, timezone).toFormat("cccc, dd.MM.yyyy, HH:mm 'Uhr'");
}

export function formatDate(iso: string, timezone: string): string {
  return local(iso, timezone).toFormat("dd.MM.yyyy");
}

export function formatTime(iso: string, timezone: string): string {
  return local(iso, timezone).toFormat("HH:mm");
}
