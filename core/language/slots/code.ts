// Booking codes look like "K7P-2QX". Licence plates ("DO-AB 123") and number ranges ("100-200") do not.
// Right after a word that names the code ("Code", "Buchungscode", "Buchungsnummer: …"), a code written with a
// space, a dash with spaces or no separator at all is still one: "Code K7P 2QX", "Buchungscode: k7p2qx".

const CODE = /(?<![\p{L}\p{N}-])([A-Za-z0-9]{3})-([A-Za-z0-9]{3})(?![\p{L}\p{N}-])/gu;
const NAMED_CODE =
  /\b(?:code|buchungscode|buchungsnummer|buchungsnr|bestätigungscode|bestaetigungscode|referenz(?:nummer)?|vorgangsnummer|terminnummer|nummer|nr)\.?\s*(?:ist|lautet|war)?\s*[:#]?\s*([A-Za-z0-9]{3})(?:\s{0,2}[-–—]\s{0,2}|\s)?([A-Za-z0-9]{3})(?![\p{L}\p{N}])/dgiu;

function isCode(raw: string): boolean {
  const hasLetter = /[A-Za-z]/.test(raw);
  const hasDigit = /\d/.test(raw);
  return hasLetter && (hasDigit || raw === raw.toUpperCase());
}

function blank(text: string, index: number, length: number): string {
  return text.slice(0, index) + " ".repeat(length) + text.slice(index + length);
}

export function extractCode(text: string): { code: string | null; rest: string } {
  for (const m of text.matchAll(CODE)) {
    const raw = `${m[1]}-${m[2]}`;
    if (!isCode(raw)) continue;
    return { code: raw.toUpperCase(), rest: blank(text, m.index ?? 0, raw.length) };
  }
  for (const m of text.matchAll(NAMED_CODE)) {
    const raw = `${m[1]}${m[2]}`;
    // a named code needs letters and digits both: "Nummer 123 456" is a phone number
    if (!/[A-Za-z]/.test(raw) || !/\d/.test(raw)) continue;
    const from = m.indices?.[1]?.[0] ?? m.index ?? 0;
    const end = m.indices?.[2]?.[1] ?? from;
    return { code: `${m[1]}-${m[2]}`.toUpperCase(), rest: blank(text, from, end - from) };
  }
  return { code: null, rest: text };
}
