// parse(text, now, timeZone, config) → ParseResult (nlu.md §5). Never throws, never reads the clock.
import { isoDate } from "./calendar.ts";
import { canonicalDateRanges, canonicalTimeRanges, sortedDates, sortedUnique } from "./canonical.ts";
import { extractCode } from "./slots/code.ts";
import { decideIntent } from "./slots/intent.ts";
import { findLocations } from "./slots/locations.ts";
import { findServices } from "./slots/services.ts";
import { isUrgent } from "./slots/urgency.ts";
import { extractAtoms } from "./temporal/extract-atoms.ts";
import { interpretTemporal } from "./temporal/interpret.ts";
import { stripEmailNoise, stripSalutation } from "./text/email-noise.ts";
import { fold } from "./text/fold.ts";
import { cleanCharacters, normalizeForTemporal } from "./text/normalize.ts";
import { tokenize } from "./text/tokens.ts";
import { localNow } from "./timezone.ts";
import { emptyParseResult, type LanguageConfig, type ParseResult } from "./types.ts";

/** Raw input beyond this is never a request (and would only cost time). */
const MAX_RAW_CHARS = 20_000;
/** What is left after mail noise is cut; long enough for any real request. */
const MAX_BODY_CHARS = 2_000;

function stripMarkup(text: string): string {
  return text
    .replace(/<(?:br|p|div|li|tr)\b[^>]{0,200}>/gi, "\n")
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&[a-z]{2,8};/gi, " ");
}

function parseUnsafe(text: string, now: Date, timeZone: string, config: LanguageConfig): ParseResult {
  const result = emptyParseResult();
  const cleaned = cleanCharacters(stripMarkup(String(text ?? "").slice(0, MAX_RAW_CHARS)));
  const body = stripEmailNoise(cleaned).slice(0, MAX_BODY_CHARS);
  const { code, rest } = extractCode(body);
  const temporalText = normalizeForTemporal(stripSalutation(rest));
  const folded = fold(temporalText);
  const tokens = tokenize(folded);
  const { today, offsetMinutes } = localNow(now, timeZone);
  const atoms = extractAtoms(temporalText, now, offsetMinutes);
  const services = findServices(tokens, folded, config);
  const { locations, excluded } = findLocations(tokens, folded, config);
  const decision = decideIntent({
    folded: fold(normalizeForTemporal(rest)).trim(), hasService: services.length > 0, hasTemporal: atoms.length > 0,
    hasLocation: locations.length + excluded.length > 0,
    hasCode: code !== null,
    serviceIn: (fragment) => findServices(tokenize(fragment), fragment, config).length > 0,
  });
  result.intent = decision.intent;
  if (["help", "greeting", "unknown"].includes(decision.intent)) return result;
  result.secondaryIntents = decision.secondaryIntents;
  result.infoTopics = decision.infoTopics;
  result.services = services;
  result.locations = locations;
  result.excludedLocations = excluded;
  result.urgent = isUrgent(folded);
  result.code = code;
  // an info question about an appointment one has ("Mein Termin ist am Montag. Ist das barrierefrei?") wishes no date
  const aboutOwn = decision.intent === "info" && decision.ownAppointment;
  const mode = decision.intent === "reschedule" ? "reschedule"
    : decision.intent === "cancel" || decision.intent === "status" || aboutOwn ? "existing" : "wish";
  const slots = interpretTemporal(temporalText, atoms, today, mode);
  result.dateRanges = canonicalDateRanges(slots.dates, today);
  result.weekdays = sortedUnique(slots.weekdays);
  result.excludedWeekdays = sortedUnique(slots.excludedWeekdays);
  result.excludedDates = sortedDates(slots.excludedDates, today);
  result.timeRanges = canonicalTimeRanges(slots.times);
  result.excludedTimeRanges = canonicalTimeRanges(slots.excludedTimes);
  if (mode !== "wish" && !aboutOwn && slots.existing) {
    result.existingAppointment = {
      date: slots.existing.date === null ? null : isoDate(slots.existing.date),
      time: slots.existing.time,
    };
  }
  return result;
}

export function parse(text: string, now: Date, timeZone: string = "Europe/Berlin", config: LanguageConfig): ParseResult {
  try {
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) return emptyParseResult();
    return parseUnsafe(text, now, timeZone || "Europe/Berlin", config ?? { services: [], locations: [] });
  } catch {
    // A request we cannot read is "unknown"; the dialogue asks again instead of crashing.
    return emptyParseResult();
  }
}
