/** Core objects → what the German page templates show (names from the city configuration, local times). */
import type { Appointment } from "../../core/bookings/types.ts";
import type { CityConfig } from "../../core/config/schema.ts";
import type { Wish } from "../../core/waitlist/types.ts";
import { formatDateLong, formatInstant, formatTime, formatTimeRange, formatWeekdays, localParts } from "../../templates/format.ts";
import type { AppointmentPageView } from "../../templates/de/pages/appointment.page.ts";
import type { WishPageView } from "../../templates/de/pages/waitlist.page.ts";

export function appointmentPageView(config: CityConfig, a: Appointment, now: Date): AppointmentPageView {
  const zone = config.city.timezone;
  const start = localParts(a.start, zone);
  const location = config.locations.find((l) => l.id === a.locationId);
  const services = a.services.map((s) => ({ req: s, cfg: config.services.find((c) => c.id === s.id) }));
  return {
    code: a.code,
    date: formatDateLong(start.date),
    time: formatTime(start.minutes),
    location: {
      name: location?.name ?? a.locationId,
      address: location ? `${location.address.street}, ${location.address.postalCode} ${location.address.city}` : "",
      accessibility: location?.accessibility || null,
    },
    services: services.map(({ req, cfg }) => `${req.count > 1 ? `${req.count} × ` : ""}${cfg?.name ?? req.id}`),
    documents: [...new Set(services.flatMap(({ cfg }) => cfg?.documents ?? []))],
    fees: services.filter(({ cfg }) => cfg?.fee).map(({ req, cfg }) => (req.count > 1 ? `${cfg!.name}: je ${cfg!.fee}` : `${cfg!.name}: ${cfg!.fee}`)),
    suggested: a.status === "suggested",
    cancellable: ["booked", "suggested", "held"].includes(a.status) && Date.parse(a.start) > now.getTime(),
  };
}

export function wishPageView(config: CityConfig, w: Wish): WishPageView {
  const names = (ids: string[], list: { id: string; name: string }[]) => ids.map((id) => list.find((x) => x.id === id)?.name ?? id);
  return {
    services: w.services.map((s) => `${s.count > 1 ? `${s.count} × ` : ""}${names([s.id], config.services)[0]}`),
    locations: w.locations.length ? names(w.locations, config.locations).join(", ") : "alle Standorte",
    weekdays: w.weekdays.length ? formatWeekdays(w.weekdays) : "alle Tage",
    times: w.timeRanges.length ? w.timeRanges.map(formatTimeRange).join(", ") : "ganztags",
    latestDate: formatDateLong(w.latestDate),
    offered: w.status === "offered",
  };
}

export function formatDeadline(iso: string, zone: string): string {
  return formatInstant(iso, zone);
}
