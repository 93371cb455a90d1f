/** German date and time display in the city's time zone, plus day arithmetic for the pages. */
import { addDays, localDate } from "../../core/calendar/time.ts";
import type { CityConfig } from "../../core/config/schema.ts";
import type { ServiceRequest } from "../../core/bookings/types.ts";

export interface Formatter {
  time(iso: string | Date): string;
  date(iso: string | Date): string;
  dateLong(isoDate: string): string;
  dateTime(iso: string | Date): string;
  today(now: Date): string;
  services(services: ServiceRequest[]): string;
  location(id: string): string;
  addDays: typeof addDays;
}

export function createFormatter(config: CityConfig): Formatter {
  const timeZone = config.city.timezone;
  const time = new Intl.DateTimeFormat("de-DE", { timeZone, hour: "2-digit", minute: "2-digit" });
  const date = new Intl.DateTimeFormat("de-DE", { timeZone, weekday: "short", day: "2-digit", month: "2-digit", year: "numeric" });
  const long = new Intl.DateTimeFormat("de-DE", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const services = new Map(config.services.map((s) => [s.id, s.name]));
  const locations = new Map(config.locations.map((l) => [l.id, l.name]));
  return {
    time: (v) => time.format(new Date(v)),
    date: (v) => date.format(new Date(v)),
    dateLong: (d) => long.format(new Date(`${d}T12:00:00Z`)),
    dateTime: (v) => `${date.format(new Date(v))}, ${time.format(new Date(v))} Uhr`,
    today: (now) => localDate(now, timeZone),
    services: (list) => list.map((s) => `${s.count > 1 ? `${s.count} × ` : ""}${services.get(s.id) ?? s.id}`).join(", "),
    location: (id) => locations.get(id) ?? id,
    addDays,
  };
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
