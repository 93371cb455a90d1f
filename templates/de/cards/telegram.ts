/**
 * German texts the Telegram channel adds around the dialogs' own messages (bot/telegram/).
 */
export const TELEGRAM_TEXTS = {
  /** Telegram needs text above a keyboard; used when a message carries buttons only. */
  chooseOne: "Bitte wählen Sie:",
  /** Appended to a message whose button was pressed, in place of the keyboard. */
  chosen: (label: string) => `» ${label}`,
  /** A button from a message older than the stored button values. */
  buttonExpired: "Diese Auswahl ist nicht mehr gültig. Bitte schreiben Sie mir Ihre Antwort.",
  onlyText: "Ich kann nur Textnachrichten lesen. Bitte schreiben Sie mir, was Sie brauchen.",
  onlyPrivate: "Bitte schreiben Sie mir direkt in einem privaten Chat. In Gruppen beantworte ich keine Terminanfragen.",
  tooManyMessages: "Sie haben sehr viele Nachrichten in kurzer Zeit geschickt. Bitte warten Sie einen Moment.",
  /** Commands shown in Telegram's menu (setMyCommands). */
  commands: [
    { command: "start", description: "Terminassistent starten" },
    { command: "hilfe", description: "So funktioniert es" },
    { command: "abbrechen", description: "Aktuellen Vorgang abbrechen" },
  ],
} as const;

/** Slash commands and the text the dialogs understand instead. */
export const TELEGRAM_COMMAND_TEXT: Record<string, string> = {
  hilfe: "Hilfe",
  help: "Hilfe",
  abbrechen: "abbrechen",
  cancel: "abbrechen",
};
