/**
 * The calendar file behind "Termin in den Kalender übernehmen". It carries the same UID as the
 * invitation mail, so a calendar that already has the event updates it instead of adding a copy.
 * A file the citizen downloads is published, not an invitation (RFC 5546 §3.2.1: PUBLISH, no attendees).
 */
import type { Appointment } from "../../core/bookings/types.ts";
import type { CityConfig } from "../../core/config/schema.ts";
import { buildIcs } from "../../templates/ics.ts";
import type { AppointmentPageView } from "../../templates/de/pages/appointment.page.ts";

export function calendarFile(config: CityConfig, a: Appointment, view: AppointmentPageView, now: Date): string {
  const domain = config.city.email.split("@")[1] ?? "terminassistent.invalid";
  const text = buildIcs({
    method: "REQUEST",
    uid: `appointment-${a.id}@${domain}`,
    sequence: 0,
    start: a.start,
    end: a.end,
    summary: `Termin: ${view.services.join(", ")}`,
    location: `${view.location.name}, ${view.location.address}`,
    description: `Buchungscode: ${a.code}`,
    organizer: { name: config.city.name, email: config.city.email },
    attendee: { name: "", email: config.city.email },
    timezone: config.city.timezone,
    stamp: now,
  });
  // Unfolded property lines start at a line break; folded continuations start with a space (RFC 5545 §3.1).
  return text.replace("METHOD:REQUEST", "METHOD:PUBLISH").replace(/^ATTENDEE[^\r\n]*(?:\r\n [^\r\n]*)*\r\n/gm, "");
}
