/**
 * Tokens of the local Direct Line: "<conversationId>.<expiresAtSeconds>.<hmac>".
 * A token grants exactly one conversation until it expires; the client refreshes it before then.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export interface DirectLineTokens {
  issue(conversationId: string): { token: string; expires_in: number };
  /** The conversation id the token grants, or null when forged, malformed or expired. */
  verify(token: string): string | null;
}

export function createDirectLineTokens(secret: string, ttlSeconds: number, now: () => number = Date.now): DirectLineTokens {
  const mac = (payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");
  return {
    issue(conversationId) {
      const exp = Math.floor(now() / 1000) + ttlSeconds;
      const payload = `${conversationId}.${exp}`;
      return { token: `${payload}.${mac(payload)}`, expires_in: ttlSeconds };
    },
    verify(token) {
      const parts = token.split(".");
      if (parts.length !== 3) return null;
      const [conversationId, exp, sig] = parts as [string, string, string];
      const expected = Buffer.from(mac(`${conversationId}.${exp}`));
      const given = Buffer.from(sig);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      if (!/^\d+$/.test(exp) || Number(exp) * 1000 <= now()) return null;
      return conversationId;
    },
  };
}

/** The bearer token of a request, or "". */
export function bearer(header: string | undefined): string {
  return header?.startsWith("Bearer ") ? header.slice(7).trim() : "";
}
