/**
 * German texts of the approval card staff see in their Teams channel (bot/teams/approval-card.ts).
 * Citizen-supplied text is never put in here: the card shows it as plain text runs.
 */
export type ApprovalOutcome = "approved" | "approved_other" | "rejected" | "withdrawn" | "expired";

export const APPROVAL_TEXTS = {
  title: "Terminanfrage zur Freigabe",
  decidedTitle: {
    approved: "Terminanfrage genehmigt",
    approved_other: "Terminanfrage genehmigt (anderer Termin)",
    rejected: "Terminanfrage abgelehnt",
    withdrawn: "Terminanfrage zurückgezogen",
    expired: "Terminanfrage abgelaufen",
  } satisfies Record<ApprovalOutcome, string>,
  facts: {
    services: "Anliegen",
    location: "Standort",
    slot: "Vorgeschlagener Termin",
    citizen: "Name",
    channel: "Eingang über",
    code: "Buchungscode",
  },
  channels: { webchat: "Website-Chat", teams: "Teams", telegram: "Telegram", mail: "E-Mail", staff: "Sachbearbeitung", cli: "Kommandozeile" } as Record<string, string>,
  requestHeading: "Anfrage im Wortlaut:",
  understoodHeading: "So habe ich die Anfrage verstanden:",
  noRequestText: "(keine Freitext-Anfrage)",
  approve: "Genehmigen",
  otherSlot: "Anderen Termin …",
  otherSlotPick: "Anderer Termin",
  otherSlotSubmit: "Diesen Termin genehmigen",
  noAlternatives: "Zurzeit gibt es keine anderen freien Termine für dieses Anliegen.",
  reject: "Ablehnen …",
  rejectMessageLabel: "Nachricht an die Bürgerin oder den Bürger",
  rejectMessagePlaceholder: "z. B. Bitte bringen Sie zuerst die Geburtsurkunde vorbei.",
  rejectSubmit: "Ablehnung senden",
  rejectNeedsMessage: "Bitte schreiben Sie eine kurze Nachricht an die Bürgerin oder den Bürger, bevor Sie ablehnen.",
  decidedBy: (outcome: ApprovalOutcome, by: string | null, when: string | null) => {
    const verb = { approved: "Genehmigt", approved_other: "Genehmigt", rejected: "Abgelehnt", withdrawn: "Zurückgezogen", expired: "Abgelaufen" }[outcome];
    const who = outcome === "withdrawn" || outcome === "expired" ? "" : by ? ` von ${by}` : " außerhalb von Teams";
    return `${verb}${who}${when ? ` am ${when}` : ""}.`;
  },
  newSlot: "Neuer Termin",
  decisionMessage: "Nachricht",
  alreadyDecided: (by: string | null, when: string | null) =>
    `Diese Anfrage wurde bereits entschieden${by ? ` von ${by}` : ""}${when ? ` um ${when}` : ""}. Ihre Auswahl wurde nicht übernommen.`,
  failed: {
    SLOT_TAKEN: "Dieser Termin ist inzwischen vergeben. Bitte wählen Sie einen anderen.",
    FORBIDDEN: "Sie dürfen Anfragen dieses Standorts nicht entscheiden.",
    NOT_FOUND: "Diese Anfrage gibt es nicht mehr.",
    other: "Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal oder nutzen Sie die Konsole.",
  } as Record<string, string>,
} as const;
