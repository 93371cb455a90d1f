/**
 * What protects the state-changing POSTs of the citizen pages: a per-page anti-forgery token
 * (HMAC of the link token, so no session is needed), an origin check, and a per-address budget.
 * GET never changes anything, because mail scanners open every link in a mail.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Request } from "restify";

const MAX_FORM_BYTES = 4096;

export function csrfToken(secret: string, purpose: string, linkToken: string): string {
  return createHmac("sha256", secret).update(`csrf:${purpose}:${linkToken}`).digest("base64url");
}

export function csrfValid(secret: string, purpose: string, linkToken: string, given: unknown): boolean {
  if (typeof given !== "string") return false;
  const expected = Buffer.from(csrfToken(secret, purpose, linkToken));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A browser names the page a POST came from in `Origin` (or, failing that, `Referer`); another
 * site's form is refused. Clients that send neither rely on the anti-forgery token alone.
 */
export function sameOrigin(req: Request, publicUrl: string): boolean {
  const own = new URL(publicUrl).origin;
  const origin = req.header("origin");
  if (origin) return origin === own;
  const referer = req.header("referer");
  if (!referer) return true;
  try {
    return new URL(referer).origin === own;
  } catch {
    return false;
  }
}

export function clientAddress(req: Request, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.header("x-forwarded-for") ?? "").split(",")[0]?.trim() : "";
  return forwarded || req.socket?.remoteAddress || "unknown";
}

/** The urlencoded form of a POST, whether a body parser already read it (string/Buffer/object) or not. */
export async function readForm(req: Request): Promise<URLSearchParams | null> {
  const body = (req as { body?: unknown }).body;
  if (typeof body === "string") return new URLSearchParams(body.slice(0, MAX_FORM_BYTES));
  if (Buffer.isBuffer(body)) return new URLSearchParams(body.subarray(0, MAX_FORM_BYTES).toString("utf8"));
  if (body && typeof body === "object") return new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}
