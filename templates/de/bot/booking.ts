/**
 * German texts of the booking conversation. Formal "Sie", short sentences, no office jargon.
 */
import type { DateRange, ISODate, NoSlotExplanation, ServiceRequest, TimeRange } from "../../../core/bookings/types.ts";
import type { CityConfig } from "../../../core/config/schema.ts";
import { formatDate, formatDateRange, formatInstant, formatTimeRange, formatWeekdays, joinList } from "../../format.ts";
import { locationName, servicesLabel } from "./appointment.ts";

/** The wishes as the dialog keeps them (structurally: templates do not import dialogs). */
export interface Wishes {
  services: ServiceRequest[];
  locations: string[];
  excludedLocations: string[];
  dateRanges: DateRange[];
  weekdays: number[];
  excludedWeekdays: number[];
  excludedDates: ISODate[];
  timeRanges: TimeRange[];
  excludedTimeRanges: TimeRange[];
  urgent: boolean;
}

function whenParts(w: Wishes): string[] {
  const parts: string[] = [];
  if (w.dateRanges.length > 0) parts.push(w.dateRanges.map(formatDateRange).join(" oder "));
  if (w.weekdays.length > 0) parts.push(`nur ${formatWeekdays(w.weekdays)}`);
  if (w.excludedWeekdays.length > 0) parts.push(`nicht ${formatWeekdays(w.excludedWeekdays)}`);
  if (w.excludedDates.length > 0) parts.push(`nicht ${w.excludedDates.map(formatDate).join(", ")}`);
  if (w.timeRanges.length > 0) parts.push(w.timeRanges.map(formatTimeRange).join(" oder "));
  if (w.excludedTimeRanges.length > 0) parts.push(`nicht ${w.excludedTimeRanges.map(formatTimeRange).join(", ")}`);
  if (parts.length === 0) parts.push(w.urgent ? "so bald wie möglich" : "nächstmöglich");
  return parts;
}

function whereParts(config: Pick<CityConfig, "locations">, w: Wishes): string[] {
  const parts: string[] = [];
  if (w.locations.length > 0) parts.push(joinList(w.locations.map((id) => locationName(config, id)), "oder"));
  else parts.push("alle Standorte");
  if (w.excludedLocations.length > 0) parts.push(`nicht ${joinList(w.excludedLocations.map((id) => locationName(config, id)), "und")}`);
  return parts;
}

/** "Personalausweis beantragen · 30.11.–6.12. · vormittags · alle Standorte" */
export function describeWishes(config: Pick<CityConfig, "services" | "locations">, w: Wishes): string {
  return [servicesLabel(config, w.services), ...whenParts(w), ...whereParts(config, w)].join(" · ");
}

export const BOOKING = {
  askCategory: "Welche Leistung möchten Sie buchen? Wählen Sie einen Bereich oder schreiben Sie die Leistung, zum Beispiel „Personalausweis“.",
  askService: (category: string) => `Was möchten Sie im Bereich „${category}“ erledigen?`,
  serviceRetry: "Diese Leistung habe ich nicht erkannt. Bitte wählen Sie aus den Vorschlägen oder schreiben Sie die Leistung, zum Beispiel „Reisepass“.",
  countClamped: (service: string, max: number) =>
    `Für „${service}“ kann ich höchstens ${max} Personen in einem Termin buchen. Ich suche einen Termin für ${max} Personen.`,
  askTime: "Wann passt es Ihnen? Schreiben Sie zum Beispiel „nächste Woche vormittags“ oder „Dienstag ab 14 Uhr“.",
  timeButtons: ["So bald wie möglich", "Diese Woche", "Nächste Woche", "Vormittags", "Nachmittags"],
  timeRetry: "Das habe ich nicht verstanden. Bitte nennen Sie einen Tag oder eine Tageszeit. Oder schreiben Sie „egal“.",
  understood: (description: string) => `Ich suche: ${description}`,
  proposals: (count: number) => (count === 1 ? "Dieser Termin ist frei:" : "Diese Termine sind frei:"),
  proposalsHint: "Wählen Sie einen Termin. Oder schreiben Sie, was nicht passt, zum Beispiel „lieber nachmittags“.",
  proposalsRetry: "Bitte wählen Sie einen Termin, zum Beispiel mit „1“. Oder schreiben Sie, was sich ändern soll, zum Beispiel „lieber nachmittags“ oder „in Brackel“.",
  otherTimes: "Andere Zeiten",
  otherLocation: "Anderer Standort",
  noMoreTimes: "Weitere freie Termine habe ich zu diesen Wünschen nicht.",
  askLocation: "An welchem Standort möchten Sie den Termin?",
  allLocations: "Alle Standorte",
  locationRetry: "Diesen Standort habe ich nicht erkannt. Bitte wählen Sie einen Standort aus der Liste.",
  held: (slot: string, minutes: number) => `Ich halte diesen Termin ${minutes} Minuten für Sie frei: ${slot}.`,
  slotGone: "Dieser Termin wurde gerade vergeben. Ich suche neue Termine für Sie.",
  askName: "Auf welchen Namen soll ich buchen? Bitte nennen Sie Vor- und Nachnamen.",
  nameRetry: "Bitte nennen Sie Vor- und Nachnamen, zum Beispiel „Erika Mustermann“.",
  askEmail: "An welche E-Mail-Adresse soll die Bestätigung gehen?",
  emailRetry: "Diese E-Mail-Adresse sieht nicht richtig aus. Bitte prüfen Sie sie, zum Beispiel „erika.mustermann@example.de“.",
  summary: (lines: { services: string; when: string; where: string; name: string; email: string }) =>
    [
      "Bitte prüfen Sie Ihre Angaben:",
      `Leistung: ${lines.services}`,
      `Termin: ${lines.when}`,
      `Ort: ${lines.where}`,
      `Name: ${lines.name}`,
      `E-Mail: ${lines.email}`,
      "Soll ich den Termin verbindlich buchen?",
    ].join("\n"),
  summaryApprovalNote: "Hinweis: Diese Leistung prüft das Amt vorher. Sie erhalten danach eine E-Mail.",
  confirmButtons: ["Ja, buchen", "Abbrechen"],
  summaryRetry: "Bitte antworten Sie mit „Ja“ oder „Abbrechen“. Oder schreiben Sie, was sich ändern soll.",
  booked: "Ihr Termin ist gebucht. Eine Bestätigung kommt per E-Mail.",
  approvalPending: "Vielen Dank. Ihre Anfrage wird geprüft. Wir schreiben Ihnen eine E-Mail, sobald der Termin bestätigt ist.",
  notBooked: "In Ordnung. Es wurde nichts gebucht.",
  holdLost: "Ihre Reservierung ist leider abgelaufen. Ich suche neue Termine für Sie.",
} as const;

/** Why nothing fits, and what comes closest (from `SearchResult.explanation`); `waitlist` adds the waiting-list offer. */
export function noSlotText(config: Pick<CityConfig, "locations" | "city">, e: NoSlotExplanation, wishes: Wishes, waitlist = false): string {
  const lines: string[] = [];
  const elsewhere = wishes.locations.length > 0 && e.offeredAt.length > 0 && !e.offeredAt.some((id) => wishes.locations.includes(id));
  if (e.reason === "NOT_OFFERED" && e.offeredAt.length === 0) {
    lines.push("Diese Leistungen bietet kein Standort zusammen an. Bitte buchen Sie sie einzeln.");
  } else if (e.reason === "NOT_OFFERED" || elsewhere) {
    lines.push(`Diese Leistung gibt es nur hier: ${joinList(e.offeredAt.map((id) => locationName(config, id)), "und")}.`);
  } else if (e.reason === "NOT_RELEASED") {
    const when = e.nextRelease ? formatInstant(e.nextRelease, config.city.timezone) : null;
    lines.push("Termine für diese Zeit sind noch nicht freigegeben.");
    if (when) lines.push(`Neue Termine gibt es ab ${when}.`);
  } else {
    lines.push("Zu Ihren Wünschen ist leider kein Termin frei.");
  }
  if (waitlist) lines.push(WAITLIST_OFFER);
  if (e.alternatives.length > 0) lines.push(e.alternatives.length === 1 ? "Der nächste freie Termin:" : "Die nächsten freien Termine:");
  else lines.push(nothingFreeText(config, e.nextRelease));
  return lines.join("\n");
}

const WAITLIST_OFFER = "Ich kann Sie auch auf die Warteliste setzen. Dann bekommen Sie ein Angebot, sobald ein passender Termin frei wird.";

function nothingFreeText(config: Pick<CityConfig, "city">, nextRelease: string | null): string {
  const when = nextRelease ? ` Neue Termine gibt es ab ${formatInstant(nextRelease, config.city.timezone)}.` : "";
  return `Im Moment ist kein passender Termin frei.${when} Sie können es auch telefonisch versuchen: ${config.city.phone}.`;
}

/** Service names as buttons of one category. */
export function servicesOf(config: Pick<CityConfig, "services">, category: string): string[] {
  return config.services.filter((s) => s.category === category).map((s) => s.name);
}

/** Category buttons in configuration order. */
export function categories(config: Pick<CityConfig, "services">): string[] {
  return [...new Set(config.services.map((s) => s.category))];
}
