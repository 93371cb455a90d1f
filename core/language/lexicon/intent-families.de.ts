// Structural cue families for intent evidence, matched per sentence on folded text (ä → ae, ß → ss).
// Each family names a grammatical pattern rather than a phrase: a separable verb with its particle
// ("sage … ab", "trage … aus"), a need verb with a negation ("brauche den Termin nicht mehr"),
// a question about one's own booking, a wish whose object is an appointment.

/** Words that follow the preposition "ab" ("ab 15 Uhr", "ab Montag"); the particle "ab" is followed by none. */
const AB_PREPOSITION_FOLLOWER =
  "\\s*(?:\\d|dem\\b|der\\b|den\\b|mo|di|mi|do|fr|sa|so|morgen|heute|uebermorgen|naechst|kommend|jetzt|sofort|wann|mitte|anfang|ende|kw|halb|viertel|jan|feb|maer|apr|mai|jun|jul|aug|sep|okt|nov|dez|wie|ob|und\\s+zu)";

/** A cancellation as an act: verb stems, separable verbs with their particle, and idioms of dropping out. */
export const CANCEL_ACT = new RegExp(
  "absag|abzusagen|\\bsag(?:e|en|t|st)?\\s+(?:\\S+\\s+){0,12}?ab\\b(?!" + AB_PREPOSITION_FOLLOWER + ")|" +
  "stornier|storno|cancel|annullier|\\bloesch|\\bstreich|entfaell|entfallen|hinfaellig|faellt\\s+(?:\\w+\\s+){0,3}aus\\b|" +
  "rueckgaengig|zuruecknehm|zuruecktret|zurueckzieh|\\b(?:tret|zieh|nehm)\\w*\\s+(?:\\S+\\s+){0,7}?zurueck\\b(?!\\s+(?:nach|in|ins|zu|zur|zum|an|aufs?)\\b)|" +
  "austragen|\\btrag\\w*\\s+(?:\\w+\\s+){0,4}aus\\s*(?:[.,!;]|$)|raus\\s?nehm|\\bnehm\\w*\\s+(?:\\w+\\s+){0,3}raus\\b|freigeb|\\bkann\\s+weg\\b|" +
  "hat\\s+sich\\s+erledigt|verzicht|widerruf|\\b(?:muss|soll|kann|moechte)\\w*\\s+(?:\\S+\\s+){0,3}?(?:abgesagt|storniert|gestrichen|geloescht)\\s+werden\\b|\\bgeb\\w*\\s+(?:sie\\s+)?(?:ihn|den\\s+termin|es)\\s+frei\\b|\\b(?:koennt|koennen)\\s+(?:ihr|sie)\\s+(?:\\w+\\s+){0,2}vergessen\\b|\\bvergessen\\s+sie\\s+(?:\\w+\\s+)?(?:den|meinen|unseren)\\s+termin|" +
  // idioms: "fällt flach", "mach den Termin weg", "geben Sie ihn jemand anderem", "nicht mehr nötig"
  "\\bfaellt\\s+(?:\\S+\\s+){0,7}?flach\\b|\\bflach\\s*(?:ge)?fall|\\bwegmach|\\bmach\\w*\\s+(?:\\w+\\s+){0,2}(?:termin|buchung|reservierung)\\w*\\s+(?:\\w+\\s+){0,2}weg\\b|" +
  "\\b(?:jemand|jemandem|jemanden)\\s+(?:anderem|anderen|anders)\\b|\\banderweitig\\s+(?:\\w+\\s+)?vergeb|" +
  "\\btermin\\w*\\b.{0,30}\\bnicht\\s+(?:mehr\\s+)?(?:noetig|notwendig|erforderlich|benoetigt|gebraucht)\\b|" +
  "\\bnicht\\s+(?:mehr\\s+)?wahr(?:nehmen|zunehmen)|\\bnehm\\w*\\s+(?:\\w+\\s+){0,4}nicht\\s+wahr\\b|\\bnicht\\s+(?:\\w+\\s+)?erscheinen",
);

/** The state of a cancellation asked about ("wurde mein Termin storniert?", "eine Absage bekommen"): status. */
export const CANCEL_STATE = new RegExp(
  "\\b(?:sie|ihr|man)\\s+(?:haben|habt|hat)\\b(?:\\s+\\w+){0,5}\\s+(?:abgesagt|storniert|gestrichen|geloescht|annulliert)\\b|" +
  "\\b(?:wurde|wurden|ist|sind|war|worden)\\b(?:\\s+\\w+){0,5}\\s+(?:abgesagt|storniert|gestrichen|geloescht|annulliert|ausgetragen|entfallen)\\b|" +
  "\\b(?:abgesagt|storniert|gestrichen|geloescht)\\s+(?:worden|wurde)\\b|" +
  "\\b(?:absage|stornierung|stornobestaetigung)[\\w-]*\\s+(?:\\w+\\s+){0,2}(?:bekommen|erhalten|gekriegt)|" +
  "\\b(?:stornierung|absage|storno|umbuchung|verschiebung)\\w*\\s+(?:\\S+\\s+){0,4}?(?:geklappt|funktioniert|durchgegangen|angekommen|bestaetigt)\\b",
);

/** Not needing the (definite) appointment any more; an indefinite "einen Termin … nicht am Montag" is a wish. */
export const NOT_NEEDED = new RegExp(
  "\\b(?:brauch|benoetig)\\w*\\s+(?:\\w+\\s+){0,2}?(?:den|diesen|ihn|unseren|meinen|es)\\b(?:\\s+\\S+){0,8}?\\s+(?:doch\\s+)?(?:nich?t|nicht\\s+(?:mehr|laenger))\\b" +
  "(?!\\s+(?:vor|nach|am|an|um|bis|in|im|zu|so|montags|dienstags|mittwochs|donnerstags|freitags|vormittags|nachmittags))|" +
  "\\b(?:den|diesen|unseren|meinen)\\s+termin\\b.{0,40}\\b(?:brauch|benoetig)\\w*\\s+(?:\\w+\\s+){0,2}(?:doch\\s+)?nich?t\\b|" +
  "\\bkein(?:en)?\\s+(?:\\w+\\s+)?termin\\w*\\s+mehr|\\bnicht\\s+laenger\\b",
);

/** Moving an appointment: verbs (also separable: "zieh … vor"), nouns of the act, and swaps. */
export const RESCHEDULE_ACT = new RegExp(
  "verschieb|verschoben(?!e)|verschiebung|verleg(?!te[nrms]?\\b)|vorverleg|vorzieh|vorzuzieh|\\bzieh\\w*\\s+(?:\\w+\\s+){0,4}vor\\s*(?:[.,!?]|$)|umbuch|umleg|umaender|umgeaendert|umterminier|ummach|umplan|ausweich|terminaenderung|terminverschieb|terminverleg|\\bwechseln\\s+(?:zu|auf|in)\\b|\\baendern\\s+auf\\b|\\baenderungs?wunsch|" +
  "\\btermin\\w*\\s+(?:\\w+\\s+){0,3}wechseln|\\b(?:den|meinen|unseren)\\s+termin\\b(?:\\s+\\S+){0,4}?\\s+(?:frueher|spaeter)\\b|\\bwechseln\\s+(?:\\w+\\s+)?termin|terminwechsel|" +
  "\\b(?:spaeter|frueher|nach\\s+hinten|nach\\s+vorne?)\\s+(?:\\w+\\s+)?(?:legen|setzen|ziehen|holen|machen)\\b|" +
  "\\balternative\\b|\\b(?:spaeter|frueher)\\w*\\s+(?:\\w+\\s+)?(?:termin|uhrzeit|zeit|tag)\\b|" +
  "\\b(?:frueher|spaeter)\\s+(?:\\w+\\s+){0,2}als\\s+(?:geplant|gebucht|vereinbart)|" +
  "(?<!\\bmein\\w*\\s)\\bander\\w*\\s+(?:\\w+\\s+)?(?:zeit|uhrzeit|termin|tag|datum|zeitpunkt)\\b|" +
  "\\b(?:eine|einen|zwei|ein\\s+paar)\\s+(?:woche|tag|stunde)\\w*\\s+(?:spaeter|frueher)",
);
/** Swapping is a move only without a service ("Tausch des Führerscheins") or with the own booking named. */
export const SWAP = /\btausch\w*/;
/** "den Termin … auf Freitag legen / auf 15 Uhr setzen": a move when the object is the booking. */
export const MOVE_TO =
  /(?<!\b(?:einen|nen|ein|neuen)\s)\b\w*termin\w*\b(?:\s+\S+){0,8}?\s+(?:auf|in)\s+(?:\S+\s+){0,8}?(?:zu\s+)?(?:legen|setzen|ziehen|verlegen)\b|(?<!\b(?:einen|nen|ein|neuen)\s)\b\w*termin\w*\b(?:\s+\S+){0,8}?\s+auf\s+(?:\S+\s+){0,6}?machen\b|\b\w*termin\w*\b(?:\s+(?:\d[\d.:]*|[^\s,.;!?]+)){0,5}?\s+(?:bitte\s+)?auf\s+(?:den\s+|einen\s+)?(?:(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|morgen|uebermorgen|irgendwann)\b|naechst\w*|\d)|\b\w*termin\w*\s+(?:\w+\s+)?vo[nm]\s+\S+(?:\s+\S+){0,3}?\s+auf\s+/;
/** "neuer Termin …, der alte / jetzige passt nicht": a replacement, i.e. a move. */
export const REPLACE_OLD = /\b(?:alte|bisherige|jetzige)\w*\s+termin\w*\b.{0,80}\bneu|\b(?:neue[nrs]?|anderen)\s+(?:\w+\s+)?termin\b.{0,60}\b(?:alte|jetzige|bisherige)\w*|\b(?:alte|jetzige|bisherige)\w*\s+(?:termin\s+)?(?:\w+\s+){0,3}(?:passt|geht|klappt)\s+(?:\w+\s+)?nicht/;

/** A reference to one's own, existing booking. */
export const OWN_BOOKING =
  /\b(?:ihren|ihrem|seinen|seinem)\s+(?:\w+\s+)?(?:termin\w*|buchung\w*)\b|\b(?:ob|dass|ist|steht|wann)\s+(?:ihr|sein)\s+(?:\w+\s+)?termin\b|\bder\s+(?:\w+\s+)?termin\s+von\s+(?:frau|herrn?|meine\w*)\b|\b(?:sie|ihr)\s+(?:haben|habt)\s+mir\s+(?:\S+\s+){0,3}?termin\b|\bhab\w*\s+(?:\S+\s+){0,6}?(?:gebucht|vereinbart|ausgemacht)\b|\b(?:mein\w*|unser\w*)\s+(?:\w+\s+)?(?:termin\w*|buchung(?!scode|snummer)\w*|reservierung\w*)\b|\b(?:gebucht\w*|vereinbart\w*)\s+termin|\b(?:ich|wir)\s+(?:\w+\s+){0,3}(?:gebucht|eingetragen)\b|\bhab\w*\s+(?:ich\s+|wir\s+)?(?:\w+\s+)?(?:einen|nen|den)\s+termin\s+(?:am|fuer|um|bei|im|in)\b|\bder\s+termin\b/;
/** Having an appointment, said with "haben" ("Ich habe am Freitag einen Termin", "hab morgen nen Termin"). */
export const HAVE_APPOINTMENT =
  /\b(?:hat|hatte)\s+(?:sie|er|mein\w*\s+\w+|unser\w*\s+\w+|\w+)\s+(?:\S+\s+){0,4}?(?:einen|nen|den)\s+termin\b(?!\s+(?:\S+\s+){0,2}(?:frei|offen)\b)|\b(?:mein\w*|unser\w*)\s+(?:mutter|vater|mann|frau|sohn|tochter|oma|opa|eltern|nachbar\w*|mandant\w*|klient\w*)\s+(?:hat|hatte)\s+(?:\S+\s+){0,4}?(?:einen|nen|den)\s+termin\b|\b(?:bin|sind)\s+(?:ich|wir)\s+(?:\S+\s+){0,6}?dran\b(?!\s*\?)|\b(?:ich|wir)\s+(?:bin|sind)\s+(?:\S+\s+){0,6}?dran\b(?!\s*\?)|\b(?:ich|wir)\s+(?:hab\w*|hatte\w*)\s+(?:\S+\s+){0,8}?(?:einen|nen|den)\s+termin\b|\b(?:ich|wir)\s+(?:hab\w*|hatte\w*)\s+(?:\S+\s+){0,5}?termin\s+(?:fuer|am|um|morgen|heute|uebermorgen)\b|\b(?:hab\w*|hatte\w*)\s+(?:ich|wir)\s+(?:\S+\s+){0,5}?(?:einen|nen|den)\s+termin\b|^\W*(?:hab|habe|hatte)\s+(?:\S+\s+){0,5}?(?:einen|nen|den)\s+termin\b/;
/** "ich möchte ihn auf den 10.12. ändern": the own booking (as a pronoun) moved to a new slot. */
export const MOVE_PRONOUN =
  /\b(?:ihn|den|das|es)\s+(?:\S+\s+){0,3}?(?:auf|in|gegen)\s+(?:\S+\s+){0,5}?(?:zu\s+)?(?:legen|setzen|ziehen|aendern|tauschen|umstellen|schieben|machen)\b|\bkann\s+ich\s+(?:den|ihn|das|es)\s+(?:\S+\s+){1,4}?(?:machen|wahrnehmen|haben)\b/;
/** Keeping the appointment at another time: "den Termin auch später / erst nachmittags wahrnehmen". */
export const KEEP_AT_OTHER_TIME = /\b(?:auch|erst|lieber|spaeter|frueher)\b(?:\s+(?!nicht\b)\S+){0,5}?\s+wahr(?:zu)?nehmen\b/;
/** Asking whether another slot works too ("geht auch Freitag?", "komme lieber später"): a move when one has a booking. */
export const ALSO_OTHER_SLOT = new RegExp(
  "\\b(?:geht|ginge|passt|klappt|waere)\\s+(?:\\S+\\s+){0,3}?auch\\s+(?:etwas\\s+|ein\\s+bisschen\\s+|bisschen\\s+|ein\\s+wenig\\s+|eine\\s+stunde\\s+)?(?:(?:am|um|an|schon|erst|noch|gegen|so|nach|ab|bis|selben|gleichen|tag)\\s+){0,4}" +
  "(?:\\d|(?:(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch)\\w*|morgen|uebermorgen|naechst\\w*|vormittag\\w*|nachmittag\\w*|abends?|spaeter|frueher)|" +
  "\\b(?:komme|kommen)\\s+(?:\\w+\\s+)?(?:lieber\\s+)?(?:spaeter|frueher)\\b|\\bkann\\s+ich\\s+(?:auch\\s+)?(?:spaeter|frueher)\\b(?!\\s+(?:einfach|ohne))|" +
  "\\b(?:kann|koennte|darf|koennten|koennen)\\s+(?:ich|wir)\\s+(?:\\w+\\s+){0,2}?(?:auch|stattdessen|lieber|alternativ)\\s+(?:(?:am|um|an|schon|erst|noch|gegen|so|nach|ab|bis)\\s+){0,2}" +
  "(?:\\d|(?:(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch)\\w*|morgen|uebermorgen|naechst\\w*|vormittag\\w*|nachmittag\\w*|abends?|spaeter|frueher)",
);
/** Asking for a new appointment after a missed one ("kann ich einen neuen haben?"). */
export const NEW_ONE = /\b(?:einen|nen)\s+neuen\s+(?:haben|machen|bekommen|kriegen|geben|vereinbaren|ausmachen)\b|\bbrauch\w*\s+(?:einen|nen)\s+neuen\s*(?:[.,!?]|$)/;

/** What a status question asks about an own booking. */
export const STATUS_ASPECT =
  /^\W*(?:ist|war|steht|bleibt)\b|\b(?:wann|welche\w*|wo|wie\s+spaet|uhrzeit|tag|noch|aktuell|gueltig|bestaetigt|geklappt|richtig|stimmt|eingetragen|gebucht|gibt\s+es)\b/;
/** Not remembering or asking to be told the own appointment. */
export const FORGOT_BOOKING =
  /\b(?:weiss|wei\w*)\s+(?:\w+\s+)?nicht\s+mehr\s+(?:\w+\s+)?(?:wann|wo|welch\w*|um\s+wie\s*viel|in\s+welch\w*)|\bunsicher\b.{0,30}\b(?:buchung|termin|gebucht|geklappt)|\bmitteilen\b/;
/** "um welche Uhrzeit muss ich am Mittwoch da sein?": the time of an appointment one already has. */
export const WHEN_TO_APPEAR =
  /\b(?:hat|haben)\s+(?:\S+\s+){0,4}?(?:gebucht|reserviert|vereinbart)\b.{0,80}\bwann\s+(?:muss|muessen|soll|sollen)\s+(?:ich|wir)\b|\b(?:um\s+welche\s+uhrzeit|wann\s+genau|um\s+wie\s*viel\s+uhr)\s+(?:muss|soll|darf)\s+ich\b(?:\s+\w+){0,4}\s+(?:da\s+sein|kommen|erscheinen|dort\s+sein)/;
/** A tag that asks to confirm a statement ("…, richtig?", "…, oder?"). */
export const CONFIRMATION_TAG = /(?:,|\s)\s*(?:richtig|oder|stimmt\w*|nicht\s+wahr|gell|ne)\s*\?/;

/** A wish or a need: modal verbs and their polite forms. */
export const WISH =
  /\b(?:moechte\w*|wuerde\w*\s+(?:\w+\s+){0,3}gerne?|haette\w*\s+(?:\w+\s+){0,3}gerne?|brauch\w*|braeuchte\w*|benoetig\w*|will|wollen|wuensche\w*|bitte\s+um|bitten\s+um|muss|muessen)\b/;
/** What a booking wish is about: the appointment itself, coming in, or free capacity. */
export const APPOINTMENT_OBJECT =
  /\btermin\w*|\bbuchung|\bslot\b|\b(?:vorbei\s*)?kommen\b|\bvorbeischauen|\bvorsprechen|\beinplanen|\beintragen\b|\b(?:was|etwas|noch)\s+(?:frei|offen)\b|\bfrei\w*\s+termin|\bmoeglich\b|\bmachbar\b|\bgehen\b/;
/** Asking for capacity or a slot: a booking even in question form. */
export const AVAILABILITY =
  /\b(?:was|etwas)\s+(?:spaeter|frueher)\w*|\bkann\s+(?:ich|man)\s+(?:\S+\s+){0,3}?(?:einen|nen)\s+termin\b|\b(?:was|etwas|noch\s+was|noch\s+etwas)\s+(?:frei|offen)\b|\btermine?\s+(?:\w+\s+)?(?:frei|moeglich|machbar|offen)\b|\bfreie[nr]?\s+termin|\bslot\b|\beinplanen\b|\bbitte\s+um\s+(?:\w+\s+){0,2}termin|\bvergabe\s+eines\s+termin/;
/** "Kann ich morgen kommen?" asks for a slot; "Kann ich ohne Termin vorbeikommen?" asks about walk-ins (info). */
export const COME_QUESTION = /\b(?:kann|koennte|darf)\s+ich\s+(?:\w+\s+){0,6}(?:vorbei\s*)?kommen\b|\bwann\s+(?:\w+\s+){0,2}(?:kann|koennte)\s+ich\s+(?:\w+\s+){0,6}kommen\b/;
export const WALK_IN = /\bohne\s+(?:\w+\s+)?termin|\beinfach\s+(?:so\s+)?(?:vorbei|kommen)|\bspontan/;

/** Speaking to the assistant itself: questions about its abilities, nature or use. */
export const ADDRESSING_ASSISTANT =
  /\b(?:kannst|bist|machst|bietest|verstehst|sprichst|funktionierst)\s+du\b(?!\s+mir\s+(?:\w+\s+)?(?:sagen|mitteilen|nennen|zeigen|schicken|senden|geben|buchen|raussuchen|heraussuchen))|\bdu\s+(?:kannst|bist)\b|\bkann\s+ich\s+(?:dir|dich|ihnen\s+hier)\b/;
/** Asking for an appointment from the assistant ("Kannst du mir einen Termin geben?") is not a help question. */
export const APPOINTMENT_REQUEST = /termin|buch|reservier|\bfrei\b/;
export const ASSISTANT_QUESTION = new RegExp(
  "\\bwie\\s+laeuft\\s+(?:das|es)\\s+(?:hier\\s+)?ab\\b|\\bwas\\s+biete[st]\\w*\\s+(?:du|ihr|sie)\\b|\\bmensch\\s+oder\\b|\\boder\\s+(?:eine?\\s+)?(?:maschine|bot|ki|roboter|computer)\\b|" +
  "\\bkenne\\s+mich\\b.{0,30}\\bnicht\\s+aus\\b|\\bwas\\s+fuer\\s+fragen\\b|\\bwelche\\s+fragen\\b|\\berklaer\\w*\\s+(?:du\\s+)?mir\\b|" +
  "\\b(?:hilfe|helfen)\\b.{0,25}\\b(?:chat|bot|programm|app|seite|assistent\\w*)\\b|" +
  "\\bmit\\s+(?:einem|einer|nem|ner)\\s+(?:bot|chatbot|roboter|menschen?|maschine|ki|computer|programm)\\b|" +
  "\\bist\\s+(?:das|dies)\\s+(?:hier\\s+)?(?:der|die)\\s+richtige\\w*\\s+(?:weg|stelle|ort|seite)\\b|" +
  // "Ich komme mit dem Chat nicht klar", "Was soll ich hier eingeben?", "Was kann ich über dich erledigen?"
  "\\bkomm\\w*\\s+(?:\\S+\\s+){0,4}nicht\\s+(?:klar|zurecht)\\b|\\b(?:den|diesen)\\s+(?:chat|bot|assistenten)\\s+(?:\\w+\\s+){0,4}(?:nutzen|benutzen|verwenden|bedienen)\\b|" +
  "\\b(?:kann|kannst|spricht|versteht|verstehst)\\s+(?:der\\s+bot|der\\s+chat|du)\\s+(?:auch\\s+)?(?:englisch|english|tuerkisch|arabisch|russisch|polnisch|ukrainisch)\\b|" +
  "\\bwie\\s+funktioniert\\s+das\\s+mit\\s+(?:den|dem)\\s+(?:buchungscode|code|link)\\w*|\\bformular\\w*\\s+(?:\\w+\\s+)?nicht\\b|\\bversteh\\w*\\s+(?:\\w+\\s+)?formular|" +
  "\\bfunktioniert\\s+(?:der|dieser|das)\\s+(?:chat|bot|assistent\\w*|system)\\b|" +
  "\\bwie\\s+(?:benutz|bedien|nutz|funktionier)\\w*\\s+(?:\\w+\\s+)?(?:chat|bot|programm|seite|app|system)\\b|\\bwas\\s+(?:ich|man)\\s+(?:muss|soll|kann)\\s+(?:hier\\s+)?(?:schreiben|eingeben)\\b|" +
  "\\b(?:wie|wo)\\s+(?:geb|gebe|trage|tippe)\\w*\\s+(?:ich|man)\\s+(?:\\S+\\s+){0,7}?(?:ein|an)\\b|" +
  "\\b(?:system|bot|assistent\\w*|chat|programm)\\b.{0,40}\\bversteh\\w*|\\bfunktioniert\\s+(?:das|es|der\\s+chat|dieser\\s+chat)\\s+(?:hier\\s+)?(?:ueberhaupt|eigentlich|noch)?\\s*\\?|" +
  "\\b(?:assistent\\w*|bot|chat)\\b.{0,30}\\b(?:api|schnittstelle)\\b|\\b(?:mit\\s+ihnen|mit\\s+dir|mit\\s+euch|hier)\\s+(?:auch\\s+)?auf\\s+\\w+isch\\s+(?:schreiben|kommunizieren|chatten)\\b|\\b(?:speicher\\w*|datenschutz|meine[nm]?\\s+daten)\\b.{0,60}\\b(?:chat|hier)\\b|\\bspeak\\s+english\\b|\\b(?:sprichst\\s+du|sprechen\\s+sie|verstehst\\s+du)\\s+(?:auch\\s+)?(?:englisch|english|tuerkisch|arabisch|russisch|polnisch|ukrainisch|\\w+isch)\\b|\\bstichw(?:oe|o)rt\\w*|\\bschluesselw(?:oe|o)rt\\w*|" +
  "\\bwas\\s+(?:ich|man)\\s+(?:hier\\s+)?(?:\\w+\\s+)?(?:eingeben|schreiben|eintippen)\\s+(?:soll|muss|kann)\\b|" +
  "\\bwas\\s+(?:soll|kann|muss|darf)\\s+(?:ich|man)\\s+(?:hier\\s+(?:\\w+\\s+){0,2}(?:schreiben|eingeben|eintippen|fragen|tun|machen|erledigen)|(?:\\w+\\s+){0,2}(?:schreiben|eingeben|eintippen))\\b|" +
  "\\b(?:ueber|mit|bei)\\s+(?:dich|dir|diesen\\s+(?:chat|bot|assistenten)|diese\\s+seite)\\b(?:\\s+\\w+){0,3}\\s+(?:erledigen|machen|regeln|tun|buchen)\\b|" +
  "\\b(?:welche\\w*|was\\s+fuer)\\s+(?:\\w+\\s+)?(?:sachen|dinge|anliegen|dienste|leistungen|aufgaben)\\s+(?:kann|koennen|kannst)\\s+(?:ich|man|du)\\b",
);

/** An act verb that the sender says they do not want ("ich will nichts stornieren", "den Termin nicht ändern"). */
export const NEGATED_ACT =
  /\b(?:nicht|nichts|nix|keine?n?)\s+(?:\w+\s+)?(?:termin\s+)?(?:buchen|vereinbaren|ausmachen|absag\w*|abzusagen|stornier\w*|loeschen|canceln|verschieb\w*|aendern|umbuch\w*|verleg\w*)/g;
/** Deleting a message is not cancelling an appointment ("hab die Mail gelöscht"). */
export const MESSAGE_DELETED =
  /\bloesch\w*\s+(?:sie\s+)?(?:bitte\s+)?(?:meine|alle|die|unsere)\s+(?:\w+\s+)?(?:daten|kundenkonto|konto|account)\b|\b(?:meine|ihre|die|alle)\s+(?:\w+\s+)?(?:daten|konto|kundenkonto|account|e-mail-adresse|telefonnummer)\s+(?:\w+\s+){0,3}(?:loeschen|geloescht)\b|\b\w*(?:mail|sms|nachricht|bestaetigung|brief|link|verlauf)\w*\s+(?:\w+\s+){0,3}(?:geloescht|loeschen|weggeworfen)\b/g;
/** The own, still pending appointment that does not work out ("mein Termin am 3.12. klappt nicht"). */
export const OWN_NOT_WORKING =
  /\btermin\w*\b(?:\s+\S+){0,8}?\s+(?:ist|waere)\s+(?:mir\s+|uns\s+)?(?:leider\s+)?zu\s+(?:frueh|spaet)\b|(?<!\b(?:einen|nen|ein|neuen)\s)\btermin\w*\b(?:\s+\S+){0,6}?\s+(?:passt|klappt|geht)\s+(?:\S+\s+){0,3}?nich?t\b|\btermin\w*\b(?:\s+\S+){0,6}?\s+(?:ist|waere|wird)\s+(?:\w+\s+)?(?:bloed|unguenstig|schlecht|doof|ungeschickt|problematisch|unpassend)\b|\btermin\w*\b.{0,40}\b(?:kollidier\w*|ueberschneid\w*|ueberschnitten)|\btermin\w*,?\s+(?:der|das|den)\s+(?:\w+\s+){0,2}(?:passt|klappt|geht)\s+(?:\w+\s+){0,2}nich?t\b|\b(?:mein\w*|unser\w*|der|den)\s+(?:\w+\s+)?termin\w*\b(?:\s+\S+){0,5}?\s+(?:passt|klappt|geht)\s+(?:\w+\s+)?(?:leider\s+)?(?:nich?t|doch\s+nicht)\b/;
/** A replacement asked for: "bitte einen neuen", "hätte gern einen früheren". */
export const REPLACEMENT_WISH =
  /(?:^|[.!?\n]\s*)neue[nr]?\s+termin\b|\bbuche\w*\s+(?:\w+\s+)?neu\b|\bneu\s+buchen|\bwie\s+waere\w*\s+(?:es\s+mit\s+)?(?:\S+\s+){0,2}?(?:am|um|der|den|\d|montag|dienstag|mittwoch|donnerstag|freitag|samstag|morgen|uebermorgen|naechst\w*)|(?<!\bes\s)\bgeht\s+(?:auch\s+)?(?:(?:heute|morgen|uebermorgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag)\b|\d|naechst\w*|am\s+\S+|um\s+\d)|\beinen\s+neuen\s*(?:[.!]|$)|\bwaere\s+(?:\w+\s+){0,2}termin\b|\bwaere\s+(?:auch\s+)?(?:\S+\s+){0,5}?moeglich|\bbitte\s+auf\s+(?:den\s+|einen\s+)?(?:(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|morgen|uebermorgen)\b|naechst\w*|\d)|\bbrauch\w*\s+aber\s+(?:einen|nen|eine)\b|\b(?:lieber|besser|stattdessen|dafuer|alternativ)\b(?:\s+\w+){0,3}?\s+(?:(?:am|um|an|den|ab|nach|in)\s+\w|naechst\w*|\d|(?:(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch)\w*|morgen|uebermorgen)|\b(?:haben|habt|haetten|gibt)\s+(?:sie|ihr|es)\s+(?:auch\s+|noch\s+)?(?:was|etwas|einen)\b|\bgibt'?s\s+(?:auch\s+|noch\s+)?(?:was|etwas|einen)\b|\bginge\s+(?:auch\s+)?(?:der|die|am|um|an|\d|(?:(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch)|morgen|uebermorgen)|\b(?:einen|nen)\s+neuen\s+termin|\b(?:einen|um\s+einen|ein)\s+ersatz\w*|\b(?:bitte|gerne?|brauch\w*|benoetig\w*|moechte\w*|haette\w*|braeuchte\w*|dafuer|stattdessen)\s+(?:\w+\s+){0,3}(?:einen|nen)\s+(?:neuen|anderen|frueheren|spaeteren)\b/;
/** "hab Mo 10 Uhr, brauche aber Di": the slot one has against the one one needs. */
export const HAVE_BUT_NEED =
  /\b(?:hab|habe|hatte)\s+(?:\S+\s+){0,3}?(?:\d{1,2}(?:[:.]\d\d)?(?:\s*uhr)?|(?:mo|di|mi|do|fr|sa|montag|dienstag|mittwoch|donnerstag|freitag|samstag)\b\w*),?\s+(?:\S+\s+){0,2}?(?:brauch\w*|braeuchte|moechte|will|haette)\s+(?:\w+\s+)?aber\b/;
/** A comparative slot asked for instead of the own one: "einen früheren", "einen späteren". */
export const EARLIER_LATER_ONE = /\b(?:einen|nen)\s+(?:frueher|spaeter)\w*\b/;
/** The own booking with a changed preference: "meinen Termin lieber in Hörde", "… statt in Mitte". */
export const OWN_PREFERENCE_CHANGE = /\blieber\s+(?:\w+\s+){0,3}?(?:in|am|um|an|nach|ab|den|die|vor|bis|gegen|frueher|spaeter)\b(?=\s+\w)|\bstatt\s+(?=\w)(?!finde)/;
/** Asking whether the own booking (by pronoun) holds: "…, ob er wirklich am 4.12. ist". */
export const WHETHER_IT_HOLDS =
  /\b(?:ob|dass)\s+(?:er|dieser|der|die|alles|mein\w*|unser\w*|ihr\w*|sein\w*)\b(?:\s+\S+){0,14}?\s+(?:ist|gilt|steht|stimmt|klappt|passt|bleibt|stattfindet|bestand\s+hat|besteht|vorliegt|vorhanden\s+ist)\b/;
/** Thanks for or receipt of a cancellation notice is no cancellation ("Danke für die Absage-Bestätigung"). */
export const THANKS_FOR_NOTICE =
  /(?<=\bdank\w*\s+(?:\w+\s+){0,2})fuer\s+(?:die|ihre|eure|deine|den)\s+(?:\w+\s+)?\S*(?:absage|stornierung|storno|bestaetigung|umbuchung|verschiebung)\S*/g;
/** "kein Termin mehr frei" complains about availability; it does not ask for a slot. */
export const NONE_FREE = /\bkein\w*\s+(?:neue\w*|weitere\w*|ersatz\w*|anderen)\s*termin\w*|\bkein\w*\s+(?:\w+\s+)?termine?\s+(?:\w+\s+)?frei\b/g;
/** A question whether a message about the booking should have arrived ("Sollte ich nicht eine Mail bekommen?"). */
export const NOTICE_EXPECTED = /\b(?:mail|e-mail|email|bestaetigung\w*|nachricht|sms|brief)\b.{0,30}\b(?:bekommen|erhalten|kriegen|gekriegt|kommen)\b/;
/** How an act works, asked about an appointment in general ("Wie kann ich einen Termin absagen?"): a help question. */
export const HOW_TO_ACT =
  /\bkann\s+(?:ich|man)\s+(?:hier|ueber\s+(?:sie|dich|euch))\s+(?:\w+\s+){0,4}termine?\s+(?:\w+\s+){0,4}(?:buchen|absagen|stornieren|verschieben)\b|\bkann\s+(?:ich|man)\s+(?:ueber\s+(?:diesen|den)\s+(?:chat|bot|assistenten)|ueber\s+dich)\s+(?:\w+\s+){0,4}(?:absagen|stornieren|verschieben|aendern|buchen|umbuchen)\b|\bkann\s+(?:ich|man)\s+hier\s+(?:auch\s+)?(?:\w+\s+)?(?:absagen|stornieren|verschieben|umbuchen|aendern)\s*\?|\bkann\s+man\s+(?:hier|darueber|damit|dort|da)\s+(?:\w+\s+){0,4}(?:absagen|stornieren|verschieben|aendern|buchen|umbuchen)\b|\bkann\s+(?:ich|man)\s+(?:hier|ueber\s+(?:diesen|den)\s+(?:chat|bot|assistenten)|ueber\s+dich|bei\s+dir|mit\s+dir)\s+(?:\w+\s+){0,2}termine?\w*\s+(?:absagen|stornieren|verschieben|aendern|buchen|umbuchen|verlegen)\b|\bwie\s+(?:(?:kann|koennte|muss|soll)\s+)?(?:ich|man)\s+(?:hier\s+|denn\s+|online\s+)?(?:einen|termine|ein)\s+(?:\w+\s+)?termin\w*\s+(?:\w+\s+)?(?:absagen|stornieren|verschieben|aendern|buchen|umbuchen|verlegen)\b|\bwie\s+(?:buche|storniere|verschiebe|sage|aendere|verlege)\s+(?:ich|man)\s+(?:hier\s+)?(?:einen|termine)\b/;
