/**
 * The calendar file behind "Termin in den Kalender übernehmen". It carries the same UID and
 * SEQUENCE as the invitation mail (templates/ics.ts), so a calendar that already has the event
 * updates it instead of adding a copy. A file the citizen downloads is published, not an
 * invitation (RFC 5546 §3.2.1: PUBLISH, no attendees).
 */
import type { Appointment } from "../../core/bookings/types.ts";
import type { CityConfig } from "../../core/config/schema.ts";
import { appointmentSequence, appointmentUid, buildIcs } from "../../templates/ics.ts";
import type { AppointmentPageView } from "../../templates/de/pages/appointment.page.ts";

export function calendarFile(config: CityConfig, a: Appointment, view: AppointmentPageView, now: Date): string {
  return buildIcs({
    method: "PUBLISH",
    uid: appointmentUid(a.id, config.city.email),
    sequence: appointmentSequence("PUBLISH"),
    start: a.start,
    end: a.end,
    summary: `Termin: ${view.services.join(", ")}`,
    location: `${view.location.name}, ${view.location.address}`,
    description: `Buchungscode: ${a.code}`,
    organizer: { name: config.city.name, email: config.city.email },
    timezone: config.city.timezone,
    stamp: now,
  });
}
