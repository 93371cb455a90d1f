// Urgency needs an explicit marker (nlu.md §5.2); "heute noch", a deadline, a plain "schnell" ("brauche schnell
// einen neuen") or "zeitnah" alone are not one, "möglichst schnell" / "so zeitnah wie möglich" are.

const URGENT =
  /\b(?:dringend\w*|eilig\w*|es\s+eilt|eilt|asap|sofort|umgehend|schnellstmoeglich\w*|fruehestmoeglich\w*|naechstmoeglich\w*|baldmoeglichst\w*|so\s+(?:frueh|schnell|bald|zeitnah)\s+wie\s+(?:moeglich|es\s+geht)|moeglichst\s+(?:schnell|bald|frueh|zeitnah)|(?:naechste[nr]?|erste[nr]?|fruehste[nr]?)\s+(?:freie[nr]?|verfuegbare[nr]?|moegliche[nr]?)\s+termin|notfall)\b/;

export function isUrgent(folded: string): boolean {
  return URGENT.test(folded);
}
