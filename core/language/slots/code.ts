// Booking codes look like "K7P-2QX". Licence plates ("DO-AB 123") and number ranges ("100-200") do not.

const CODE = /(?<![\p{L}\p{N}-])([A-Za-z0-9]{3})-([A-Za-z0-9]{3})(?![\p{L}\p{N}-])/gu;

export function extractCode(text: string): { code: string | null; rest: string } {
  for (const m of text.matchAll(CODE)) {
    const raw = `${m[1]}-${m[2]}`;
    const hasLetter = /[A-Za-z]/.test(raw);
    const hasDigit = /\d/.test(raw);
    if (!hasLetter || !(hasDigit || raw === raw.toUpperCase())) continue;
    const index = m.index ?? 0;
    return { code: raw.toUpperCase(), rest: text.slice(0, index) + " ".repeat(raw.length) + text.slice(index + raw.length) };
  }
  return { code: null, rest: text };
}
