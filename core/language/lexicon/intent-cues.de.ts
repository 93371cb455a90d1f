// Cue patterns per intent and info topic, matched against folded text (ä → ae, ß → ss, lower case).
// Patterns name word stems, not whole phrases, so inflections and word order stay covered.

/** The booking itself: "Termin", "Buchung", "Reservierung" (also in compounds such as "Trautermin"). */
const APPOINTMENT = "(?:\\b\\w{0,12}termin\\w{0,8}|buchung|reservierung|vorsprache)";

export const RESCHEDULE_CUES = new RegExp(
  "verschieb|verleg(?!te[nrms]?\\b)|umbuch|\\bmove\\s+(?:it|the\\s+appointment)\\b|\\breschedul|\\bpostpone|umleg|umterminier|\\bschieben\\b|nach\\s+(?:hinten|vorne)|" +
  "(?<!\\bmein\\w*\\s)\\bander(?:en|er|es)\\s+(?:\\w+\\s+)?(?:termin|tag|zeitpunkt|uhrzeit|datum)|" +
  `${APPOINTMENT}\\s+(?:\\w+\\s+){0,8}(?:tauschen|aendern|ueberschreiben)|(?:tauschen|aendern)\\s+(?:\\w+\\s+)?${APPOINTMENT}|` +
  "stattdessen(?!\\s+(?:\\w+\\s+)?ohne\\s+termin)|\\banstelle\\s+(?:von|des|der|vom)\\b|\\b(?:geht|kann\\s+man|koennen\\s+sie|koennten\\s+sie|ist)\\s+(?:das|es|ihn|den)\\s+(?:\\w+\\s+)?(?:zu\\s+)?(?:aendern|umstellen)\\b|\\b(?:an)?statt\\s+(?:am\\s+|dem\\s+|den\\s+|um\\s+)?(?:mo|di|mi|do|fr|sa|so|\\d|morgen|heute|uebermorgen)|" +
  "(?<!\\bfinde\\w*\\s+(?:\\w+\\s+)?)statt\\b.{1,40}\\blieber\\b|(?:absag|absage|stornier|storniere|streich)\\w*\\s+und\\s+(?:\\w+\\s+){0,4}(?:neu|ander|dafuer)|" +
  "\\bauf\\s+(?:einen\\s+)?(?:spaeter|frueher|anderen)\\w*\\s+(?:tag|termin|zeitpunkt)|\\bauf\\s+spaeter\\b",
);

export const CANCEL_CUES = new RegExp(
  "absag|\\bsage\\w*\\s+(?:\\w+\\s+){0,5}ab\\s*(?:[.,!;]|$)|stornier|storno|\\bloesch|geloescht|cancel|\\bstreich|faellt\\s+(?:\\w+\\s+)?aus|" +
  "nicht\\s+(?:mehr\\s+)?wahrnehmen|nicht\\s+(?:\\w+\\s+)?erscheinen|\\bbrauch\\w*\\b.{0,50}\\bnich?t?\\s+mehr|" +
  "benoetige\\b.{0,50}\\bnicht mehr|\\bnicht mehr (?:brauche|benoetige)|\\bdoch\\s+nicht\\s+(?:brauch|benoetig)|" +
  `${APPOINTMENT}\\s+(?:\\w+\\s+){0,4}(?:freigeben|austragen|rausnehmen|entfernen|zurueckziehen|zurueckgeben)|` +
  `(?:zurueckziehen|zurueckgeben|rausnehmen|austragen)\\b|aus\\s+dem\\s+kalender|termin\\s+zurueck|hat\\s+sich\\s+erledigt|` +
  "\\bverhindert\\b.{0,40}\\btermin|termin\\b.{0,40}\\bverhindert",
);

/** "I cannot come": a cancellation unless the same message books (then it is a constraint). */
export const CANNOT_COME_CUES = new RegExp(
  "(?:kann|koennen|schaff\\w*)\\b.{0,40}\\bnicht\\s+(?:\\w+\\s+)?(?:kommen|wahrnehmen|da\\s+sein|hingehen)|" +
  "\\bschaff\\w*\\s+(?:\\S+\\s+){0,6}?nicht\\b(?!\\s+(?:vor|nach|bis|vormittag|nachmittag))|" +
  "\\bbin\\s+(?:\\w+\\s+)?verhindert\\b|\\bich\\s+kann\\s+(?:am\\s+)?(?:\\w+\\s+)?doch\\s+nicht\\s*(?:[.,!]|$)|" +
  "\\bkann\\s+(?:\\w+\\s+)?(?:ned|nich|net|nit)\\s+kommen\\b|\\b(?:komm|komme|kommen)\\s+(?:\\w+\\s+){0,3}nicht(?!\\s+(?:vor|nach|vormittag|nachmittag|morgens|abends|frueh|weg|klar|zurecht|rein|durch|dran|aus))\\b",
);

export const STATUS_CUES = new RegExp(
  "\\bwann\\s+(?:bin\\s+ich|ich)\\s+(?:\\w+\\s+)?dran\\b|\\b(?:hat|haben|wurde|ist)\\s+(?:\\S+\\s+){0,6}?(?:verschoben|verlegt|umgebucht|abgesagt|storniert)\\s*\\?|" +
  "\\b(?:wurde|ist)\\s+die\\s+(?:verschiebung|umbuchung|stornierung|absage)\\s+(?:\\w+\\s+)?(?:gespeichert|eingetragen|bestaetigt|angekommen)\\b|\\b(?:uhrzeit|datum|zeit)\\s+(?:\\w+\\s+)?vergessen\\b|\\bvergessen,?\\s+wann\\b|\\bbitte\\s+(?:mal\\s+)?nach(?:schauen|sehen|gucken)\\b|" +
  "\\bbestaetigung\\s+(?:\\w+\\s+){0,2}(?:fuer|zu|von)\\s+(?:meinen|meinem|unseren|den)\\s+termin|(?<!\\bwie\\s+lange?\\s)\\bist\\s+(?:der|er|dieser|das)\\s+(?:\\w+\\s+)?(?:noch\\s+)?(?:gueltig|aktuell|bestaetigt|richtig|gespeichert)\\b|" +
  "(?:^|[.!?\\n]\\s*)(?:hab|habe)\\s+(?:ich|wir)\\s+(?:\\S+\\s+){0,6}?\\w*termin\\w*[^!?\\n]{0,60}\\?|\\btermin\\w*\\b.{0,40}\\bist\\s+(?:\\w+\\s+)?noch\\s+(?:gueltig|aktuell|da|drin)\\b|" +
  "\\b(?:welche\\w*\\s+tag|welches\\s+datum|welche\\s+uhrzeit)\\s+(?:war|ist)\\b|\\bwann\\s+ist\\s+(?:\\w+\\s+)?(?:der|mein)\\s+(?:andere|zweite|erste)\\b|\\b(?:ist|bleibt)\\s+(?:das|es)\\s+(?:noch\\s+|auch\\s+)?(?:so|aktuell)\\b|\\bwurde\\s+(?:da\\s+)?(?:was|etwas)\\s+geaendert|\\b(?:das|es|der|er)\\s+ist\\s+(?:doch\\s+)?noch\\s+(?:aktuell|so|gueltig)\\b|" +
  "\\b(?:ist|wurde)\\s+(?:da\\s+)?(?:irgendwas|etwas|was|ein\\s+termin)\\s+(?:\\S+\\s+){0,4}?(?:eingetragen|gebucht|reserviert|vorgemerkt)\\b|\\bfinde\\s+(?:\\w+\\s+){0,3}(?:uhrzeit|mail|bestaetigung\\w*|datum)\\s+(?:\\w+\\s+)?nicht\\b|" +
  "\\btermin\\w*\\s+(?:\\w+\\s+)?anzeig|\\boder\\s+(?:hab|habe)\\s+ich\\s+mich\\s+(?:vertan|geirrt|verguckt)|" +
  "\\btermin\\w*\\b.{0,30}\\b(?:steht|gilt|bleibt|besteht)\\s+(?:\\w+\\s+)?(?:noch|weiterhin)\\b|\\bsteht\\s+(?:der|mein|unser)\\s+(?:\\w+\\s+)?\\w*termin|\\b(?:ist|sind|wurde)\\s+(?:die|meine|unsere)\\s+buchung\\w*\\s+(?:\\w+\\s+){0,3}(?:bestaetigt|gueltig|aktuell|eingegangen|angekommen)|" +
  "\\b(?:in|an|bei)\\s+welche\\w*\\s+(?:\\w+\\s+)?(?:ist|war|habe?|hatte)\\s+(?:ich\\s+)?(?:mein\\w*|den|der)\\s+termin|\\bwo\\s+(?:genau\\s+)?(?:ist|war|findet)\\s+(?:\\w+\\s+)?mein\\w*\\s+termin|" +
  "(?:welche\\s+uhrzeit|um\\s+welche\\s+uhrzeit|um\\s+wie\\s*viel\\s+uhr|an\\s+welchem\\s+tag|welchen\\s+tag|welches\\s+datum)\\s+(?:hab|habe|hatte|hatten|bin)\\s+(?:ich|wir)\\b|" +
  "\\b(?:unter|auf)\\s+mein\\w*\\s+namen\\b.{0,80}\\b(?:gebucht|eingetragen|reserviert|vorgemerkt)\\b|\\bbitte\\s+(?:\\S+\\s+){0,8}?bestaetigen\\b|\\b(?:gilt|steht|besteht)\\s+(?:der|er|dieser|das)\\s+(?:\\w+\\s+)?noch\\b|\\b(?:nach(?:sehen|schauen|gucken)|pruefen),?\\s+ob\\b|\\bfindet\\s+(?:der|er|mein\\w*|unser\\w*)\\s+(?:\\S+\\s+){0,8}?statt\\b|" +
  "(?:^|[.!?\\n]\\s*)(?:haben|hab|habe)\\s+(?!sie\\b|ihr\\b)(?:\\S+\\s+){0,5}?(?:einen|nen)\\s+(?:\\w+\\s+)?termin\\b[^!?\\n]{0,60}\\?|" +
  "\\b(?:ist|sind|wurde|wurden)\\s+(?:\\w+\\s+)?(?:fuer\\s+(?:mich|uns)|auf\\s+meinen\\s+namen|unter\\s+meinem\\s+namen)\\s+(?:\\S+\\s+){0,6}?(?:eingetragen|gebucht|reserviert|vorgemerkt|hinterlegt)\\b|" +
  "\\b(?:hab|habe|hatte)\\s+(?:ich|wir)\\b.{0,60}\\btermin\\b.{0,60}\\boder\\s+nicht\\b|(?:^|[.!?\\n]\\s*)(?:hab|habe|hatte)\\s+(?:ich|wir)\\s+(?:\\S+\\s+){0,6}?(?:was|etwas|einen\\s+termin|nen\\s+termin)\\s+(?:gebucht|reserviert|eingetragen|vereinbart)\\b|(?:^|[.!?\\n]\\s*)(?:hab|habe)\\s+(?:ich|wir)\\s+(?:\\S+\\s+){0,4}?(?:einen|nen|den)\\s+termin\\b|" +
  "(?:wann|um wie ?viel uhr|welche\\w*\\s+uhrzeit|an welchem tag|fuer wann)\\b.{0,30}\\b(?:mein\\w*|der|den)\\s+(?!naechst|erst|fruehest|spaetest|freie?\\b|baldmoeglich|naechstmoeglich)(?:\\w+\\s+)?(?:\\w*termin|buchung)|" +
  "\\bwo\\s+(?:ist|war)\\s+(?:\\w+\\s+)?mein\\w*\\s+termin|" +
  "(?:wann|fuer wann)\\s+(?:hab|habe|hatte|bin)\\s+ich\\b|\\bwann\\s+(?:war|ist|hab\\w*|hatte|muss|soll|bin)\\b.{0,30}\\bnochmal\\b|\\bnochmal\\b.{0,20}\\bwann\\b|" +
  "\\bmein\\w*\\s+(?:\\w+\\s+)?(?:termin\\w*|buchung|reservierung)\\b.{0,40}\\b(?:gueltig|bestaetigt|aktuell|gespeichert|eingetragen|steht|noch|gebucht|durchgegangen|geklappt)|" +
  "\\b(?:gilt|steht|besteht)\\s+(?:\\w+\\s+)?mein\\w*\\s+(?:\\w+\\s+)?(?:termin|buchung)|" +
  "(?:habe|hab|hatte)\\s+ich\\s+(?:\\S+\\s+){0,3}(?:einen|nen|den)\\s+termin\\b.{0,20}\\?|\\bob\\s+ich\\s+(?:\\w+\\s+)?(?:einen|nen)\\s+termin|" +
  "\\bbin\\s+ich\\b.{0,30}\\b(?:eingetragen|gebucht|angemeldet|vorgemerkt)|" +
  "(?:keine|nie\\s+eine|nie)\\s+(?:\\w+\\s+)?(?:\\w*bestaetigung\\w*|mail|e-mail|email|nachricht|terminbestaetigung)|" +
  "\\b(?:adresse|uhrzeit|datum|ort)\\s+(?:\\w+\\s+){0,2}(?:vom|von\\s+meinem|meines|des)\\s+termin\\w*\\s+(?:\\w+\\s+)?(?:vergessen|verloren|verlegt|nicht\\s+mehr)|" +
  "(?:terminbestaetigung|bestaetigung\\w*)\\s+(?:\\w+\\s+){0,3}(?:nicht|nie)\\b|nichts\\s+(?:\\w+\\s+)?(?:bekommen|erhalten)|" +
  "zeig\\w*\\b.{0,25}\\b(?:buchung|termin)|\\b(?:schick|send)\\w*\\s+(?:\\w+\\s+){0,4}\\w*bestaetigung\\w*\\s+(?:\\w+\\s+)?(?:zu|nochmal|erneut|noch\\s+einmal)\\b|" +
  "\\b(?:code|buchungsnummer|buchungscode|terminnummer|vorgangsnummer)\\s+(?:\\w+\\s+)?(?:vergessen|verloren|verlegt|nicht\\s+mehr)\\b|\\bbestaetigung\\w*\\s+(?:\\w+\\s+){0,3}(?:schicken|senden|zusenden|zuschicken)|\\bmeine\\s+buchung|\\bob\\s+(?:mein\\w*|der)\\s+(?:\\w+\\s+)?\\S*termin|\\bob\\s+ich\\s+(?:\\S+\\s+){0,8}?(?:einen|nen)\\s+termin\\s+(?:habe|hab|hatte)\\b|termin\\b.{0,40}\\b(?:bestaetigt|gebucht\\s+ist)|\\bob\\s+ich\\s+(?:\\S+\\s+){0,8}?(?:gebucht|eingetragen|reserviert)\\s+(?:habe|bin|wurde)\\b|\\bstatus\\b",
);

/** Explicit wish to get an appointment; these win over an info question in the same message. */
export const STRONG_BOOK_CUES = new RegExp(
  "\\b(?:einen|nen|neuen|freien|freie|naechsten|ersten|weiteren|kurzfristigen)\\s+(?:\\w+\\s+)?termin|" +
  "(?<!\\b(?:den|dem|meinen|meinem|mein|unseren|unserem|unser|diesen|diesem)\\s)\\btermin(?:e|anfrage|wunsch|vereinbarung|buchung)?\\s+(?:fuer|zum|zur|wegen|bitte|am|in|um)\\b|\\btermine?\\s+(?:noch\\s+)?frei|" +
  "^\\W*termin\\b|(?<!\\bbeim\\s)\\bbuchen|vereinbaren|reservier|\\b(?:ich|wir)\\s+(?:\\w+\\s+)?brauch\\w*\\s+(?:\\w+\\s+)?(?:einen|ein|eine|nen|ne|n|neue[nrs]?|zwei|drei|vier)\\b|" +
  "^\\W*(?:brauch|brauche|bräuchte|braeuchte)\\s+(?:einen|ein|eine|nen|ne|n|neue[nrs]?)\\b|" +
  "benoetige\\s+(?:einen|ein|eine|neue[nrs]?)|haette\\s+gerne?|moechte\\s+(?:\\w+\\s+)?(?:einen|ein|eine|gerne?|mich(?!\\s+(?:\\w+\\s+)?(?:bedanken|erkundigen|beschweren|informieren|vergewissern))|meinen\\s+wohnsitz|\\w+\\s+beantragen)|" +
  "moechten\\s+(?:\\w+\\s+)?(?:einen|ein|eine|gerne?|uns|unsere)|wuerd\\w*\\s+(?:\\w+\\s+)?gerne?|will\\s+(?:\\w+\\s+)?(?:einen|ein|eine|heiraten|mich)|" +
  "\\bwas\\s+frei|\\bnoch\\s+(?:was|etwas)\\s+frei|\\bmuss\\s+(?:mich|mein\\w*)\\s+\\w*(?:melden|zulassen)|\\b(?:moechte|will|wuerd\\w*\\s+gerne?)\\s+(?:\\S+\\s+){0,4}?(?:umschreiben|umtauschen|beantragen|anmelden|abmelden|ummelden|zulassen|beglaubigen)(?:\\s+lassen)?\\b|\\b(?:muss|muessen)\\s+(?:mich|uns)\\s+(?:\\w+\\s+){0,4}\\w*(?:melden|zulassen)\\b",
);
/** "Brauche ich einen Termin?" asks whether one is needed; it is not a wish for one. */
export const NEED_APPOINTMENT_QUESTION =
  /\b(?:brauch\w*|benoetig\w*|muss|muessen)\s+(?:ich|man|wir)\s+(?:\S+\s+){0,8}?(?:einen|nen)\s+termin\w*(?:\s+(?:machen|vereinbaren|buchen|haben|ausmachen))?|\bob\s+(?:ich|man|wir)\s+(?:\S+\s+){0,4}(?:einen|nen)\s+termin\s+brauch\w*/g;
/** A reply to the proposed slots: "Der zweite Vorschlag passt", "den ersten bitte", "Dienstag 10:20 nehme ich". */
export const PROPOSAL_TAKEN =
  /\b(?:vorschlag|option|variante|nummer|nr)\b[^.?!]{0,20}\b(?:passt|nehme|nehmen|geht|klingt\s+gut)\b|\bnehme\s+(?:\w+\s+){0,3}(?:vorschlag|option|termin)\b|^\W*(?:option|vorschlag|nummer|nr\.?)\s*\d\W*$|\b(?:den|der|die)\s+(?:erste|zweite|dritte|letzte)n?\b[^.?!]{0,15}\b(?:passt|nehme|nehmen|bitte|geht)\b|\bnehme\s+ich\b/;
/** Weaker cues: a verb of the process that an info question may also contain. */
export const BOOK_CUES = new RegExp(`${STRONG_BOOK_CUES.source}|${PROPOSAL_TAKEN.source}|beantrag(?!t\\b)|vorbeikommen|vorbeischauen|\\bgeht\\s+(?:es|das)\\b|\\bpasst\\s+es\\b`);

export const INFO_QUESTION =
  /\b(?:sag|sagt|sagen)\w*\s+(?:sie\s+)?mir\s+(?:\w+\s+)?(?:was|wie|wann|wo|ob|welche\w*)\b|\bwiss\w*\s+nicht,?\s+(?:ob|wie|wann|wo|was|welche\w*)\b|^\W*(?:oeffnungszeit\w*|sprechzeit\w*|gebuehr\w*|kosten|preis\w*|adresse|anfahrt|unterlagen|bearbeitungszeit\w*)\b|\bbitte\s+um\s+(?:\w+\s+)?(?:auskunft|mitteilung|information|info|rueckmeldung)\b|\bteilen\s+sie\s+(?:mir|uns)\s+(?:\w+\s+){0,2}mit\b|\b(?:kostet|wie\s+lange?|wie\s+teuer)\b|\?|^\W*(?:was|wie|wo|wann|welche\w*|kann|koennen|muss|darf|gibt|hat|haben|habt|ist|sind|seid|nimmt|bis wann|ab wann|brauch\w*\s+(?:ich|man)|braucht man|wieviel)\b|\b(?:brauche|moechte|will|wuerde\s+gerne?)\s+(?:\w+\s+)?wissen\b|,\s*(?:geht\s+das|kann\s+(?:ich|man)|muss\s+ich|gibt\s+es|was|wie|wo|wann)\b|\b(?:wollte|wollten|moechte|moechten)\s+(?:\w+\s+)?(?:fragen|nachfragen)\b|\bfrage\b|\binfo|\b(?:moechte|wollte|will|wuerde)\s+(?:\w+\s+){0,2}wissen,?\s+(?:ob|wie|wann|wo|was)\b/;
export const HELP_CUES = new RegExp(
  "wie\\s+funktionier\\w*\\s+(?:denn\\s+|eigentlich\\s+|genau\\s+)?(?:das|der|die|dieser|diese|dieses|du|es)(?:\\s+(?:hier|chat|bot|assistent|programm|system|ding|tool|seite|app|website|terminbuchung|buchung|buchen|terminvergabe|eigentlich|genau|denn|ueberhaupt|so))*\\s*(?:\\?|$|\\.|!|,)|" +
  "was\\s+(?:koennen\\s+sie|koennt\\s+ihr)\\s+(?:denn\\s+)?(?:alles|so|eigentlich|ueberhaupt)\\b|was\\s+kann(?:st)?\\s+(?:du|ich\\s+hier|man\\s+hier|ich\\s+(?:dich|sie|euch))|was\\s+kann\\s+(?:dieses|diese|dieser|das|dein\\w*|der|die)\\s+(?:programm|tool|system|ding|app|bot|chat)|" +
  "wie\\s+funktionier\\w*\\s+(?:das|der|die|dieser|diese|dieses|du|es)(?:\\s+(?:hier|chat|bot|assistent|programm|system|ding|tool))?\\s*(?:\\?|$|\\.)|wie\\s+geht\\s+das\\s+hier|" +
  "(?:weiss|verstehe)\\s+nicht,?\\s+wie\\s+(?:das|man|ich)|^\\W*hilfe\\b|brauche\\s+hilfe|hilfe\\s+bitte|\\bhelp\\b|" +
  "(?:kannst\\s+du|koennen\\s+sie|koenntest\\s+du)\\s+mir\\s+(?:\\w+\\s+)?helfen|wie\\s+(?:buche|mache|benutz\\w*|bedien\\w*|nutz\\w*|verwend\\w*)\\s+ich|" +
  "wer\\s+bist\\s+du|bist\\s+du\\s+ein|ist\\s+das\\s+(?:hier\\s+)?ein\\s+(?:bot|mensch|roboter|computer|programm)|welche\\s+(?:services|dienste|dienstleistungen|leistungen)\\s+(?:bietet|bieten|gibt)|was\\s+(?:bist|machst)\\s+du|anleitung|bedienung|" +
  "was\\s+(?:kann|macht)\\s+(?:dieser|der)\\s+(?:bot|assistent|chat)|was\\s+(?:fuer|kann\\s+man)\\b.{0,30}\\bhier\\b.{0,20}\\b(?:erledigen|machen|tun)|" +
  "(?:erledigen|machen|tun)\\s+kann\\s+(?:ich|man)\\s+hier|bin\\s+ich\\s+hier\\s+richtig|\\bmir\\s+das\\s+erklaeren|befehle",
);
/** Greetings, thanks and goodbyes; a message of only these is a greeting. */
export const GREETING_CUES = new RegExp(
  "\\b(?:obrigad\\w*|gracias|frohes\\s+neues|gutes\\s+neues|salam|selam|merhaba|aleikum|hello|good\\s+(?:morning|afternoon|evening)|guten\\s+rutsch|frohe\\w*\\s+(?:weihnacht\\w*|fest|feiertage|ostern)|bedank\\w*|bleiben\\s+sie\\s+gesund|hallo|hallihallo|hall(?:oe|o)chen|gruess?\\s+dich|gruss\\s+dich|hi|hey|huhu|moin|servus|tach|gruezi|gruess\\s+gott|guten\\s+(?:tag|morgen|abend|mittag)|mahlzeit|" +
  "danke\\w*|dank|merci|thx|thanks|tschue\\w*|tschus\\w*|tschoe|adieu|auf\\s+wiedersehen|wiedersehen|bye|ciao|tschau|" +
  "bis\\s+(?:bald|dann|spaeter|demnaechst)|schoene[nsr]?\\s+(?:tag|wochenende|abend)|gute\\s+nacht|ok(?:ay)?\\s+danke|alles\\s+klar|super|top)\\b",
);
/** Requests the citizen office does not handle; without a catalogue service they are "unknown". */
/** Complaints, auto-replies and advertising: never a request, whatever services they mention. */
export const STRONG_OUT_OF_SCOPE =
  /\bbeschwer\w*|(?:^|betreff:\s*)\W*automatische\s+antwort|automatische\s+antwort\s*:|abwesenheitsnotiz|out\s+of\s+office|\bnicht\s+im\s+buero\b|newsletter|abbestell\w*|unsubscribe|\brabatt\w*|gewinnspiel\w*|\b\d{1,2}\s*%\s+(?:auf|rabatt)\b/;
export const OUT_OF_SCOPE_CUES = new RegExp(
  "\\bhast\\s+du\\s+(?:\\w+\\s+){0,4}vor\\b|" +
  // word parts that may follow any prefix ("Hundesteuer", "Oberbürgermeister", "Sportverein", "Grundschule")
  "steuer|buergermeister|verein(?:s|e|en)?\\b|(?<!\\b(?:hab|habe|hat|hatte|(?:in|nach|vor|von|zur)\\s+der)\\s)schule|knoellchen|" +
  "\\b(?:hund(?!ert)\\w*|katze\\w*|haustier\\w*|wohngeld|buergergeld|sozialhilfe|grundsicherung|elterngeld|kindergeld|unterhalt\\w*|rente\\w*|" +
  "krankenkasse|schwerbehindert\\w*|behindertenausweis|jobcenter|arbeitsamt|auslaenderbehoerde|aufenthalt(?:stitel|serlaubnis)|einbuergerung\\w*|visum|" +
  "finanzamt|gesundheitsamt|bauantrag|baugenehmigung|bauamt|beschwer\\w*|laerm\\w*|" +
  "knoellchen|strafzettel|bussgeld\\w*|blitzer|schlagl\\w*|strassenbeleuchtung|regnet|wetter|regen|schnee|pizza|fussball|spiel|impf\\w*|(?<!\\b(?:bin|war|ich|bin\\s+ich)\\s+(?:\\w+\\s+)?(?:beim|zum)\\s)arzt|" +
  "(?<!\\b(?:nach|vor|von|zur|in)\\s+der\\s)kita\\w*|paket\\w*|postfiliale|packstation|\\bwann\\s+faehrt\\b|fahrplan\\w*|tuev|hauptuntersuchung|dekra|tageskarte|eintrittskarte|ticket\\w*|fahrkarte\\w*|weihnachtsmarkt\\w*|schwimmbad\\w*|hallenbad\\w*|freibad\\w*|museum\\w*|\\bzoo\\b|kino\\w*|theater\\w*|restaurant\\w*|supermarkt\\w*|apotheke\\w*|rabatt\\w*|gewinnspiel\\w*|gewonnen|casino\\w*|bitcoin|krypto\\w*|sale|deal|bibliothek\\w*|buecherei\\w*|fitness\\w*|schulanmeld\\w*|einschul\\w*|kindergarten\\w*|nachbar\\w*|vermieter\\w*|ruhestoerung|falschpark\\w*|studium|studienplatz|hochschule|universitaet|wertstoff\\w*|recycling\\w*)|muell|abfall|\\btonne|gruenschnitt|sperrgut|" +
  "\\b(?:so|zu|sehr|total|extrem|viel\\s+zu)\\s+laut\\b|\\bwww\\.|https?:\\/\\/|newsletter|abbestell\\w*|unsubscribe|\\b\\d{1,2}\\s*%\\s+(?:auf|rabatt)\\b|" +
  // auto-replies: "Automatische Antwort", "Ich bin bis 4.12. nicht im Büro"
  "automatische\\s+antwort|abwesenheit\\w*|out\\s+of\\s+office|\\bnicht\\s+im\\s+buero\\b|" +
  // an appointment for something outside the catalogue: "Termin zur Wohnungsbesichtigung / für eine Schuldnerberatung"
  "\\btermin\\w*\\s+(?:zur|zum|fuer\\s+(?:eine[nm]?|ein|die|den|das|meine[nm]?)|wegen\\s+(?:einer|eines|der|des|meiner|meines))\\s+\\w*(?:beratung|besichtigung|gespraech|untersuchung|sprechstunde)\\b|" +
  // any other office ("Finanzamt", "Ausländerbehörde"); the literal comes first so the check runs only where it occurs
  "amt(?:s|es)?\\b(?<=\\b\\w{2,20}amt(?:s|es)?)(?<!\\b(?:buerger|standes|einwohner|einwohnermelde|melde|fund)amt(?:s|es)?)|" +
  "behoerde\\b(?<=\\b\\w{2,20}behoerde)(?<!\\bmeldebehoerde)",
);

/** Weaker signs of an "other" question, used only when no topic is named: "ob man in Hörde auch … kann", "oder nur in der City?". */
export const OTHER_TOPIC_FALLBACK = /(?:^|[.!?,]\s*)(?:muss|muessen|muass)\s+(?:ich|man|wir|i)\b[^.!?]*\?|\b(?:kann|darf|muss|bekomme|kriege|erhalte)\s+(?:ich|man)\b[^?]{0,100}\b(?:wenn|bevor|obwohl|solange|sobald)\b[^?]*\?|\bob\s+man\s+(?:\S+\s+){0,9}?(?:kann|koennte|darf)\b|\boder\s+nur\s+(?:in|im|bei|am)\b/;

export const INFO_TOPIC_CUES: ReadonlyArray<readonly [string, RegExp]> = [
  ["opening_hours", /\b(?:hat|haben|habt)\s+(?:\S+\s+){0,5}(?:auf|offen|geoeffnet)\s*(?:\?|$)|oeffnungszeit|sprechzeit|geoeffnet|(?<!\b(?:was|etwas|termin\w*|noch)\s)(?<!\btermin\w*\s+(?:\S+\s+){0,3})\boffen\b|\boeffnet|\bauf\s*haben|\bhabt\s+ihr\s+(?:\w+\s+){0,3}auf\b|(?<!\b(?:sachen|dinge|es|die|das|sie|ihn)\s)\bauf\s*\?|\bschliess|\bgeschlossen|\bzu\s+haben|\bseid\s+ihr\b.{0,20}\bda\b|wann\s+(?:macht|machen)\s+(?:ihr|sie)\s+auf/],
  ["documents", /unterlagen|\bwas\s+(?:ich|man|wir)\s+(?:\S+\s+){0,6}?brauch\w*|\bvorher\s+(?:\w+\s+)?haben\b|\bevb\b|\bbrauch\w*\s+(?:ich|man|wir)\s+(?:fuer\s+\S+\s+\S+\s+)?(?:eine?n?\s+)?(?:\w+\s+)?(?:uebersetzung|kopie|abschrift|\w*auszug|\w*anzeige|nachweis|\w*bescheinigung|bestaetigung|formular|foto|unterschrift|\w*urkunde)\b|\breicht\s+(?:dafuer\s+|das\s+)?(?:der|die|das|mein\w*)\b|\bdocuments?\b|\bpapers\b|mitbringen|(?<!\b(?:direkt|sofort|gleich)\s)\bmitnehmen|wohnungsgeber|\bob\s+(?:ich|man|wir)\s+(?:\S+\s+){0,6}?(?:\w*bestaetigung|\w*bescheinigung|nachweis\w*|\w*foto\w*|\w*urkunde|formular\w*|papiere)\s+(?:\w+\s+)?(?:brauch|benoetig|mitbring)|vorleg|vorzeig|vorweis|\beinreich|mitnehmen|dokumente\b|\bwas\s+(?:brauch\w*|benoetig\w*)\s+(?:ich|man)|\bbrauche\s+ich\s+(?:\w+\s+){0,2}(?:foto|nachweis|bescheinigung|urkunde|papier)|welche\s+papiere|nachweis|passfoto|passbild|lichtbild|biometrisch\w*|\bfotos?\b(?!\s+(?:\w+\s+)?machen)|\bpapier(?:e|en)\b|\bbrauch\w*\s+(?:ich|man)\s+(?:\S+\s+){0,5}?(?<!\bfuer\s)(?:die|den|das|meine\w*)\s+(?:kennzeichen|fahrzeugbrief|fahrzeugschein|zulassungsbescheinigung\w*|\w*urkunde|\w*bescheinigung|\w*ausweis|pass|nachweis\w*)\b/],
  ["fees", /\bkost|zahlungs\w*|gebuehr|preis|\bteuer|bezahl|\bzahlen|ec-?karte|kartenzahlung|\bbar\b|bargeld|\beuro\b|\w*karte\b(?<!(?:park|angel|id|fuehrerschein)karte)/],
  ["address", /\bwo\s+(?:kann|muss|soll)\s+(?:ich|man)\s+(?:\S+\s+){0,3}(?:abgeben|hingehen|melden)\b|(?<!\bneue[nrs]?\s)\badresse\b(?!\s+(?:\w+\s+)?(?:an|um)?melden)|\bwo\s+(?:muss|soll)\s+ich\s+hin|\bwo\s+(?:ist|sind|seid|liegt|finde|befindet|genau|kann\s+ich\s+(?:\w+\s+){0,3}parken)(?!\s+(?:ist\s+|war\s+|genau\s+)?(?:ich\s+)?mein)|anfahrt|\bwo\s+(?:\w+\s+)?park\w*|parkpl|parkmoeglich|parkhaus|\bparken\b|barrierefrei|rollstuhl|rollator|aufzug|erdgeschoss|treppe|stufen|erreichbar|wie\s+(?:komme|erreiche)\s+ich|mit\s+(?:dem|der)\s+(?:bus|bahn|auto|rad|fahrrad|u-?bahn)\b|haltestelle|\b(?:bus|bahn|stadtbahn|tram)(?:linie\w*|haltestelle\w*)\b|\bwelche\w*\s+(?:bus|bahn|linie)\b|\bfaehrt\s+(?:\w+\s+){0,3}(?:zum|zur|nach)\b/],
  ["processing_time", /\bwie\s+viele\s+(?:tage|wochen)\b|\bwie\s+schnell\b|(?:kosten|gebuehr\w*)\s*(?:\+|und|,)\s*dauer\b|\bdauer\s*\?|\b(?:direkt|sofort|gleich)\s+(?:\w+\s+)?mitnehmen\b|\bdauert\s+(?:das|es)\b|\bwann\s+(?:bekomme|kriege|erhalte|bekommen|kriegen|erhalten)\s+(?:ich|wir)\b|\bschon\s+(?:\w+\s+)?(?:abholen|abholbereit|fertig|da)\b|wie\s+lange?\s+dauer|\bwie\s+lange?\b.{0,60}\bdauer|dauert\s+es|\bdauer\w*\b.{0,50}\blange?\b|\bdauert\s+(?:so\s+)?(?:ne|eine?)\b|\bfertig\b|bearbeitungszeit|wie\s+lange?\s+braucht|wann\s+kann\s+ich\s+(?:\w+\s+){0,4}abholen/],
  ["other", /ohne\s+termin|\bab\s+wann\s+(?:kann|darf|muss|soll)\s+(?:ich|man)\b|\bnachtraeglich\b|\breicht\b[^?]{0,60}\boder\b|\bbekommt\s+man\b|\bbefreiung\b|\bselbst\s+mitkommen\b|\bwie\s+lange\s+vorher\b|\bbis\s+wann\s+(?:kann|muss)\s+(?:ich|man)\b|\bkann\s+(?:ich|man)\s+(?:hier|bei\s+ihnen|bei\s+euch)\s+(?:\S+\s+){0,4}?(?:bekommen|beantragen|machen|erledigen)\b.{0,40}\boder\b|\bdolmetsch\w*|\buebersetzer\w*|\bbegleit\w*|\bmit\s+in\s+den\s+termin|hausbesuch\w*|\bkann\s+mir\s+(?:jemand|man)\b|\bwie\s+laeuft\s+das\s+mit\b|\bbrauch\w*\s+(?:ich|man|wir)\b[^.!?]*\b(?:zusaetzlich|ueberhaupt|extra)\b|\bheb(?:t|en|e)\s+(?:\S+\s+){0,4}?auf\b|\bbis\s+wann\s+(?:muss|muessen|soll|sollte)\b|\bfotos?\s+(?:\w+\s+)?machen\s+lassen|\bfrist\w*|\bauf\s+(?:englisch|deutsch|\w+isch)\b|\bselbst\s+(?:hin|kommen|vorbeikommen|erscheinen)\b|\bkann\s+(?:das|es)\s+(?:\w+\s+){0,2}(?:mein\w*|jemand|ein\w*)\s+(?:\w+\s+){0,2}(?:machen|erledigen|uebernehmen)\b|zuschick|zusend|schicken\s+lassen|aufbewahr\w*|\bmuss\s+(?:\w+\s+){0,3}mit\s*(?:zum|zur|\?|$)|\ballein\w*\b|\bmuss\s+ich\s+mit\b|\b(?:brauch\w*|muss)\s+(?:ich|man)\s+(?:[^\s?!.]+\s+){0,8}?(?:einen|nen)\s+termin|\bwas\s+(?:muss|soll|kann)\s+(?:ich|er|sie|man|wir)\s+(?!hier\b)(?:\w+\s+){0,5}(?:tun|machen)\b|\bob\s+(?:ich|man|wir)\s+(?:\S+\s+){0,4}(?:einen|nen)\s+termin\s+brauch|brauch\w*\s+(?:ich|man)\s+(?:einen|nen|unbedingt\s+einen)\s+termin|zu\s+spaet|verspaet|spontan|einfach\s+(?:so\s+)?vorbei|online|im\s+internet|per\s+post|persoenlich|wer\s+muss|vollmacht|\bgueltig\b|wie\s+funktioniert\s+das\s+mit(?!\s+(?:dem|diesem)\s+(?:bot|chat|assistent))|muss\s+(?:\w+\s+){0,8}(?:mitkommen|kommen|erscheinen)|(?:muss|muess)\w*\s+(?:\w+\s+){0,8}?(?:dabei\s+sein|anwesend)|\b(?:darf|kann)\s+(?:mein\w*|jemand|ein\w*)\s+(?:\w+\s+){0,2}fuer\s+mich\b|\bgilt\b|(?:kann|darf)\s+(?:\w+\s+){0,3}(?:jemand|mein\w*\s+(?:mann|frau|sohn|tochter|vater|mutter|partner\w*))\s+(?:\w+\s+){0,4}(?:erledigen|abholen)|\bvertret/],
];
