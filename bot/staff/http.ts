/**
 * Request and response helpers of the console: form bodies, cookies, security headers and pages.
 * Pages are written with writeHead/end so restify's formatters never touch them.
 */
import type { Request, Response } from "restify";
import type { SafeHtml } from "./html.ts";

const MAX_FORM_BYTES = 64 * 1024;

/**
 * Strict by design: scripts only from our origin, no framing (clickjacking on approve buttons),
 * forms may post only to us. Inline SVG needs no exception.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CSP,
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

export type Form = Record<string, string>;

/** The url-encoded form body, whether the server's body reader already read it or not. */
export async function readForm(req: Request): Promise<Form> {
  const body: unknown = (req as { body?: unknown }).body;
  if (typeof body === "string" || Buffer.isBuffer(body)) return parseForm(String(body));
  if (body && typeof body === "object") return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
  if (req.readableEnded) return {};
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw Object.assign(new Error("form too large"), { statusCode: 413 });
    chunks.push(chunk as Buffer);
  }
  return parseForm(Buffer.concat(chunks).toString("utf8"));
}

function parseForm(text: string): Form {
  const form: Form = {};
  // The first value wins, so an appended duplicate field cannot override a hidden one.
  for (const [k, v] of new URLSearchParams(text)) if (!(k in form)) form[k] = v;
  return form;
}

export function query(req: Request): Record<string, string> {
  const url = new URL(req.url ?? "/", "http://x");
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in out)) out[k] = v;
  return out;
}

export function readCookie(req: Request, name: string): string | null {
  const header = String(req.headers.cookie ?? "");
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export interface CookieOptions {
  secure: boolean;
  path: string;
  maxAgeSeconds?: number;
}

export function cookie(name: string, value: string, o: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${o.path}`, "HttpOnly", "SameSite=Lax"];
  if (o.secure) parts.push("Secure");
  if (o.maxAgeSeconds !== undefined) parts.push(`Max-Age=${o.maxAgeSeconds}`);
  return parts.join("; ");
}

export function sendHtml(res: Response, status: number, body: SafeHtml, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    // Pages show personal data: never keep them in a browser or proxy cache.
    "cache-control": "no-store",
    ...SECURITY_HEADERS,
    ...headers,
  });
  res.end("<!doctype html>\n" + body.value);
}

export function redirect(res: Response, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { location, "cache-control": "no-store", ...SECURITY_HEADERS, ...headers });
  res.end();
}

export function clientAddress(req: Request, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim() : "";
  return forwarded || req.socket?.remoteAddress || "unknown";
}

/** Only local paths under /staff may be redirect targets (no open redirect after sign-in). */
export function safeNext(next: string | undefined): string {
  return next && /^\/staff(\/[A-Za-z0-9/_\-.?=&%]*)?$/.test(next) && !next.startsWith("//") ? next : "/staff/queue";
}
