/**
 * OpenID Connect sign-in against a small in-process provider (discovery, JWKS, token endpoint with
 * PKCE check, RS256 ID token), as Keycloak or Entra ID would answer.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOidcClient } from "../../bot/staff/oidc.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { Client, startConsole, staffSettings, testCity, type Console } from "./helpers.ts";

const b64 = (v: Buffer | string) => Buffer.from(v).toString("base64url");

function fakeProvider() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const codes = new Map<string, { challenge: string; nonce: string; claims: Record<string, unknown> }>();
  let issuer = "";
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"], subject_types_supported: ["public"], id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"], token_endpoint_auth_methods_supported: ["client_secret_basic"],
      });
    }
    if (url.pathname === "/jwks") return json(200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid: "k1", alg: "RS256", use: "sig" }] });
    if (url.pathname === "/token") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      if (!grant || b64(createHash("sha256").update(verifier).digest()) !== grant.challenge) return json(400, { error: "invalid_grant" });
      const now = Math.floor(Date.now() / 1000);
      const header = b64(JSON.stringify({ alg: "RS256", kid: "k1", typ: "JWT" }));
      const payload = b64(JSON.stringify({ iss: issuer, aud: "terminassistent", iat: now, exp: now + 300, nonce: grant.nonce, ...grant.claims }));
      const signature = b64(sign("sha256", Buffer.from(`${header}.${payload}`), privateKey));
      return json(200, { access_token: "at", token_type: "Bearer", expires_in: 300, id_token: `${header}.${payload}.${signature}` });
    }
    json(404, {});
  });
  return {
    async start() {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return issuer;
    },
    /** What the provider's login page would do: remember the request and hand out a code. */
    authorize(authUrl: URL, claims: Record<string, unknown>): string {
      const code = randomBytes(16).toString("hex");
      codes.set(code, { challenge: authUrl.searchParams.get("code_challenge")!, nonce: authUrl.searchParams.get("nonce")!, claims });
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("sign-in with OpenID Connect", () => {
  let db: TestDb;
  let web: Console;
  const idp = fakeProvider();

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite", config: testCity() });
    const issuer = await idp.start();
    const settings = staffSettings({
      STAFF_OIDC_ISSUER: issuer, STAFF_OIDC_CLIENT_ID: "terminassistent", STAFF_OIDC_CLIENT_SECRET: "geheim",
      STAFF_OIDC_ROLE_CLAIM: "realm_access.roles", STAFF_LOCAL_ACCOUNTS: "false",
    });
    web = await startConsole(db, settings, { oidc: createOidcClient(settings.oidc!, { allowHttp: true }) });
  });
  afterAll(async () => {
    await web?.close();
    await idp.close();
    await db?.close();
  });

  async function signIn(c: Client, claims: Record<string, unknown>, tamper?: (q: URLSearchParams) => void) {
    const start = await c.get("/staff/oidc/start?next=%2Fstaff%2Fschedule");
    expect(start.status).toBe(303);
    const auth = new URL(start.headers.get("location")!);
    expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
    expect(auth.searchParams.get("redirect_uri")).toBe("http://127.0.0.1/staff/oidc/callback");
    const q = new URLSearchParams({ code: idp.authorize(auth, claims), state: auth.searchParams.get("state")! });
    tamper?.(q);
    return Object.assign(await c.get(`/staff/oidc/callback?${q}`), { callback: `/staff/oidc/callback?${q}` });
  }

  it("offers only the identity provider when local accounts are off", async () => {
    const page = await new Client(web.url).get("/staff/login");
    expect(page.text).toContain("Mit dem Dienstkonto der Stadt anmelden");
    expect(page.text).not.toContain('name="password"');
  });

  it("signs in a clerk with the locations from the claims and returns to the requested page", async () => {
    const c = new Client(web.url);
    const res = await signIn(c, { sub: "u-1", preferred_username: "E.Beispiel", name: "Eva Beispiel", realm_access: { roles: ["terminassistent-clerk", "standort:eving"] } });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/staff/schedule");
    const page = await c.get("/staff/schedule");
    expect(page.text).toContain("Angemeldet als <strong>Eva Beispiel</strong> (Sachbearbeitung)");
    expect(page.text).toContain('<option value="eving" selected>');
    expect(page.text).not.toContain('value="brackel"');
  });

  it("refuses an account without a matching role, a forged state and a replayed callback", async () => {
    const noRole = await signIn(new Client(web.url), { sub: "u-2", realm_access: { roles: ["other-app"] } });
    expect(noRole.status).toBe(403);
    expect(noRole.text).toContain("keine Berechtigung");
    const forged = await signIn(new Client(web.url), { sub: "u-3", realm_access: { roles: ["terminassistent-admin"] } }, (q) => q.set("state", "erfunden"));
    expect(forged.status).toBe(400);
    const c = new Client(web.url);
    const first = await signIn(c, { sub: "u-4", realm_access: { roles: ["terminassistent-admin"] } });
    expect(first.status).toBe(303);
    const replay = await new Client(web.url).get(first.callback);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain("Die Anmeldung über das Dienstkonto ist fehlgeschlagen.");
  });
});
