/**
 * Answers to general questions, all taken from the city configuration: opening hours, documents,
 * fees, address and accessibility. Topics the configuration does not cover point to the phone.
 */
import type { CityConfig, LocationConfig, WeekdayKey } from "../../../core/config/schema.ts";
import { joinList } from "../../format.ts";

type Config = Pick<CityConfig, "services" | "locations" | "city">;
export type InfoTopicKey = "opening_hours" | "documents" | "fees" | "address" | "processing_time" | "other";

const DAY_LABELS: [WeekdayKey, string][] = [
  ["mon", "Mo"],
  ["tue", "Di"],
  ["wed", "Mi"],
  ["thu", "Do"],
  ["fri", "Fr"],
  ["sat", "Sa"],
  ["sun", "So"],
];

/** "Mo 08:00–16:00, Di 08:00–16:00, Mi 08:00–12:00 und 14:00–16:00 Uhr" */
export function openingHoursLine(loc: Pick<LocationConfig, "openingHours">): string {
  const days = DAY_LABELS.flatMap(([key, label]) => {
    const spans = loc.openingHours[key] ?? [];
    return spans.length === 0 ? [] : [`${label} ${spans.map(([a, b]) => `${a}–${b}`).join(" und ")}`];
  });
  return days.length === 0 ? "zurzeit geschlossen" : `${days.join(", ")} Uhr`;
}

function pickLocations(config: Config, ids: string[]): LocationConfig[] {
  const chosen = config.locations.filter((l) => ids.includes(l.id));
  return chosen.length > 0 ? chosen : config.locations;
}

function openingHours(config: Config, locationIds: string[]): string {
  const locs = pickLocations(config, locationIds);
  return ["Öffnungszeiten:", ...locs.map((l) => `${l.name}: ${openingHoursLine(l)}`)].join("\n");
}

function address(config: Config, locationIds: string[]): string {
  const locs = pickLocations(config, locationIds);
  return locs
    .map((l) => [`${l.name}: ${l.address.street}, ${l.address.postalCode} ${l.address.city}`, l.accessibility].filter(Boolean).join(". "))
    .join("\n");
}

function perService(config: Config, serviceIds: string[], line: (s: CityConfig["services"][number]) => string): string | null {
  const services = config.services.filter((s) => serviceIds.includes(s.id));
  return services.length === 0 ? null : services.map(line).join("\n");
}

function documents(config: Config, serviceIds: string[]): string {
  return (
    perService(config, serviceIds, (s) =>
      s.documents.length > 0 ? `Für „${s.name}“ bringen Sie bitte mit: ${joinList(s.documents)}.` : `Für „${s.name}“ brauchen Sie keine besonderen Unterlagen.`,
    ) ?? "Für welche Leistung möchten Sie das wissen? Schreiben Sie zum Beispiel „Was brauche ich für den Reisepass?“."
  );
}

function fees(config: Config, serviceIds: string[]): string {
  return (
    perService(config, serviceIds, (s) => `„${s.name}“ kostet: ${s.fee || "keine Angabe"}.`) ??
    "Für welche Leistung möchten Sie das wissen? Schreiben Sie zum Beispiel „Was kostet ein Personalausweis?“."
  );
}

/** The answer to an info question; `serviceIds` / `locationIds` narrow it when the citizen named them. */
export function infoText(config: Config, topics: InfoTopicKey[], serviceIds: string[], locationIds: string[]): string {
  const answers = topics.map((topic) => {
    switch (topic) {
      case "opening_hours":
        return openingHours(config, locationIds);
      case "documents":
        return documents(config, serviceIds);
      case "fees":
        return fees(config, serviceIds);
      case "address":
        return address(config, locationIds);
      default:
        return `Dazu habe ich leider keine Angaben. Bitte rufen Sie uns an: ${config.city.phone}.`;
    }
  });
  return [...new Set(answers)].join("\n\n");
}
