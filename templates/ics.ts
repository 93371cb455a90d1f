/**
 * Calendar invitation for a booked appointment (iTIP, RFC 5546; sent by mail per iMIP, RFC 6047).
 * REQUEST with ORGANIZER = office makes clients file the event; a later CANCEL with the same UID
 * and a higher SEQUENCE removes it (RFC 5546 §3.2.5). Times are Europe/Berlin wall-clock times
 * with a VTIMEZONE, as RFC 5545 §3.2.19 requires for TZID.
 */
import { DateTime } from "luxon";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export interface IcsInput {
  method: "REQUEST" | "CANCEL";
  /** Stable per appointment, e.g. "appointment-<uuid>@stadt.de". */
  uid: string;
  sequence: number;
  start: string;
  end: string;
  summary: string;
  location: string;
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  timezone: string;
  /** DTSTAMP: when this version of the invitation was created. */
  stamp: Date;
}

// Central European rules since 1996 (EU summer time): last Sunday in March / October.
const VTIMEZONES: Record<string, string> = {
  "Europe/Berlin": [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
  ].join("\r\n"),
};

export function buildIcs(input: IcsInput): string {
  const generator = VTIMEZONES[input.timezone];
  const cal = ical({
    prodId: { company: input.organizer.name, product: "Terminassistent", language: "DE" },
    method: input.method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  cal.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp: input.stamp,
    ...(generator ? { timezone: input.timezone } : {}),
    start: DateTime.fromISO(input.start, { setZone: true }).setZone(generator ? input.timezone : "UTC"),
    end: DateTime.fromISO(input.end, { setZone: true }).setZone(generator ? input.timezone : "UTC"),
    summary: input.summary,
    location: input.location,
    description: input.description,
    organizer: input.organizer,
    attendees: [
      { email: input.attendee.email, name: input.attendee.name, rsvp: false, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.ACCEPTED },
    ],
    status: input.method === "REQUEST" ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
  });
  // The VTIMEZONE goes in by hand: a calendar-level time zone in ical-generator would also turn
  // DTSTAMP into a floating local time, but RFC 5545 §3.8.7.2 requires it in UTC.
  // Without a known VTIMEZONE we fall back to UTC times, which every client understands.
  const text = cal.toString();
  return generator ? text.replace("BEGIN:VEVENT", `${generator}\r\nBEGIN:VEVENT`) : text;
}
