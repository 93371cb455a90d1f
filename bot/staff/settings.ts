/**
 * Settings of the staff console, read once by the composition root (`readStaffSettings(process.env)`).
 * The OIDC client secret has no default; without an issuer only local accounts can sign in.
 */
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "1" || v === "true" || v === "yes"));
const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional().transform((v) => v ?? fallback);
const list = (fallback: string) =>
  z.string().optional().transform((v) => (v ?? fallback).split(/[\s,]+/).filter(Boolean));

export const staffEnvSchema = z.object({
  PUBLIC_URL: z.string().url().optional().describe("public base URL; https makes the session cookie Secure"),
  PORT: z.coerce.number().int().optional(),
  STAFF_COOKIE_SECURE: flag.describe("force the Secure cookie flag on or off (default: on when PUBLIC_URL is https)"),
  STAFF_LOCAL_ACCOUNTS: flag.describe("allow sign-in with local accounts (`terminassistent staff add`); default on"),
  STAFF_SESSION_IDLE_MINUTES: int(30, 1, 24 * 60).describe("sign out after this many minutes without a request"),
  STAFF_SESSION_MAX_HOURS: int(10, 1, 7 * 24).describe("sign out this many hours after sign-in, whatever happens"),
  STAFF_LOGIN_MAX_FAILURES_PER_ACCOUNT: int(5, 1, 1000).describe("failed sign-ins per account within the window before it is paused"),
  STAFF_LOGIN_MAX_FAILURES_PER_IP: int(20, 1, 100_000).describe("failed sign-ins per client address within the window"),
  STAFF_LOGIN_WINDOW_MINUTES: int(15, 1, 24 * 60).describe("window of the sign-in limits"),
  STAFF_TRUST_PROXY: flag.describe("take the client address from X-Forwarded-For (behind a reverse proxy)"),
  STAFF_OIDC_ISSUER: z.string().url().optional().describe("OpenID Connect issuer, e.g. https://sso.example.de/realms/stadt or https://login.microsoftonline.com/<tenant>/v2.0"),
  STAFF_OIDC_CLIENT_ID: z.string().optional().describe("client id registered at the identity provider"),
  STAFF_OIDC_CLIENT_SECRET: z.string().optional().describe("client secret (confidential client)"),
  STAFF_OIDC_REDIRECT_URL: z.string().url().optional().describe("redirect URL registered at the provider (default PUBLIC_URL/staff/oidc/callback)"),
  STAFF_OIDC_SCOPES: z.string().optional().describe("requested scopes (default: openid profile email)"),
  STAFF_OIDC_ROLE_CLAIM: z.string().optional().describe("claim holding roles or groups (default: roles); dotted paths such as realm_access.roles work"),
  STAFF_OIDC_ADMIN_VALUES: list("terminassistent-admin").describe("claim values that make an admin (comma-separated)"),
  STAFF_OIDC_CLERK_VALUES: list("terminassistent-clerk").describe("claim values that make a clerk (comma-separated)"),
  STAFF_OIDC_LOCATIONS_CLAIM: z.string().optional().describe("claim holding the clerk's location ids (default: the role claim)"),
  STAFF_OIDC_LOCATION_PREFIX: z.string().optional().describe("only values with this prefix name locations, prefix removed (default: standort:)"),
});

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  scopes: string;
  roleClaim: string;
  adminValues: string[];
  clerkValues: string[];
  locationsClaim: string;
  locationPrefix: string;
}

export interface StaffSettings {
  publicUrl: string;
  cookieSecure: boolean;
  localAccounts: boolean;
  trustProxy: boolean;
  session: { idleMinutes: number; maxHours: number };
  login: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowMinutes: number };
  oidc: OidcSettings | null;
}

export function readStaffSettings(env: Record<string, string | undefined>): StaffSettings {
  const parsed = staffEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid staff console settings:\n  - ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n  - ")}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT ?? 3978}`).replace(/\/$/, "");
  return {
    publicUrl,
    cookieSecure: e.STAFF_COOKIE_SECURE ?? publicUrl.startsWith("https:"),
    localAccounts: e.STAFF_LOCAL_ACCOUNTS ?? true,
    trustProxy: e.STAFF_TRUST_PROXY ?? false,
    session: { idleMinutes: e.STAFF_SESSION_IDLE_MINUTES, maxHours: e.STAFF_SESSION_MAX_HOURS },
    login: {
      maxFailuresPerAccount: e.STAFF_LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: e.STAFF_LOGIN_MAX_FAILURES_PER_IP,
      windowMinutes: e.STAFF_LOGIN_WINDOW_MINUTES,
    },
    oidc: readOidc(e, publicUrl),
  };
}

function readOidc(e: z.infer<typeof staffEnvSchema>, publicUrl: string): OidcSettings | null {
  if (!e.STAFF_OIDC_ISSUER) return null;
  if (!e.STAFF_OIDC_CLIENT_ID || !e.STAFF_OIDC_CLIENT_SECRET) {
    throw new Error("STAFF_OIDC_ISSUER is set: STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET are required too");
  }
  const roleClaim = e.STAFF_OIDC_ROLE_CLAIM ?? "roles";
  return {
    issuer: new URL(e.STAFF_OIDC_ISSUER),
    clientId: e.STAFF_OIDC_CLIENT_ID,
    clientSecret: e.STAFF_OIDC_CLIENT_SECRET,
    redirectUrl: e.STAFF_OIDC_REDIRECT_URL ?? `${publicUrl}/staff/oidc/callback`,
    scopes: e.STAFF_OIDC_SCOPES ?? "openid profile email",
    roleClaim,
    adminValues: e.STAFF_OIDC_ADMIN_VALUES,
    clerkValues: e.STAFF_OIDC_CLERK_VALUES,
    locationsClaim: e.STAFF_OIDC_LOCATIONS_CLAIM ?? roleClaim,
    locationPrefix: e.STAFF_OIDC_LOCATION_PREFIX ?? "standort:",
  };
}
