// Disambiguation between catalogue services (nlu.md §5.2). The action wins over the document:
// collecting a finished ID is "abholung", certifying a birth certificate is "beglaubigung";
// "anmelden" means a car, a business or a marriage when those are named.

const VEHICLE = /\b(?:auto\w*|fahrzeug\w*|kfz\w*|pkw|wagen|motorrad|roller|anhaenger|wohnmobil|lkw|kennzeichen)\b/;
const BUSINESS = /\bgewerbe\w*/;
const MARRIAGE = /\b(?:ehe|eheschliessung|heirat\w*|hochzeit|trau(?:ung|termin)\w*|standesamtlich\w*)\b/;
const EMIGRATION = /\b(?:ausland|wegzug|wegziehen|ziehe\s+(?:\w+\s+){0,4}weg|abmeld\w*|auswander\w*)\b/;
const LOST_AND_FOUND_PLACE = /\bfund\w*/;
const NOT_FOUND = /\b(?:nicht|nie|nirgends|nirgendwo)\s+(?:\w+\s+)?(?:gefunden|finden)\b|\b(?:link|mail|seite|button|knopf|formular)\b.{0,30}\bgefunden\b/;
const ID_DOCUMENTS = ["personalausweis", "reisepass", "kinderreisepass"];
const CERTIFIABLE = ["geburtsurkunde", "sterbeurkunde", "eheschliessung", "meldebescheinigung", "fuehrungszeugnis", "personalausweis", "reisepass"];
/** Generic verbs that alone name a service only when nothing out of scope is around. */
export const GENERIC_SERVICE_WORDS = new Set(["anmelden", "anmeldung", "abmelden", "abmeldung", "ummelden", "ummeldung", "abholen", "abholung", "zulassung", "zulassen"]);

function replace(ids: string[], from: string, to: string): string[] {
  return ids.includes(from) ? [...new Set(ids.map((id) => (id === from ? to : id)))] : ids;
}

export function applyServiceRules(ids: string[], folded: string): string[] {
  let out = [...ids];
  const has = (id: string) => out.includes(id);
  if (VEHICLE.test(folded)) {
    out = replace(out, "anmeldung", "kfz_zulassung");
    out = replace(out, "abmeldung", "kfz_abmeldung");
    if (has("kfz_abmeldung") && has("kfz_zulassung") && !/zulass|ummeld/.test(folded)) out = out.filter((id) => id !== "kfz_zulassung");
  }
  if (BUSINESS.test(folded)) {
    out = replace(out, "anmeldung", "gewerbeanmeldung");
    out = replace(out, "abmeldung", "gewerbeanmeldung");
  }
  if (MARRIAGE.test(folded) && has("eheschliessung")) out = out.filter((id) => id !== "anmeldung");
  if (has("anmeldung") && has("abmeldung")) {
    out = out.filter((id) => id !== (EMIGRATION.test(folded) ? "anmeldung" : "abmeldung"));
  }
  if (has("abholung") && has("fundsache")) out = out.filter((id) => id !== "abholung");
  if (has("abholung")) out = out.filter((id) => !ID_DOCUMENTS.includes(id));
  if (has("beglaubigung")) out = out.filter((id) => !CERTIFIABLE.includes(id));
  if (has("fundsache") && !LOST_AND_FOUND_PLACE.test(folded) && out.some((id) => ID_DOCUMENTS.includes(id))) {
    // "Ausweis verloren" asks for a new ID, not for the lost-and-found office
    out = out.filter((id) => id !== "fundsache");
  }
  // "den Link nicht gefunden": finding nothing on a page is no lost property
  if (has("fundsache") && !LOST_AND_FOUND_PLACE.test(folded) && NOT_FOUND.test(folded)) out = out.filter((id) => id !== "fundsache");
  if (has("internationaler_fuehrerschein")) out = out.filter((id) => id !== "fuehrerschein_umtausch");
  return out;
}
