/**
 * Calendar invitation for a booked appointment (iTIP, RFC 5546; sent by mail per iMIP, RFC 6047).
 * REQUEST with ORGANIZER = office makes clients file the event; a later CANCEL with the same UID
 * and a higher SEQUENCE removes it (RFC 5546 §3.2.5). Times are Europe/Berlin wall-clock times
 * with a VTIMEZONE, as RFC 5545 §3.2.19 requires for TZID. A downloaded file is PUBLISH (RFC 5546
 * §3.2.1: no attendees); it carries the same UID and SEQUENCE as the mailed invitation, so a
 * calendar that already has the event updates it instead of adding a copy.
 */
import { DateTime } from "luxon";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export type IcsMethod = "REQUEST" | "CANCEL" | "PUBLISH";

export interface IcsInput {
  method: IcsMethod;
  /** Stable per appointment, e.g. "appointment-<uuid>@stadt.de". */
  uid: string;
  sequence: number;
  start: string;
  end: string;
  summary: string;
  location: string;
  description: string;
  organizer: { name: string; email: string };
  /** Required for REQUEST and CANCEL; ignored for PUBLISH. */
  attendee?: { name: string; email: string };
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

const METHODS: Record<IcsMethod, ICalCalendarMethod> = {
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
  PUBLISH: ICalCalendarMethod.PUBLISH,
};

/**
 * The calendar identity of an appointment, the same for the mailed invitation and the download:
 * the UID names the appointment under the city's own domain (not the mail settings, which the
 * download page does not know); CANCEL goes one SEQUENCE above the version that filed the event.
 */
export function appointmentUid(appointmentId: string, cityEmail: string): string {
  const domain = cityEmail.split("@")[1] || "terminassistent.invalid";
  return `appointment-${appointmentId}@${domain}`;
}

export function appointmentSequence(method: IcsMethod): number {
  return method === "CANCEL" ? 1 : 0;
}

export function buildIcs(input: IcsInput): string {
  const generator = VTIMEZONES[input.timezone];
  const cal = ical({
    prodId: { company: input.organizer.name, product: "Terminassistent", language: "DE" },
    method: METHODS[input.method],
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
    attendees:
      input.method === "PUBLISH" || !input.attendee
        ? []
        : [{ email: input.attendee.email, name: input.attendee.name, rsvp: false, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.ACCEPTED }],
    status: input.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  // The VTIMEZONE goes in by hand: a calendar-level time zone in ical-generator would also turn
  // DTSTAMP into a floating local time, but RFC 5545 §3.8.7.2 requires it in UTC.
  // Without a known VTIMEZONE we fall back to UTC times, which every client understands.
  const text = cal.toString();
  return generator ? text.replace("BEGIN:VEVENT", `${generator}\r\nBEGIN:VEVENT`) : text;
}
