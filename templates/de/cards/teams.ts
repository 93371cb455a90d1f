/**
 * German texts of the Teams channel frame (bot/teams/): refusals and the staff channel notices.
 */
export const TEAMS_TEXTS = {
  /** Another organisation's Teams: nothing else happens for them. */
  foreignTenant:
    "Dieser Terminassistent steht nur den Beschäftigten der Stadtverwaltung zur Verfügung. Termine buchen Sie bitte über die Website der Stadt.",
  staffChannelRegistered:
    "Hallo! In diesem Kanal zeige ich ab jetzt Terminanfragen, die eine Freigabe brauchen. Jede Anfrage kommt als Karte mit „Genehmigen“, „Anderen Termin“ und „Ablehnen“.",
  /** More choices than fit as buttons: a drop-down with one submit button. */
  choose: "Bitte auswählen",
  chooseSubmit: "Auswählen",
} as const;
