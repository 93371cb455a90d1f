/** Core appointment + city configuration → what the mail templates show. */
import type { Appointment } from "../core/bookings/types.ts";
import type { CityConfig } from "../core/config/schema.ts";
import type { AppointmentView } from "../templates/de/mail/views.ts";
import { serviceNames } from "./mail-context.ts";

export function appointmentView(config: CityConfig, a: Appointment, cancelUrl: string | null): AppointmentView {
  const location = config.locations.find((l) => l.id === a.locationId);
  const services = a.services.map((s) => config.services.find((c) => c.id === s.id)).filter((s) => s !== undefined);
  return {
    code: a.code,
    services: serviceNames(config, a.services),
    start: a.start,
    end: a.end,
    location: {
      name: location?.name ?? a.locationId,
      address: location ? `${location.address.street}, ${location.address.postalCode} ${location.address.city}` : "",
      accessibility: location?.accessibility || null,
    },
    documents: [...new Set(services.flatMap((s) => s.documents))],
    fees: services.filter((s) => s.fee).map((s) => `${s.name}: ${s.fee}`),
    cancelUrl,
  };
}
