// Words around a date that change what it means. Matched against folded text (ä → ae, ß → ss).

/** Dates in a clause with one of these are not appointment wishes (expiry, travel, birth, deadlines, past). */
export const DISTRACTOR_CUES =
  /\b(?:l(?:ae|a)uft|ablaeuft|ablauf|abgelaufen|gueltig bis|geboren|geburtstag|jahrgang|ausgestellt|fliege\w*|flug|urlaub|verreise\w*|reise|reisen|ziehe\w*|wandere\w*|auswander\w*|umzug am|wegzug am|eingezogen|umgezogen|gezogen|verstorben|gestorben|meldepflicht|frist|schrieb|beantragt|verloren|gefunden|abgegeben|erhalten|passiert|seit|letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?|schreiben vom|mail vom|brief vom|nachricht vom|geschickt|bestellt|gestellt|bekommen|verpasst|verschlafen|verpennt|versaeumt|vergessen|zu spaet)\b/;

/** Negation before a date or time ("nicht am Freitag", "außer montags"), at most three words away. */
export const NEGATION_BEFORE = /\b(?:nicht(?!\s+(?:einfach|vielleicht|eventuell)\b)|kein\w*|ausser|ausgenommen|bloss nicht|nur nicht)\b(?:\s+\S+){0,3}\s*$/;
/** Negation after a date or time within its clause ("Freitag kann ich nicht", "mittwochs geht nicht"). */
export const NEGATION_AFTER =
  /^[^,.;!?]{0,30}\b(?:nicht|keine zeit|verhindert|schlecht|unmoeglich|ausgeschlossen)\b/;

/** Open-ended date modifiers right before a date atom. */
export const DATE_AFTER = /\b(?:ab|erst ab|ab dem|ab der|ab den|fruehestens(?: ab| am)?|nicht vor dem|nicht vor)\s*$/;
export const DATE_AFTER_EXCLUSIVE = /\b(?:nach dem|nach der|erst nach dem|erst nach)\s*$/;
export const DATE_BEFORE = /\b(?:bis|bis zum|bis zur|bis spaetestens|bis spaetestens zum|spaetestens|spaetestens am|spaetestens bis|nicht nach dem|noch bis)\s*$/;
export const DATE_BEFORE_EXCLUSIVE = /\b(?:vor dem|vor der|noch vor dem|noch vor der)\s*$/;

/** In a reschedule: the new wish follows these … */
export const NEW_WISH_BEFORE =
  /\b(?:auf|auf den|auf die|zu|lieber|stattdessen|dafuer|neu\w*|wunsch|besser|alternativ|gerne?|am liebsten|moeglichst)\b[^,.;!?]{0,14}$/;
/** … and the existing appointment follows these. */
export const EXISTING_BEFORE =
  /\b(?:von|vom|statt|anstatt|anstelle|mein\w*\s+termin|den termin|der termin|(?:alte|bisherige|jetzige)\w*\s+termin|termin am|termin vom|termin ist|(?:^|[.!?:]\s*)termin(?=\s*:?\s*$)|gebucht|habe\s+(?:einen|den)?\s*termin)\b[^;!?]{0,30}$/;

/** In a reschedule, "am 2.12. kann ich nicht / klappt nicht" marks the booked day, not an exclusion. */
export const CANNOT_MAKE_AFTER =
  /^[^,.;!?]{0,30}\b(?:kann|koennen|schaff\w*|klappt|passt|geht)\b[^,.;!?]{0,20}\bnicht\b|^[^,.;!?]{0,20}\b(?:doch\s+)?nicht\b[^,.;!?]{0,12}$|^[^,.;!?]{0,20}\bnicht\s+(?:wahrnehmen|kommen|schaffen|einhalten)\b/;
/** "Termin morgen absagen und dafür …": a date right before a cancel verb is the booked one. */
export const CANCELLED_AFTER = /^[\s,]*(?:\w+\s+){0,2}(?:absagen|stornieren|streichen|loeschen|canceln)\b/;

/** In a reschedule, a slot right after "eher / bitte / auch" is the new one ("statt 8 Uhr eher 10 Uhr"). */
export const NEW_WISH_DIRECT = /\b(?:eher|bitte|auch|dann|erst)\s+(?:(?:am|um|den|an|erst|so|gegen)\s+){0,2}$/;
/** "früher als gebucht, so um 8": what follows the comparison is the wish. */
export const AFTER_COMPARISON = /\bals\s+(?:gebucht|geplant|vereinbart)\b[^;!?]{0,20}$/;
/** A clause stating the booking one has ("Ich habe am Freitag einen Termin", "hatte für Do 11 Uhr gebucht"). */
export const EXISTING_CLAUSE =
  /\b(?:hab\w*|hatte\w*)\b(?:\s+\S+){0,6}?\s+(?:einen|nen|den|meinen)\s+termin\b|\b(?:hab\w*|hatte\w*)\b(?:\s+\S+){0,5}?\s+gebucht\b/;
