// Urgency needs an explicit marker (nlu.md §5.2); "heute noch", a deadline, a plain "schnell" ("brauche schnell
// einen neuen") or "zeitnah" alone are not one, "möglichst schnell" / "so zeitnah wie möglich" are.
// Forms of the listed markers count as well: "dringlich", "schnellstens", "so bald als möglich", "den
// frühesten Termin", regional "es pressiert". A negated marker is none: "nicht dringend", "es eilt nicht".

const URGENT =
  /\b(?:dringend\w*|dringlich\w*|eilig\w*|es\s+eilt|eilt|pressiert|asap|sofort|umgehend\w*|schnellstmoeglich\w*|schnellstens|fruehestmoeglich\w*|naechstmoeglich\w*|baldmoeglichst\w*|baldigst|so\s+(?:frueh|schnell|bald|zeitnah)\s+(?:wie|als)\s+(?:moeglich|es\s+geht)|moeglichst\s+(?:schnell|bald|frueh|zeitnah)|(?:naechste[nr]?|erste[nr]?|fruehste[nr]?)\s+(?:freie[nr]?|verfuegbare[nr]?|moegliche[nr]?)\s+termin|(?:den|der|einen)\s+fruehesten\s+termin|notfall)\b/g;
/** "nicht dringend", "kein Notfall", "nicht so eilig", "es eilt nicht", "ist nicht eilig". */
const NEGATED_BEFORE = /\b(?:nicht|kein|keine|keinen|nich|net)\s+(?:so\s+|sehr\s+|besonders\s+|wirklich\s+|super\s+)?$/;
const NEGATED_AFTER = /^\s*(?:aber\s+)?(?:nicht|nich|net)\b/;

export function isUrgent(folded: string): boolean {
  for (const m of folded.matchAll(URGENT)) {
    const at = m.index ?? 0;
    const before = folded.slice(Math.max(0, at - 30), at);
    const after = folded.slice(at + m[0].length, at + m[0].length + 12);
    if (NEGATED_BEFORE.test(before)) continue;
    // "es eilt nicht", "pressiert nicht": the verb is negated after it
    if (/^(?:es\s+eilt|eilt|pressiert)$/.test(m[0]) && NEGATED_AFTER.test(after)) continue;
    return true;
  }
  return false;
}
