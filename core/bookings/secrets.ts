/**
 * Codes and tokens. The short code (K7P-2QX) is for people: read over the phone, typed in chat.
 * The link token is long and unguessable; it is derived from the appointment id with the server
 * secret, so it can be recreated for reminder mails while the database stores only its hash.
 */
import { createHash, createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from "node:crypto";

/** No 0/O, 1/I/L: nothing a caller can mishear or mistype. */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newCode(): string {
  let s = "";
  for (let i = 0; i < 6; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 3)}-${s.slice(3)}`;
}

/** Accepts "k7p2qx", "K7P 2QX", "K7P-2QX"; null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, "");
  return /^[A-Z0-9]{6}$/.test(raw) ? `${raw.slice(0, 3)}-${raw.slice(3)}` : null;
}

export function newAppointmentId(): string {
  return randomUUID();
}

export function newHoldToken(): string {
  return randomBytes(18).toString("base64url");
}

export class Secrets {
  constructor(private readonly secret: string) {
    if (secret.length < 16) throw new Error("server secret must be at least 16 characters");
  }

  linkToken(appointmentId: string): string {
    return createHmac("sha256", this.secret).update(`link:${appointmentId}`).digest("base64url");
  }

  /** Pseudonymous key of an e-mail address: enough to count and compare, useless without the secret. */
  emailHash(email: string): string {
    return createHmac("sha256", this.secret).update(`email:${email.trim().toLowerCase()}`).digest("base64url");
  }
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

export function sameHash(a: string | null, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
