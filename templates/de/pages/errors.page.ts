/** Refusals of the citizen pages: unknown or used links, expired offers, too many attempts. */
import type { ErrorCode } from "../../../core/errors.ts";
import { renderMessage, type PageCity, type RenderedPage } from "./layout.ts";

const PAGES: Partial<Record<ErrorCode | "FORBIDDEN_ORIGIN" | "BAD_FORM", { status: number; title: string; text: string }>> = {
  NOT_FOUND: { status: 404, title: "Link ungültig", text: "Diesen Link kennen wir nicht. Bitte prüfen Sie, ob Sie ihn vollständig aus der E-Mail übernommen haben." },
  TOO_MANY_ATTEMPTS: { status: 429, title: "Zu viele Versuche", text: "Von Ihrem Anschluss kamen zu viele ungültige Aufrufe. Bitte versuchen Sie es später noch einmal." },
  ALREADY_CANCELLED: { status: 410, title: "Termin abgesagt", text: "Dieser Termin ist bereits abgesagt." },
  NOT_CANCELLABLE: { status: 409, title: "Absage nicht möglich", text: "Dieser Termin kann nicht mehr online abgesagt werden. Bitte rufen Sie uns an." },
  OFFER_CLOSED: { status: 410, title: "Angebot nicht mehr offen", text: "Dieses Angebot ist nicht mehr offen. Es wurde bereits angenommen, abgelehnt oder zurückgezogen." },
  OFFER_EXPIRED: { status: 410, title: "Angebot abgelaufen", text: "Dieses Angebot ist leider abgelaufen. Der Termin ging an die nächste Person auf der Warteliste." },
  WISH_CLOSED: { status: 410, title: "Wunsch nicht mehr offen", text: "Dieser Eintrag auf der Warteliste ist nicht mehr offen." },
  LIMIT_REACHED: { status: 409, title: "Zu viele Termine", text: "Mit Ihrer E-Mail-Adresse sind schon die meisten erlaubten Termine gebucht. Bitte sagen Sie zuerst einen anderen Termin ab." },
  FORBIDDEN_ORIGIN: { status: 403, title: "Nicht erlaubt", text: "Diese Anfrage kam nicht von unserer Seite. Bitte öffnen Sie den Link aus Ihrer E-Mail und versuchen Sie es dort noch einmal." },
  BAD_FORM: { status: 400, title: "Seite veraltet", text: "Die Seite war veraltet. Bitte öffnen Sie den Link noch einmal und versuchen Sie es erneut." },
};

const FALLBACK = { status: 500, title: "Das hat nicht geklappt", text: "Das hat leider nicht geklappt. Bitte versuchen Sie es später noch einmal oder rufen Sie uns an." };

export function renderRefusal(city: PageCity, code: string): RenderedPage {
  const page = PAGES[code as ErrorCode] ?? (code === "SLOT_TAKEN" ? { ...FALLBACK, status: 409 } : FALLBACK);
  return renderMessage(city, page.title, [page.text], page.status);
}
