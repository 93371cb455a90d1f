import { describe, expect, it } from "vitest";
import { html, unsafeRaw } from "../../bot/staff/html.ts";
import { safeNext } from "../../bot/staff/http.ts";
import { mapClaims } from "../../bot/staff/oidc.ts";
import { readStaffSettings } from "../../bot/staff/settings.ts";

describe("html template", () => {
  it("escapes every interpolation, in lists too, unless marked safe", () => {
    const evil = `<script>alert('x')</script>"&`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      "<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;</p>",
    );
    expect(html`<ul>${["<b>", "ok"].map((s) => html`<li>${s}</li>`)}</ul>`.value).toBe("<ul><li>&lt;b&gt;</li><li>ok</li></ul>");
    expect(html`${null}${undefined}${false}${0}${unsafeRaw("<br>")}`.value).toBe("0<br>");
  });
});

describe("redirect targets after sign-in", () => {
  it("allows only local console paths", () => {
    expect(safeNext("/staff/schedule?location=eving&date=2026-11-23")).toBe("/staff/schedule?location=eving&date=2026-11-23");
    for (const bad of ["https://evil.example", "//evil.example/staff", "/staffevil", "/staff/../x\\", "javascript:alert(1)", undefined]) {
      expect(safeNext(bad)).toBe("/staff/queue");
    }
  });
});

describe("staff settings", () => {
  it("defaults to local accounts, a non-secure cookie on http and 30 min / 10 h sessions", () => {
    const s = readStaffSettings({});
    expect(s).toMatchObject({ localAccounts: true, cookieSecure: false, oidc: null, session: { idleMinutes: 30, maxHours: 10 } });
    expect(readStaffSettings({ PUBLIC_URL: "https://termine.example.de/" }).cookieSecure).toBe(true);
  });

  it("requires client id and secret with an issuer and derives the redirect URL", () => {
    expect(() => readStaffSettings({ STAFF_OIDC_ISSUER: "https://sso.example.de/realms/stadt" })).toThrow(/CLIENT_ID/);
    const s = readStaffSettings({
      PUBLIC_URL: "https://termine.example.de",
      STAFF_OIDC_ISSUER: "https://sso.example.de/realms/stadt",
      STAFF_OIDC_CLIENT_ID: "terminassistent",
      STAFF_OIDC_CLIENT_SECRET: "geheim",
    });
    expect(s.oidc?.redirectUrl).toBe("https://termine.example.de/staff/oidc/callback");
  });
});

describe("OIDC claim mapping", () => {
  const settings = readStaffSettings({
    STAFF_OIDC_ISSUER: "https://sso.example.de/realms/stadt",
    STAFF_OIDC_CLIENT_ID: "ta",
    STAFF_OIDC_CLIENT_SECRET: "s",
    STAFF_OIDC_ROLE_CLAIM: "realm_access.roles",
  }).oidc!;

  it("maps Keycloak realm roles to role and locations", () => {
    const claims = { realm_access: { roles: ["offline_access", "terminassistent-clerk", "standort:eving", "standort:brackel"] } };
    expect(mapClaims(claims, settings)).toEqual({ role: "clerk", locations: ["eving", "brackel"] });
  });

  it("prefers admin, and gives no role without a matching value", () => {
    expect(mapClaims({ realm_access: { roles: ["terminassistent-clerk", "terminassistent-admin"] } }, settings).role).toBe("admin");
    expect(mapClaims({ realm_access: { roles: ["somebody"] } }, settings).role).toBeNull();
    expect(mapClaims({}, settings)).toEqual({ role: null, locations: [] });
  });
});
