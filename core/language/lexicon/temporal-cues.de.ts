// Words around a date that change what it means. Matched against folded text (ä → ae, ß → ss).

/** Dates in a clause with one of these are not appointment wishes (expiry, travel, birth, deadlines, past). */
export const DISTRACTOR_CUES =
  /\b(?:l(?:ae|a)uft|laufen|ablaeuft|ablauf|ablaufen|abgelaufen|(?:werde?n?|wird)\s+\d{1,2}(?=\s+(?:und|jahre)\b|\s*(?:[,.!?]|$))|ehe zu schliessen|ehe schliessen|geb|gueltig bis|geboren|geburtstag|jahrgang|ausgestellt|flieg\w*|flug|urlaub|verreis\w*|reise|reisen|ziehe\w*|zieht|wander\w*|auswander\w*|heirat(?!sanmeldung|surkunde)\w*|einreichen|einzureichen|vorlegen|vorzulegen|erhielt|umzug am|wegzug am|(?:ein|um|zu|her|hin|weg|aus)?gezogen|verstorben|gestorben|meldepflicht|frist|schrieb|beantragt|verloren|gefunden|abgegeben|erhalten|passiert|seit|letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?|(?:braucht|brauchen|will|wollen|verlangt|verlangen|benoetigt|fordert)\s+(?:es|ihn|sie|das)|brauche\s+(?:es|ihn|sie|den|die|das)\s+(?:\w+\s+)?(?=bis\b)|braucht\s+(?:noch\s+)?(?=bis\b)|schreiben vom|mail vom|brief vom|nachricht vom|bestaetigung vom|schreibe ihnen|schreibe euch|wende mich|geschickt|bestellt|gestellt|bekommen|verpasst|verschlafen|verpennt|versaeumt|(?<!koennt ihr |koennen sie |kannst du )vergessen|zu spaet)\b/;
/** Being away: a date of absence says when the citizen cannot come, not when they want to ("im Dezember im Ausland"). */
export const ABSENCE_CUES =
  /\b(?:im ausland|ausland\w+|wieder bei|nacht(?:dienst|schicht)\w*|\w+reise|\w+urlaub|krankenhaus|klinik|reha|kur|auf montage|weg sein|krankgeschrieben|krank|schulung|fortbildung|lehrgang|seminar|dienstreise|einspringen|beruflich nach|geschaeftlich nach)\b/;
/** Starting something on a date ("fängt am 1.12. an", "trete zum 1. Januar eine Stelle an"): the start, not the wish. */
export const START_CUES = /\b(?:faengt|fange|anfange\w*|beginne|beginnt|starte|startet|trete|tritt|antreten|angestellt|selbststaendig|selbstaendig|rente|pension|eroeffne|eroeffnen|eroeffnet|gruende|gruenden|gruendet)\b/;

/** Events whose own date a citizen mentions: travel, moving, family feasts, a new job, exams. */
const EVENT_NOUNS =
  "\\w*(?:flug|abreise|rueckreise|reise|abfahrt|rueckkehr|ankunft|urlaub|umzug|einzug|auszug|wegzug|zuzug|uebergabe|hochzeit|taufe|feier|" +
  "beerdigung|geburt|geburtstermin|entbindung|beginn|start|antritt|arbeitstag|pruefung|operation|einschulung|konfirmation|kommunion|eroeffnung|" +
  "trauung|wunschdatum|schluss|frist|stichtag|deadline|fahrt|tour|einsatz)(?:e?s|en|n)?";
/** "Abflug am 22.12.", "Beginn ist am 1. Januar", "Taufe unserer Tochter ist am 13.12.", "für meine Hochzeit im Mai". */
export const EVENT_BEFORE = new RegExp(
  `\\b${EVENT_NOUNS}(?:(?:\\s+\\S+){0,3}?\\s+(?:ist|sind|war|waren|wird|waere|soll|sollte|findet|faellt|erfolgt\\w*|geht|beginnt|startet|liegt))?` +
    `(?:\\s+(?:schon|bereits|erst|voraussichtlich|dann|nun|jetzt|genau|leider))?(?:\\s+(?:am|zum|ab|im|vom|ab dem|ab der|der|den))?\\s*$`,
);
/** … but not a date the citizen moves or books to ("die Hochzeit in den Februar verlegen", "Hochzeit im Mai anmelden"). */
export const EVENT_TARGET_AFTER =
  /^[^,.;!?]{0,30}\b(?:anmelden|buchen|reservieren|verlegen|verschieben|legen|eintragen|absagen|stornieren|canceln|ab(?=\s*(?:[,.;!?]|$)))\b/;
/** "am 13.12. ist die Taufe", "am 15.01. meinen ersten Arbeitstag". */
export const EVENT_AFTER = new RegExp(
  `^\\s*(?:(?:ist|sind|war|wird|waere|habe ich|hab ich|haben wir|feiern wir|habe|hab|hat|haben|feiern)\\s+)?(?:(?:der|die|das|den|dem|eine[nm]?|im|mein\\w*|unser\\w*|sein\\w*|ihr\\w*)\\s+)?` +
    `(?:(?!wegen|fuer|nach|vor|zur|zum|seit|bei)\\w+\\s+)?${EVENT_NOUNS}\\b`,
);
/** "für die Klassenfahrt nach London im März", "Besuch bei ihrer Schwester in Kanada im Mai": an event with its place, then its date. */
export const EVENT_PLACE_BEFORE = new RegExp(
  `\\b(?:${EVENT_NOUNS}|besuch\\w*|\\w+spiel|fuer\\s+(?:die|den|das|eine[nm]?|unsere?[nm]?|meine[nm]?)\\s+\\w+(?=\\s+nach\\s+(?!(?:der|dem|den|hause|absprache|vereinbarung|moeglichkeit|wahl|bedarf)\\b)[a-z]))\\s+(?:nach|in|bei|zu|zur|zum|an|auf)\\s+(?:(?:der|die|dem|den|ihre[mnr]?|seine[mnr]?|meine[mnr]?|unsere[mnr]?)\\s+)?[^\\s,.;!?]+` +
    `(?:\\s+(?:in|nach)\\s+[^\\s,.;!?]+)?(?:\\s+(?:im|am|ab|zum|vom|anfang|mitte|ende))?\\s*$`,
);

/** "Termin am 4.12.": a date named as the appointment's own is never a distractor. */
export const APPOINTMENT_DATE_BEFORE = /\btermin(?!bestaetigung|anfrage|buchung|mail|erinnerung)\w*\s+(?:(?:am|vom|um|fuer den|fuer|ist am|ist)\s+)?$/;

/** Negation before a date or time ("nicht am Freitag", "außer montags"), at most three words away. */
export const NEGATION_BEFORE = /\b(?:nicht(?!\s+(?:einfach|vielleicht|eventuell)\b)|kein\w*(?!\s+(?:scherz|witz|problem|stress|ahnung|sorge)\b)|ausser|ausgenommen|bloss nicht|nur nicht)\b(?:\s+\S+){0,3}\s*$/;
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
  /\b(?:auf|auf den|auf die|zu|lieber|stattdessen|dafuer|neu\w*|ander(?:e[nmrs]?)?|ersatz\w*|wunsch|besser|alternativ|gerne?|am liebsten|moeglichst)\b[^,.;!?]{0,14}$/;
/** … and the existing appointment follows these. */
export const EXISTING_BEFORE =
  /\b(?:von|vom|statt|anstatt|anstelle|mein\w*\s+termin|unser\w*\s+termin|(?:bestaetigung|buchung)\w*\s+fuer|(?<=(?:^|[.!?:])\s{0,3})(?:er|der alte|der bisherige|der jetzige|der gebuchte)\s+(?:ist|war|liegt|waere)|\w*bestaetigung\w*\s+(?:fuer|vom|am)(?:\s+den)?|den termin|der termin|(?:alte|bisherige|jetzige)\w*\s+termin|termin am|termin vom|termin ist|(?:^|[.!?:]\s*)termin(?=\s*:?\s*$)|gebucht|habe\s+(?:einen|den)?\s*termin|bisher|bislang|urspruenglich|absage|\w+termin\s+(?:am|vom))\b[^;!?]{0,30}$/;

/** In a reschedule, "am 2.12. kann ich nicht / klappt nicht" marks the booked day, not an exclusion. */
export const CANNOT_MAKE_AFTER =
  /^[^,.;!?]{0,30}\b(?:kann|koennen|schaff\w*|klappt|passt|geht)\b[^,.;!?]{0,20}\bnicht\b|^[^,.;!?]{0,12}\bverhindert\b|^[^,.;!?]{0,20}\b(?:doch\s+)?nicht\b[^,.;!?]{0,12}$|^[^,.;!?]{0,20}\bnicht\s+(?:wahrnehmen|kommen|schaffen|einhalten)\b/;
/** "Termin morgen absagen und dafür …": a date right before a cancel verb is the booked one. */
export const CANCELLED_AFTER = /^[\s,]*(?:\w+\s+){0,3}?(?:absagen|stornieren|streichen|loeschen|canceln|faellt\s+(?:\w+\s+)?aus|entfaellt)\b/;

/** In a reschedule, a slot right after "eher / bitte / auch" is the new one ("statt 8 Uhr eher 10 Uhr"). */
export const NEW_WISH_DIRECT = /\b(?:eher|bitte|auch|dann|erst)\s+(?:(?:am|um|den|an|erst|so|gegen)\s+){0,2}$/;
/** "früher als gebucht, so um 8": what follows the comparison is the wish. */
export const AFTER_COMPARISON = /\bals\s+(?:gebucht|geplant|vereinbart)\b[^;!?]{0,20}$/;
/** A clause stating the booking one has ("Ich habe am Freitag einen Termin", "hatte für Do 11 Uhr gebucht"). */
export const EXISTING_CLAUSE =
  /\b(?:hab\w*|hatte\w*|hat)\b(?:\s+\S+){0,6}?\s+(?:einen|nen|den|meinen)\s+termin\b|\b(?:hab\w*|hatte\w*|hat)\b(?:\s+\S+){0,12}?\s+(?:gebucht|ausgemacht|vereinbart)\b/;

/** A booked slot stated as a fact ("ich bin für den 2.12. eingetragen", "für die Zulassung eingeplant"). */
export const BOOKED_PARTICIPLE =
  /\b(?:bin|ist|sind|war|wurde|wurden|hab\w*|hatte\w*)\b[^,;!?]{0,50}\b(?:eingetragen|vorgemerkt|eingeplant|eingebucht|reserviert|bestaetigt|vereinbart|ausgemacht|zugeteilt|dran|an der reihe)\b/;
/** A clause in the simple past ("ich war am 5.11. schon mal da"). */
export const SIMPLE_PAST = /\b(?:war|waren|hatte|hatten|wurde|wurden)\b/;
/** "Hab Montag Urlaub, da …": a day off is when the citizen can come, not an absence. */
export const DAY_OFF = /\b(?:hab|habe|hatte)\b(?:\s+(?!(?:ab|bis|vom|von|seit|ueber)\b)\S+){0,3}?\s+(?:urlaub|frei)\b/;
/** "Donnerstag nicht vor 11": a negated time bound belongs to the time, not to the day before it. */
export const NEGATED_TIME_BOUND = /\bnicht\s+(?:vor|nach|ab|bis|frueher als|spaeter als)\s+(?=\d|halb|viertel)/g;
/** A clause in the perfect tense ("ich habe am 10.11. per Telefon angemeldet"): what it dates has happened. */
export const PERFECT_TENSE =
  /\b(?:habe|hab|hatte|haben|hatten|bin|ist|sind|war|waren|wurde|wurden)\b(?:[^,.;!?]|(?<=\d)\.){0,60}\b(?:ge[a-z]{3,}(?:t|en)|[a-z]{2,5}ge[a-z]{3,}(?:t|en)|telefoniert|beantragt|bestellt|reserviert)\b/;
/** "Ich habe Mittwoch 8 Uhr": a clause of only "haben" and the slot (atoms cut out) names the booking one has. */
export const HAVE_SLOT_CLAUSE =
  /^\s*(?:ich\s+)?(?:hab|habe|hatte)(?:\s+(?:ich|eigentlich|aktuell|momentan|derzeit|bisher|schon|bereits|ja|doch|noch|am|um|den|gerade|jetzt))*(?:\s+(?:einen|nen|den|meinen|n)?\s*termin)?\s*$/;
/** "statt Mittwoch", "anstelle von 9 Uhr": the slot right after this is the one being replaced. */
export const REPLACED_BEFORE = /\b(?:statt|anstatt|anstelle(?: von)?|an stelle von)\s+(?:(?:am|um|dem|den|der|des|vom|von)\s+)?$/;
/** "von 9 auf 11 Uhr": the slot between "von" and "auf" is the one being moved. */
export const MOVED_FROM_BEFORE = /\b(?:von|vom)\s+(?:(?:dem|der|den)\s+)?$/;
export const MOVED_FROM_AFTER = /^\s*(?:,?\s*(?:um\s+)?\d{1,2}(?:[:.]\d{2})?\s*)?(?:uhr\s+)?(?:auf|zu|nach)\s/;
/** "lieber Donnerstag als Dienstag": what follows "als" after a comparative is what one gives up. */
export const COMPARED_AWAY_BEFORE =
  /\b(?:lieber|eher|besser|frueher|spaeter|angenehmer)\b[^,;!?]{0,40}\bals\s+(?:(?:am|um|den|dem|der)\s+)?$/;
/** "auch später wahrnehmen, so gegen 11": a slot after "später / früher" in the same sentence is the new one. */
export const LATER_EARLIER_BEFORE = /\b(?:spaeter|frueher|nach hinten|nach vorn|nach vorne)\b[^.;!?]{0,30}$/;
/** "meinen Termin verschieben, Freitag wäre gut": a slot after the verb of moving is where it should go. */
export const MOVE_VERB = /\b(?:verschieb\w*|verleg\w*|umbuch\w*|umleg\w*|schieb\w*|tausch\w*|aender\w*)\b/g;

/** Being busy ("ich arbeite", "Schicht", "in der Uni", "beim Arzt", "ruhen"): a time in such a clause is when one cannot come. */
export const BUSY_CUES =
  /\b(?:arbeite|arbeitest|arbeitet|arbeiten|(?:auf|bei|in) der arbeit|im buero|(?:frueh|spaet|nacht)?schicht\w*|(?:schicht)?dienst|in der (?:uni|schule|vorlesung)|im (?:unterricht|training|kurs)|\w+kurs|unterricht|vorlesung\w*|beim (?:arzt|zahnarzt|sport)|\w*arzttermin|\w*training|\w*therapie|physio|zur reha|unterwegs|(?:bin|sind) (?:ich|wir) (?:im|in der|beim|bei der|auf der) \w+|kita|kindergarten|ruhen|schlafe|schlaeft|schlafen|betreue\w*|pflege|muede|erschoepft)\b/;
/** … unless the same clause says the citizen is free then ("ich arbeite, kann aber ab 16 Uhr"). */
export const AVAILABLE_CUES = /\b(?:zeit|frei|kann|koennte|kaeme|komme|kommen|passt|passen|ginge|moeglich|gerne?|lieber|bitte|am besten|nach (?:der|dem|meiner|meinem))\b/;
/** Subordinate clauses that give a reason ("…, weil ich nachmittags ruhen muss"); "und" continues them. */
export const REASON_CONNECTORS: ReadonlySet<string> = new Set(["weil", "da", "denn"]);

/** "Di passt aber nicht": a clause of only "aber nicht" still belongs to the clause before it. */
export const NEGATION_AFTER_BREAK = /^\s*(?:leider\s+|wirklich\s+|gar\s+|eher\s+)?nicht(?:\s+(?:so gut|mehr|wirklich))?\s*$/;

/** Dialect pronouns that look like weekday abbreviations: "für mi" (mich), "sag mi" (mir), "gib di" — raw lower-case text. */
export const PRONOUN_ABBREVIATIONS: ReadonlySet<string> = new Set(["mi", "di"]);
export const PRONOUN_CONTEXT_BEFORE =
  /(?:^|[^\p{L}])(?:für|fuer|fürn|mit|ohne|bei|über|du|kannst|kannste|könnt|koennt|gib|sag|hilf|ruf|meld|melde|trag|schreib|frag|schick|hob|hab|hätt's|hätts|wär|lass|freu|i|ma)\s+$/iu;

/** Travel: "wir fahren im März nach Südafrika", "gehe im Januar für zwei Jahre nach Australien" — the date of the trip. */
export const TRAVEL_CUES =
  /\b(?:fahr\w*|flieg\w*|reis\w*|fuer (?:\w+ )?(?:jahre?|monate?|wochen?)|(?:geht|ziehe|ziehen|zieht)(?=[^,.;!?]{0,40}\bzurueck\b)|gehe|gehen)\b[^,.;!?]{0,50}\bnach\s+(?!(?:der|dem|den|hause|vorne|hinten|feierabend|absprache|vereinbarung|moeglichkeit|wahl|bedarf|\d)\b)[a-z]/;
/** A line of office hours in a signature ("Sprechzeiten: Mo–Fr 8–16 Uhr", "Bürozeiten Mo-Do 7-15"). */
export const HOURS_LINE =
  /^\s*(?:[\w.-]+\s+){0,2}?(?:(?:sprech|buero|oeffnungs|geschaefts|service|praxis|telefon|kern)zeit\w*|sprechstunde\w*|telefon tagsueber|erreichbar\w*)\b/;
/** Mail header and letter-date lines: "Gesendet: Sonntag, 29. November 2026 14:48", "Dortmund, 23.11.2026". */
export const HEADER_LINE = /^\s*(?:>\s*)?(?:gesendet|sent|date|von|from|an|to|cc)\s*:/;
export const LETTER_DATE_LINE = /^\s*[a-z][a-z-]+(?:\s+[a-z-]+)?,\s*(?:den\s+)?$/;
/** "der Wagen wird am 12.12. verschrottet": a future passive names what happens to something else. */
export const PASSIVE_BEFORE = /\b(?:wird|werden)\b[^,.;!?]{0,30}$/;
/** "…, der ab Februar in den USA eingesetzt wird": a relative clause telling what happens to someone else then. */
export const PASSIVE_RELATIVE_AFTER = /^[^.!?;,]{0,50}?\b(?:ge[a-z]{3,}|[a-z]{2,5}ge[a-z]{3,})(?:t|en)\s+(?:wird|werden|ist|sind)\s*(?:[,.!?;]|$)/;
export const PASSIVE_PARTICIPLE_AFTER = /^[^.!?;,]{0,60}?\b(?:ge[a-z]{3,}|[a-z]{2,5}ge[a-z]{3,}|(?:ver|be|er|zer|ent)[a-z]{3,})(?:t|en)\s*(?:[,.!?;]|$)/;
/** "Betreff: Terminänderung 03.12.2026 11:30 Uhr": a subject line naming the appointment dates the booked one. */
export const APPOINTMENT_SUBJECT_LINE = /^\s*(?:betreff|subject|re|aw|wg|fwd?)\s*:[^\n]*\btermin/;
/** "ich habe für Donnerstag, den 26.11., um 10:40 Uhr einen Termin zur Ummeldung.": a sentence stating the booking one has. */
export const HAVE_APPOINTMENT_SENTENCE =
  /^\s*(?:ich|wir)\s+(?:hab|habe|haben|hatte|hatten)[\s,]+(?:(?:am|fuer|den|die|der|um|uhr|[^\s,]*\d[^\s,]*|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|jan\w*|feb\w*|maerz|april|mai|juni|juli|aug\w*|sep\w*|okt\w*|nov\w*|dez\w*)[\s,]+)*(?:einen|nen|den|meinen)\s+termin\b/;
/** A question whether the office is open ("Habt ihr morgen offen?", "samstags geöffnet?"): its date is not a wish. */
export const OPEN_QUESTION =
  /\b(?:offen|geoeffnet|auf haben|laenger auf|oeffnungszeit\w*|zu haben|geschlossen|oeffnet|oeffnen)\b|\b(?:hat|habt|haben|ist|sind)\b[^,.;!?]{0,60}\bauf\s*$/;
/** … unless the same clause asks for a slot ("habt ihr morgen offen und noch was frei?"). */
export const SLOT_WORDS =
  /\b(?:termin\w*|frei|buchen|vorbei\w*|komme|kommen|brauche|moechte|wuerde gern|wuerde gerne|haette gern|haette gerne|was offen|etwas offen|noch offen|platz|plaetze|slots?)\b/;
/** "am selben Tag", "am gleichen Tag": the day of the booked appointment. */
export const SAME_DAY = /\b(?:(?:am|an|fuer)\s+)?(?:de[nm]\s*selben|selben|gleiche[nmr]?|dem gleichen|demselben|denselben)\s+tag\b|\bdes(?:selben|\s+selben|\s+gleichen)\s+tages\b/;
/** "eine Woche später", "zwei Tage früher", "einen Tag danach": a shift of the booked appointment. */
export const SHIFT = /\b(ein|eine|einen|1|zwei|2|drei|3|vier|4|\d)\s+(tag|tage|woche|wochen)\s+(spaeter|frueher|danach|vorher|nach hinten|nach vorne?)\b/;
/** A participle closing the clause ("… einen Hund aus dem Tierheim geholt", "… gebucht, aber"): something done. */
export const PAST_ACTION_AFTER =
  /^[^.!?;]{0,120}?\b(?:(?!geoeffnet|geschlossen)ge[a-z]{3,}(?:t|en)|[a-z]{2,5}ge[a-z]{3,}(?:t|en))\b(?=\s*(?:[,.!?;()\n]|\p{Extended_Pictographic}|und\b|aber\b|$))/u;
export const PAST_AUXILIARY_BEFORE = /\b(?:hab|habe|hatte|haben|hatten|bin|ist|sind|war|waren|wurde|wurden)\b/;
export const PAST_AUXILIARY_AFTER = /^\s*(?:(?:hab|habe|haben|hatte|hatten|bin|sind)\s+(?:ich|wir)|(?:wurde|wurden)\s+(?:mir|uns|mein\w*|unser\w*|der|die|das))\b/;
/** "einen Termin bekommen / erhalten": a booked slot, not something that happened on that day. */
export const GOT_SLOT = /\btermin\w*\s+(?:[^\s,.;!?]+\s+){0,4}?(?:bekommen|erhalten|zugeteilt)\b/;
/** "ausser Freitag", "ausgenommen montags": the weekday is left out every week (nlu.md §5.3). */
export const EXCEPT_BEFORE = /\b(?:ausser|ausgenommen)\s+(?:am\s+|an\s+)?$/;
/** "möchte zum 1. Januar ein Gewerbe anmelden": the day a registration takes effect, not the appointment. */
export const EFFECTIVE_DATE_BEFORE = /\b(?:zum|per|ab dem|mit wirkung zum)\s*$/;
export const REGISTRATION_AFTER =
  /^\s*(?:(?:ein|eine|einen|das|den|die|mein\w*|unser\w*|sein\w*|ihr\w*)\s+)?(?:\S+\s+){0,3}?(?:\([^)]{0,40}\)\s+)?(?:an|ab|um)melden\b/;
