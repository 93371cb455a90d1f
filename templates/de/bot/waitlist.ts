/**
 * German texts of the waiting list (Terminagent) in the chat. Formal "Sie", short sentences.
 */
import type { ISODate } from "../../../core/bookings/types.ts";
import { formatDateLong } from "../../format.ts";

export const WAITLIST = {
  /** The button next to the nearest alternatives when nothing fits. */
  button: "Auf die Warteliste",
  /** A reply with this word chooses the waiting list ("ja, bitte auf die Warteliste"), unless negated. */
  cue: "warteliste",
  negations: ["nein", "kein", "keine", "nicht"] as readonly string[],
  /** "none of these": offers the waiting list instead of the alternatives. */
  noneWords: ["keiner", "keiner passt", "keine", "keine davon", "passt nicht", "passt alles nicht", "nichts davon", "geht nicht"],
  intro: (what: string) =>
    [
      "So funktioniert die Warteliste: Wird ein passender Termin frei, bekommen Sie ein Angebot. Wir halten den Termin dann eine Zeit lang für Sie frei.",
      `Warteliste für: ${what}`,
    ].join("\n"),
  askLatest: (date: ISODate) => `Bis wann brauchen Sie den Termin spätestens? Ohne Angabe warte ich bis ${formatDateLong(date)}.`,
  latestButton: (date: ISODate) => `Bis ${formatDateLong(date)}`,
  latestRetry: "Das Datum habe ich nicht verstanden. Schreiben Sie zum Beispiel „bis 20. Dezember“. Oder wählen Sie den Vorschlag.",
  askName: "Auf welchen Namen soll ich Sie eintragen? Bitte nennen Sie Vor- und Nachnamen.",
  askContact: "Wohin soll das Angebot gehen? Nennen Sie eine E-Mail-Adresse. Oder wählen Sie „Nur hier im Chat“.",
  chatOnly: "Nur hier im Chat",
  chatOnlyWords: ["nur hier im chat", "nur im chat", "im chat", "hier im chat", "chat", "keine e-mail", "keine mail", "ohne e-mail", "ohne mail"],
  contactRetry: "Diese E-Mail-Adresse sieht nicht richtig aus. Bitte prüfen Sie sie. Oder wählen Sie „Nur hier im Chat“.",
  registered: (position: number, latest: ISODate) =>
    [
      "Sie stehen auf der Warteliste.",
      position === 1
        ? "Sie sind als Erste oder Erster an der Reihe."
        : position === 2
          ? "Vor Ihnen wartet eine Person auf diese Leistung."
          : `Vor Ihnen warten ${position - 1} Personen auf diese Leistung.`,
      `Die Warteliste gilt bis ${formatDateLong(latest)}.`,
    ].join("\n"),
  reachBy: (email: string | null) =>
    email ? `Das Angebot schicken wir an ${email} und hier in den Chat.` : "Das Angebot schicken wir hier in den Chat. Bitte schauen Sie regelmäßig hinein.",
  wishLink: (url: string) => `Ihren Eintrag ansehen oder zurückziehen: ${url}`,
  failed: "Ich konnte Sie leider nicht auf die Warteliste setzen.",
} as const;
