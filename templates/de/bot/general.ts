/**
 * Greeting, help, abort and fallback texts of the chat bot.
 */
import type { CityConfig } from "../../../core/config/schema.ts";

export const GENERAL = {
  welcome: (cityName: string) =>
    `Guten Tag! Ich bin der Terminassistent der Stadt ${cityName}. Ich buche, verschiebe und sage Termine im Bürgerbüro ab. Ich beantworte auch Fragen zu Öffnungszeiten, Unterlagen und Gebühren. Was kann ich für Sie tun?`,
  startButtons: ["Termin buchen", "Termin absagen", "Wann ist mein Termin?", "Wann haben Sie geöffnet?"],
  greeting: "Guten Tag! Was kann ich für Sie tun? Schreiben Sie zum Beispiel „Personalausweis nächste Woche vormittags“.",
  thanks: "Gern geschehen! Kann ich sonst noch etwas für Sie tun?",
  goodbye: "Auf Wiedersehen!",
  help: [
    "So geht es: Schreiben Sie einfach, was Sie brauchen. Zum Beispiel „Personalausweis nächste Woche vormittags“ oder „Reisepass am Dienstag in Brackel“.",
    "Ich schlage Ihnen dann freie Termine vor. Sie wählen einen aus.",
    "Sie können auch „Termin absagen“, „Termin verschieben“ oder „Wann ist mein Termin?“ schreiben.",
    "Mit „abbrechen“ beenden Sie den aktuellen Vorgang.",
  ].join("\n"),
  aborted: "Vorgang abgebrochen. Was kann ich sonst für Sie tun?",
  nothingToAbort: "Es läuft gerade kein Vorgang. Was kann ich für Sie tun?",
  fallback: (config: Pick<CityConfig, "city">) =>
    `Dabei kann ich leider nicht helfen. Ich kümmere mich um Termine im Bürgerbüro. Bei anderen Anliegen erreichen Sie uns telefonisch unter ${config.city.phone}.`,
} as const;

/** Short social replies recognised in a greeting message (the parser only says "greeting"). */
export const THANKS_CUES = ["danke", "dankeschön", "vielen dank", "merci"];
export const GOODBYE_CUES = ["tschüss", "tschüs", "auf wiedersehen", "ciao", "bis bald", "schönen tag"];
