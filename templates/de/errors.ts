/**
 * One German sentence per core error code, for citizens (formal "Sie", no jargon).
 * A `Record<ErrorCode, string>` so that a new code in core/errors.ts fails the typecheck until it is phrased here.
 */
import type { ErrorCode } from "../../core/errors.ts";

export const ERROR_TEXTS: Record<ErrorCode, string> = {
  UNKNOWN_SERVICE: "Diese Leistung kenne ich leider nicht.",
  UNKNOWN_LOCATION: "Diesen Standort kenne ich leider nicht.",
  SERVICE_NOT_OFFERED: "Dieser Standort bietet die gewünschte Leistung nicht an.",
  COUNT_TOO_HIGH: "So viele Personen passen nicht in einen Termin. Bitte buchen Sie weitere Termine einzeln.",
  INVALID_COUNT: "Bitte nennen Sie eine Anzahl ab 1.",
  NO_SERVICE: "Bitte nennen Sie zuerst die gewünschte Leistung.",
  INVALID_CONTACT: "Bitte prüfen Sie Ihren Namen und Ihre E-Mail-Adresse.",
  INVALID_DATE: "Dieses Datum oder diese Uhrzeit habe ich nicht verstanden.",
  IN_PAST: "Dieser Termin ist schon vorbei oder beginnt zu bald.",
  BEYOND_HORIZON: "Termine so weit in der Zukunft sind noch nicht freigegeben.",
  OUTSIDE_OPENING_HOURS: "Zu dieser Zeit ist der Standort geschlossen.",
  OFF_GRID: "Termine beginnen nur alle 5 Minuten.",
  SLOT_TAKEN: "Dieser Termin wurde gerade vergeben.",
  LIMIT_REACHED: "Mit dieser E-Mail-Adresse sind schon die meisten erlaubten Termine gebucht. Bitte sagen Sie zuerst einen anderen Termin ab.",
  HOLD_NOT_FOUND: "Die Reservierung ist nicht mehr gültig.",
  HOLD_EXPIRED: "Die Reservierung ist abgelaufen. Der Termin ist wieder frei gegeben.",
  NOT_FOUND: "Zu diesem Code und dieser E-Mail-Adresse finde ich keinen Termin.",
  ALREADY_CANCELLED: "Dieser Termin ist bereits abgesagt.",
  NOT_CANCELLABLE: "Dieser Termin kann nicht mehr geändert werden.",
  NOT_STARTED: "Der Termin hat noch nicht begonnen. „Nicht erschienen“ können Sie erst ab Terminbeginn eintragen.",
  TOO_MANY_ATTEMPTS: "Zu viele Versuche. Bitte versuchen Sie es später noch einmal.",
  NOT_SUGGESTED: "Dieser Termin wartet nicht auf eine Prüfung.",
  ALREADY_DECIDED: "Über diese Anfrage wurde schon entschieden.",
  FORBIDDEN: "Dafür fehlt Ihnen die Berechtigung.",
  WAITLIST_DUPLICATE: "Sie stehen für diese Leistung schon auf der Warteliste. Ihr früherer Platz bleibt erhalten.",
  WISH_CLOSED: "Dieser Eintrag auf der Warteliste ist nicht mehr offen.",
  OFFER_CLOSED: "Dieses Angebot ist nicht mehr offen.",
  OFFER_EXPIRED: "Dieses Angebot ist leider abgelaufen. Der Termin ging an die nächste Person auf der Warteliste.",
};

/** German sentence for a core error code. */
export function errorText(code: ErrorCode): string {
  return ERROR_TEXTS[code];
}
