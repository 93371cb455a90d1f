/**
 * German texts of the chat's frame: the web page around Web Chat, the terminal chat and the one
 * apology for unexpected errors. The conversation's own texts belong to the dialogs (templates/de/bot*).
 */
export const UI_TEXTS = {
  turnError: "Entschuldigung, da ist bei uns etwas schiefgelaufen. Bitte versuchen Sie es noch einmal.",
  tooManyMessages: "Sie haben sehr viele Nachrichten in kurzer Zeit geschickt. Bitte warten Sie einen Moment.",
  page: {
    title: "Terminassistent",
    skipLink: "Direkt zum Chat",
    intro:
      "Hier buchen, verschieben oder sagen Sie Ihren Termin ab. Schreiben Sie einfach, was Sie brauchen. " +
      "Zum Beispiel: „Personalausweis nächste Woche vormittags“.",
    chatRegion: "Chat mit dem Terminassistenten",
    logoAlt: "Logo",
    connecting: "Der Chat wird verbunden …",
    connected: "Der Chat ist bereit. Schreiben Sie Ihre Nachricht in das Eingabefeld.",
    failed: "Der Chat ist gerade nicht erreichbar. Bitte laden Sie die Seite neu oder rufen Sie uns an:",
    noScript: "Für den Chat brauchen Sie JavaScript. Sie erreichen uns auch telefonisch:",
    phone: "Telefon",
    email: "E-Mail",
    privacy: "Ihre Angaben verwenden wir nur für Ihren Termin.",
  },
  terminal: {
    welcome: (city: string) => `Terminassistent ${city} – Chat im Terminal. Beenden mit „/ende“ oder Strg+D.`,
    you: "Sie",
    bot: "Assistent",
    choose: "Tippen Sie die Nummer oder Ihren Text.",
    bye: "Auf Wiedersehen!",
  },
} as const;
