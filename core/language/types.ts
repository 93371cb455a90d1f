// Output schema v1 of the request parser (see shared/research/nlu.md §5). Field order here is the
// order used when printing, so the JSON reads top-down from "what" to "when".

export type Intent = "book" | "cancel" | "reschedule" | "status" | "info" | "help" | "greeting" | "unknown";

export const INTENT_PRIORITY: readonly Intent[] = [
  "reschedule", "cancel", "book", "status", "info", "help", "greeting", "unknown",
];

/** Service ids of the catalogue in nlu.md §5.1; the city configuration decides which exist. */
export type ServiceId =
  | "personalausweis" | "reisepass" | "kinderreisepass" | "anmeldung" | "abmeldung" | "meldebescheinigung"
  | "fuehrungszeugnis" | "kfz_zulassung" | "kfz_abmeldung" | "fuehrerschein_umtausch" | "internationaler_fuehrerschein"
  | "eheschliessung" | "geburtsurkunde" | "sterbeurkunde" | "beglaubigung" | "fundsache" | "bewohnerparkausweis"
  | "fischereischein" | "gewerbeanmeldung" | "abholung";

export type InfoTopic = "opening_hours" | "documents" | "fees" | "address" | "processing_time" | "other";

export const INFO_TOPIC_ORDER: readonly InfoTopic[] = [
  "opening_hours", "documents", "fees", "address", "processing_time", "other",
];

/** "YYYY-MM-DD", a local calendar date in the requested time zone. */
export type IsoDate = string;
/** Minutes since local midnight, 0..1440. */
export type Minutes = number;

export interface DateRange { from: IsoDate; to: IsoDate | null }
export interface TimeRange { from: Minutes; to: Minutes }

export interface ParseResult {
  intent: Intent;
  secondaryIntents: Intent[];
  services: { id: string; count: number }[];
  locations: string[];
  excludedLocations: string[];
  dateRanges: DateRange[];
  weekdays: number[];
  excludedWeekdays: number[];
  excludedDates: IsoDate[];
  timeRanges: TimeRange[];
  excludedTimeRanges: TimeRange[];
  urgent: boolean;
  code: string | null;
  existingAppointment: { date: IsoDate | null; time: Minutes | null } | null;
  infoTopics: InfoTopic[];
}

/** The slice of the city configuration the parser needs; a JSON.parse of the city file satisfies it. */
export interface LanguageConfig {
  services: { id: string; name: string; synonyms: string[]; category?: string }[];
  locations: { id: string; name: string; aliases: string[] }[];
}

export function emptyParseResult(): ParseResult {
  return {
    intent: "unknown",
    secondaryIntents: [],
    services: [],
    locations: [],
    excludedLocations: [],
    dateRanges: [],
    weekdays: [],
    excludedWeekdays: [],
    excludedDates: [],
    timeRanges: [],
    excludedTimeRanges: [],
    urgent: false,
    code: null,
    existingAppointment: null,
    infoTopics: [],
  };
}
