/**
 * Reply binding. A token routes a citizen's reply to its conversation; it is NOT a secret
 * (it sits in the subject and survives forwarding), so state changes still need the sender
 * to match, and cancelling needs the booking code.
 */
import crypto from "node:crypto";

// Crockford base32 without I, L, O, U: readable, case-insensitive, survives "AW:"/"WG:" prefixes.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TOKEN_LENGTH = 8;

export function newReplyToken(): string {
  return Array.from(crypto.randomBytes(TOKEN_LENGTH), (b) => ALPHABET[b & 31]).join("");
}

export function subjectTag(token: string): string {
  return `[T-${token}]`;
}

/** `termine@stadt.de` + token → `termine+TOKEN@stadt.de` (RFC 5233 subaddress). */
export function plusAddress(address: string, token: string): string {
  const at = address.lastIndexOf("@");
  return `${address.slice(0, at)}+${token.toLowerCase()}${address.slice(at)}`;
}

function normalise(raw: string): string {
  return raw.toUpperCase().replace(/[IL]/g, "1").replace(/O/g, "0");
}

/** Find the token in the plus address (Delivered-To / To) or the subject tag `[T-XXXXXXXX]`. */
export function findReplyToken(input: { subject: string; recipients: string[] }): string | null {
  for (const address of input.recipients) {
    const m = /^[^+@\s]+\+([0-9a-z]{8})@/i.exec(address);
    if (m?.[1]) return normalise(m[1]);
  }
  const s = /\[T-([0-9A-Za-z]{8})\]/.exec(input.subject);
  return s?.[1] ? normalise(s[1]) : null;
}

/** Our outgoing Message-IDs are derived from the notification row id (fixed across retries). */
export function notificationMessageId(id: number | string, domain: string): string {
  return `<notification-${id}@${domain}>`;
}

/** Reverse of notificationMessageId for In-Reply-To / References lookups. */
export function notificationIdsIn(messageIds: string[], domain: string): string[] {
  const ids: string[] = [];
  const suffix = `@${domain.toLowerCase()}>`;
  for (const id of messageIds) {
    const m = /^<notification-(\d+)(@[^>]+>)$/i.exec(id.trim());
    if (m?.[1] && m[2]?.toLowerCase() === suffix) ids.push(m[1]);
  }
  return ids;
}
