/**
 * OpenID Connect sign-in (authorization code + PKCE, state and nonce) with openid-client 6.
 * Works with Keycloak and Entra ID: both publish discovery documents at the issuer.
 * Role and locations come from a configurable claim, mapped by `mapClaims`.
 */
import { createHash } from "node:crypto";
import * as client from "openid-client";
import type { Sql } from "postgres";
import type { StaffRole } from "./account.store.ts";
import type { OidcSettings } from "./settings.ts";

const FLOW_TTL_MS = 10 * 60_000;

export interface OidcIdentity {
  subject: string;
  username: string;
  displayName: string | null;
  role: StaffRole | null;
  locations: string[];
}

export interface OidcClient {
  start(sql: Sql, now: Date): Promise<URL>;
  finish(sql: Sql, callbackUrl: URL, now: Date): Promise<OidcIdentity | null>;
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

/** Values of a claim, given as a dotted path (Keycloak: realm_access.roles), as a list of strings. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const key of path.split(".")) value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : [];
}

export function mapClaims(claims: Record<string, unknown>, s: OidcSettings): Pick<OidcIdentity, "role" | "locations"> {
  const roles = claimValues(claims, s.roleClaim);
  const role: StaffRole | null = roles.some((r) => s.adminValues.includes(r)) ? "admin" : roles.some((r) => s.clerkValues.includes(r)) ? "clerk" : null;
  const locations = claimValues(claims, s.locationsClaim)
    .filter((v) => v.startsWith(s.locationPrefix))
    .map((v) => v.slice(s.locationPrefix.length))
    .filter(Boolean);
  return { role, locations: [...new Set(locations)] };
}

export function createOidcClient(s: OidcSettings, options: { allowHttp?: boolean } = {}): OidcClient {
  let config: Promise<client.Configuration> | null = null;
  const configuration = () => {
    config ??= client
      .discovery(s.issuer, s.clientId, s.clientSecret, undefined, options.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((err) => {
        config = null; // retry discovery on the next sign-in instead of failing forever
        throw err;
      });
    return config;
  };

  return {
    async start(sql, now) {
      const cfg = await configuration();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      await sql`delete from staff_oidc_flow where created_at < ${new Date(now.getTime() - FLOW_TTL_MS)}`;
      await sql`insert into staff_oidc_flow (state_hash, code_verifier, nonce, created_at) values (${sha(state)}, ${verifier}, ${nonce}, ${now})`;
      return client.buildAuthorizationUrl(cfg, {
        redirect_uri: s.redirectUrl,
        scope: s.scopes,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
      });
    },

    async finish(sql, callbackUrl, now) {
      const state = callbackUrl.searchParams.get("state") ?? "";
      // One use per flow: the row is deleted when read, so a replayed callback finds nothing.
      const [flow] = await sql<{ code_verifier: string; nonce: string; created_at: Date }[]>`
        delete from staff_oidc_flow where state_hash = ${sha(state)} returning code_verifier, nonce, created_at`;
      if (!flow || now.getTime() - flow.created_at.getTime() > FLOW_TTL_MS) return null;
      const tokens = await client.authorizationCodeGrant(await configuration(), callbackUrl, {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = (tokens.claims() ?? {}) as Record<string, unknown>;
      const sub = String(claims.sub ?? "");
      const username = String(claims.preferred_username ?? claims.email ?? sub).toLowerCase().slice(0, 120);
      const name = typeof claims.name === "string" ? claims.name : null;
      return { subject: `${s.issuer.href} ${sub}`, username, displayName: name, ...mapClaims(claims, s) };
    },
  };
}
