// Mail bodies carry text that is not the request: quoted history, signatures with streets and dates,
// forwarded headers. Cutting them before any extraction removes most false locations and dates.

const QUOTE_HEADER = /^[ \t]*(?:am|on)\b[^\n]{0,200}\b(?:schrieb|wrote)\b[^\n]*$/im;
const ORIGINAL_MESSAGE = /^[ \t]*-{2,}[ \t]*(?:original|ursprüngliche|weitergeleitete)[^\n]*$/im;
const FORWARD_HEADER = /^[ \t]*(?:von|from|gesendet|sent):[ \t][^\n]*\n[ \t]*(?:an|to|gesendet|sent|datum|date|betreff|subject):/im;
const SIGNATURE_DASHES = /^-- ?$/m;
/** The header lines of a forwarded mail. */
const FORWARD_HEADER_LINES = /^[ \t]*(?:-{2,}[^\n]*|(?:von|from|an|to|cc|gesendet|sent|datum|date)[ \t]*:[^\n]*)$/gim;
/** Closing formulas; everything after them is the signature. */
const CLOSING =
  /(?:^|[\n.!?,;)]|\s-)[ \t]*(?:mit\s+(?:den\s+)?(?:freundlichen|besten|herzlichen|lieben|vielen)\s+gr(?:ü|ue|u)(?:ß|ss)(?:en)?|(?:viele|liebe|beste|herzliche|freundliche|sonnige)\s+gr(?:ü|ue|u)(?:ß|ss)e|gr(?:ü|ue|u)(?:ß|ss)e?(?=[ \t]*(?:[,\n]|$|\p{Lu}))|mfg\b|lg\b|vg\b|bg\b|cheers\b)/iu;
const SUBJECT_PREFIX = /^[ \t]*(?:betreff|subject)[ \t]*:[ \t]*(?:(?:aw|re|wg|fw|fwd)[ \t]*:[ \t]*)*/gim;

export function stripEmailNoise(text: string): string {
  let body = text;
  body = body.replace(/^[ \t]*>[^\n]*$/gm, "");
  for (const cut of [QUOTE_HEADER, ORIGINAL_MESSAGE, FORWARD_HEADER, SIGNATURE_DASHES]) {
    const m = cut.exec(body);
    if (!m) continue;
    // a forwarded mail with nothing written above it is the request itself: drop only its header lines
    const forwardedOnly = cut !== SIGNATURE_DASHES && cut !== QUOTE_HEADER && (body.slice(0, m.index).match(/\p{L}/gu)?.length ?? 0) < 15 &&
      /weitergeleitet|forwarded|^[ \t]*(?:wg|fwd?)[ \t]*:/im.test(body.slice(0, m.index + m[0].length + 200));
    body = forwardedOnly ? body.slice(0, m.index) + body.slice(m.index).replace(FORWARD_HEADER_LINES, "") : body.slice(0, m.index);
  }
  const closing = CLOSING.exec(body);
  // A closing formula in the first characters is a one-line thanks, not the start of a signature.
  if (closing && closing.index > 8) body = body.slice(0, closing.index + (closing[0].match(/^[\n.!?,;)]/) ? 1 : 0));
  // the subject stays as a line of its own, marked, so it is not read as the first sentence of the request
  return body.replace(SUBJECT_PREFIX, "Betreff: ");
}

const SALUTATION =
  /^\s*(?:sehr\s+geehrte[rs]?(?:\s+(?:damen\s+und\s+herren|frau|herr)[^,\n!]{0,40})?|liebe[rs]?\s+(?!(?:in|im|am|um|an|ab|nach|vor|mit|per|erst|doch|nicht|heute|morgen|(?:(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch)\w*|\d+|eine?n?|den|die|das|spaeter|später|frueher|früher|nachmittags?|vormittags?)\b)[^,\n!]{1,40}(?=[,\n!])|hallo(?:\s+(?:zusammen|liebes?\s+[^,\n!]{1,30}|[A-ZÄÖÜ][\p{L}-]*))?|guten\s+(?:tag|morgen|abend)(?:\s+(?:zusammen|frau|herr)[^,\n!]{0,30})?|moin(?:\s+moin)?|servus|hi|hey|grüß\s+gott)\s*(?:[,!\n.]|$)/iu;

/** The salutation ("Guten Morgen,") would otherwise be read as a date ("morgen"). */
export function stripSalutation(text: string): string {
  const m = SALUTATION.exec(text);
  return m ? " ".repeat(m[0].length) + text.slice(m[0].length) : text;
}
