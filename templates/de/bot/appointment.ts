/**
 * How a slot or an appointment reads in the chat: one-line labels for buttons and lists, and the
 * details block of a confirmation (code, time, address, documents, fee, links).
 */
import type { Appointment, ServiceRequest, Slot } from "../../../core/bookings/types.ts";
import type { CityConfig } from "../../../core/config/schema.ts";
import { formatDate, formatDateLong, formatInstant, formatTime, localParts } from "../../format.ts";

type Config = Pick<CityConfig, "services" | "locations" | "city">;

export function locationName(config: Pick<CityConfig, "locations">, locationId: string): string {
  return config.locations.find((l) => l.id === locationId)?.name ?? locationId;
}

export function locationAddress(config: Pick<CityConfig, "locations">, locationId: string): string {
  const loc = config.locations.find((l) => l.id === locationId);
  if (!loc) return locationId;
  return `${loc.name}, ${loc.address.street}, ${loc.address.postalCode} ${loc.address.city}`;
}

export function serviceName(config: Pick<CityConfig, "services">, serviceId: string): string {
  return config.services.find((s) => s.id === serviceId)?.name ?? serviceId;
}

/** "Personalausweis beantragen" or "2 × Personalausweis beantragen und Reisepass beantragen". */
export function servicesLabel(config: Pick<CityConfig, "services">, services: ServiceRequest[]): string {
  return services.map((s) => (s.count > 1 ? `${s.count} × ${serviceName(config, s.id)}` : serviceName(config, s.id))).join(" und ");
}

/** Button label of a proposed slot: "Mo, 30.11., 08:15 Uhr · Bürgerbüro Brackel". */
export function slotLabel(config: Pick<CityConfig, "locations">, slot: Pick<Slot, "date" | "startMinutes" | "locationId">): string {
  return `${formatDate(slot.date)}, ${formatTime(slot.startMinutes)} · ${locationName(config, slot.locationId)}`;
}

/** "Personalausweis beantragen · Mo, 30.11., 08:15 Uhr · Bürgerdienste Mitte" */
export function appointmentLine(config: Config, appt: Pick<Appointment, "services" | "start" | "locationId">): string {
  return `${servicesLabel(config, appt.services)} · ${formatInstant(appt.start, config.city.timezone)} · ${locationName(config, appt.locationId)}`;
}

/** "Montag, 30.11.2026, 08:15 Uhr" */
export function appointmentWhen(config: Pick<CityConfig, "city">, start: string): string {
  const { date, minutes } = localParts(start, config.city.timezone);
  return `${formatDateLong(date)}, ${formatTime(minutes)}`;
}

/** Everything to bring, without repeats, across the booked services. */
export function documentsFor(config: Pick<CityConfig, "services">, services: ServiceRequest[]): string[] {
  const docs = services.flatMap((s) => config.services.find((c) => c.id === s.id)?.documents ?? []);
  return [...new Set(docs)];
}

function feesFor(config: Pick<CityConfig, "services">, services: ServiceRequest[]): string[] {
  return services.flatMap((s) => {
    const svc = config.services.find((c) => c.id === s.id);
    if (!svc?.fee) return [];
    const per = s.count > 1 ? " pro Person" : "";
    return services.length > 1 ? [`${svc.name}: ${svc.fee}${per}`] : [`${svc.fee}${per}`];
  });
}

export interface AppointmentLinks {
  ics: string;
  cancel: string;
}

/** The details block under "Ihr Termin ist gebucht." */
export function appointmentDetails(config: Config, appt: Appointment, links: AppointmentLinks | null): string {
  const lines = [
    `Ihr Buchungscode: ${appt.code}`,
    `Leistung: ${servicesLabel(config, appt.services)}`,
    `Termin: ${appointmentWhen(config, appt.start)}`,
    `Ort: ${locationAddress(config, appt.locationId)}`,
  ];
  const docs = documentsFor(config, appt.services);
  if (docs.length > 0) lines.push(`Bitte bringen Sie mit: ${docs.join("; ")}.`);
  const fees = feesFor(config, appt.services);
  if (fees.length > 0) lines.push(`Gebühr: ${fees.join("; ")}`);
  if (links) {
    lines.push(`In Ihren Kalender eintragen: ${links.ics}`);
    lines.push(`Termin absagen: ${links.cancel}`);
  }
  return lines.join("\n");
}
