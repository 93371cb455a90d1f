// Cue patterns per intent and info topic, matched against folded text (ä → ae, ß → ss, lower case).

export const RESCHEDULE_CUES =
  /verschieb|verleg|umbuch|umleg|umterminier|\banderen termin|\banderer termin|termin tauschen|statt\b.{1,40}\blieber\b|(?:absag|absage|stornier)\w*\s+und\s+(?:\w+\s+){0,3}(?:neu|ander)|\bauf\s+(?:einen\s+)?(?:spaeteren|frueheren|anderen)\s+(?:tag|termin|zeitpunkt)/;
export const CANCEL_CUES =
  /absag|\babsage\b|stornier|storno|\bloesch|cancel|faellt\s+(?:\w+\s+)?aus|nicht\s+(?:mehr\s+)?wahrnehmen|brauche\b.{0,50}\bnicht mehr|benoetige\b.{0,50}\bnicht mehr|\bnicht mehr (?:brauche|benoetige)|kann\b.{0,40}\bnicht (?:kommen|wahrnehmen)|termin\s+zurueck/;
export const STATUS_CUES =
  /(?:wann|wo|um wie ?viel uhr)\s+(?:ist|war)\s+(?:\w+\s+)?mein\w*\s+termin|\bmein\w*\s+(?:termin|buchung)\b.{0,40}\b(?:gueltig|bestaetigt|aktuell|gespeichert|eingetragen|steht)|(?:habe|hab|hatte)\s+ich\s+(?:\w+\s+)?(?:einen|nen|den)\s+termin\b.{0,20}\?|keine\s+(?:\w+\s+)?(?:bestaetigung|bestaetigungsmail|mail|e-mail|email|nachricht)|bestaetigung\s+(?:\w+\s+)?(?:nicht|nie)\s+(?:\w+\s+)?(?:bekommen|erhalten)|zeig\w*\b.{0,25}\b(?:buchung|termin)|\bmeine\s+buchung|\bob\s+mein\w*\s+termin|termin\b.{0,25}\bbestaetigt|\bstatus\b/;
export const BOOK_CUES =
  /(?:einen|nen|neuen|freien|freie|naechsten|ersten|weiteren|kurzfristigen)\s+(?:\w+\s+)?termin|\btermin(?:e|anfrage|wunsch|vereinbarung|buchung)?\s+(?:fuer|zum|zur|wegen|bitte|am|in|um)\b|\btermine?\s+(?:noch\s+)?frei|^\W*termin\b|\bbuchen|vereinbaren|reservier|beantrag|vorbeikommen|vorbeischauen|\bbrauch\w*\s+(?:ich\s+)?(?:einen|ein|eine|nen|ne|neue[nrs]?|zwei|drei|vier)\b|benoetige\s+(?:einen|ein|eine|neue[nrs]?)|haette\s+gerne?|moechte\s+(?:\w+\s+)?(?:einen|ein|eine|gerne?|mich|meinen\s+wohnsitz|\w+\s+beantragen)|moechten\s+(?:\w+\s+)?(?:einen|ein|eine|gerne?|uns|unsere)|wuerde\s+gerne?|will\s+(?:\w+\s+)?(?:einen|ein|eine|heiraten|mich)|\bwas\s+frei|\bnoch\s+(?:was|etwas)\s+frei|\bgeht\s+(?:es|das)\b|\bpasst\s+es\b|\bmuss\s+(?:mich|mein\w*)\s+\w*(?:melden|zulassen)/;
export const INFO_QUESTION =
  /\?|^\W*(?:was|wie|wo|wann|welche\w*|kann|koennen|muss|gibt|hat|haben|habt|ist|sind|bis wann|brauche ich|wieviel)\b|ich wollte fragen|\bfrage\b|\binfo/;
export const HELP_CUES =
  /was\s+kann(?:st)?\s+(?:du|ich\s+hier|man\s+hier)|wie\s+funktioniert|wie\s+geht\s+das\s+hier|^\W*hilfe\b|brauche\s+hilfe|hilfe\s+bitte|\bhelp\b|wie\s+(?:buche|mache)\s+ich|wer\s+bist\s+du|bist\s+du\s+ein|was\s+(?:bist|machst)\s+du|anleitung|bedienung|was\s+(?:kann|macht)\s+(?:dieser|der)\s+(?:bot|assistent|chat)/;
export const GREETING_CUES =
  /^\W*(?:hallo|hi|hey|moin|servus|guten\s+(?:tag|morgen|abend)|gruess\s+gott|danke|vielen\s+dank|dankeschoen|tschuess|auf\s+wiedersehen|bye|ciao|schoenen\s+tag|bis\s+dann|ok(?:ay)?\s+danke|super|alles\s+klar|gute\s+nacht)/;
/** Requests the citizen office does not handle; without a catalogue service they are "unknown". */
export const OUT_OF_SCOPE_CUES =
  /\b(?:hund\w*|katze|wohngeld|muell\w*|sperrmuell|buergergeld|elterngeld|kindergeld|steuer\w*|bauantrag|baugenehmigung|visum|aufenthaltstitel|einbuergerung|buergermeister\w*|beschwer\w*|laerm\w*|knoellchen|strafzettel|regnet|wetter|regen|schnee|pizza|fussball|impf\w*|arzt|kita\w*|schule)\b/;

export const INFO_TOPIC_CUES: ReadonlyArray<readonly [string, RegExp]> = [
  ["opening_hours", /oeffnungszeit|geoeffnet|\boffen\b|\boeffnet|\bauf\s*haben|\bhabt\s+ihr\s+(?:\w+\s+){0,3}auf\b|schliess|\bzu\s+haben/],
  ["documents", /unterlagen|mitbringen|mitnehmen|dokumente\b|\bwas\s+(?:brauche|benoetige)\s+ich|welche\s+papiere|nachweis|passfoto|\bfoto\b/],
  ["fees", /\bkost|gebuehr|preis|bezahl|\bzahlen|ec-?karte|kartenzahlung|\bbar\b|\beuro\b/],
  ["address", /\bwo\s+(?:ist|sind|finde|befindet|genau)(?!\s+mein)|adresse|anfahrt|parkpl|\bparken\b|barrierefrei|rollstuhl|aufzug|erreichbar|wie\s+komme\s+ich/],
  ["processing_time", /wie\s+lange\s+dauert|dauert\s+es|\bfertig\b|bearbeitungszeit|wie\s+lange\s+braucht|wann\s+kann\s+ich\s+(?:\w+\s+){0,4}abholen/],
  ["other", /ohne\s+termin|spontan|persoenlich|wer\s+muss|vollmacht|\bgueltig\b|muss\s+(?:\w+\s+){0,4}(?:mitkommen|kommen|erscheinen|dabei\s+sein|anwesend)|kann\s+(?:\w+\s+){0,3}(?:jemand|mein\w*\s+(?:mann|frau|sohn|tochter|vater|mutter|partner\w*))\s+(?:\w+\s+){0,4}(?:erledigen|abholen)|\bvertret/],
];
