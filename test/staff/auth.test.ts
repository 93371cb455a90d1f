import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../support/db.ts";
import { addAccount, Client, PASSWORD, startConsole, staffSettings, suggest, testCity, type Console } from "./helpers.ts";

describe("sign-in, sessions and CSRF", () => {
  let db: TestDb;
  let web: Console;
  let second: Console;

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite", config: testCity() });
    const settings = staffSettings({ STAFF_SESSION_IDLE_MINUTES: "30", STAFF_SESSION_MAX_HOURS: "1", STAFF_LOGIN_MAX_FAILURES_PER_ACCOUNT: "3", STAFF_LOGIN_MAX_FAILURES_PER_IP: "6" });
    web = await startConsole(db, settings);
    // A second server on the same database, like a second process behind a load balancer.
    second = await startConsole(db, settings);
    await addAccount(db, "eva", "clerk", ["eving"]);
    await addAccount(db, "otto", "clerk", ["eving"]);
    await addAccount(db, "paula", "clerk", ["eving"]);
  });
  afterAll(async () => {
    await second?.close();
    await web?.close();
    await db?.close();
  });

  it("sends unauthenticated visitors to the sign-in page", async () => {
    const res = await new Client(web.url).get("/staff/schedule?location=eving");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/staff/login?next=%2Fstaff%2Fschedule%3Flocation%3Deving");
  });

  it("signs in with a local account and sets a hardened, hashed session cookie", async () => {
    const c = new Client(web.url);
    const res = await c.login("Eva");
    expect(res.status).toBe(303);
    const setCookie = res.headers.getSetCookie().find((l) => l.startsWith("ta-staff="))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\/staff/);
    const id = c.cookies.get("ta-staff")!;
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.sql`select id_hash from staff_session`;
    expect(stored.map((r) => r.id_hash)).not.toContain(id);
    const page = await c.get("/staff/queue");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Angemeldet als <strong>eva</strong>");
  });

  it("marks the cookie Secure and __Host- when the public URL is https", async () => {
    const https = await startConsole(db, staffSettings({ PUBLIC_URL: "https://termine.example.de" }));
    try {
      const res = await new Client(https.url).login("eva");
      const line = res.headers.getSetCookie().find((l) => l.startsWith("__Host-ta-staff="))!;
      expect(line).toMatch(/; Secure/);
      expect(line).toMatch(/Path=\/;/);
    } finally {
      await https.close();
    }
  });

  it("refuses a wrong password with the same answer as an unknown user", async () => {
    const wrong = await new Client(web.url).login("eva", "falsch-falsch-falsch");
    const unknown = await new Client(web.url).login("niemand", "falsch-falsch-falsch");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toContain("Benutzername oder Passwort ist falsch.");
    expect(unknown.text).toContain("Benutzername oder Passwort ist falsch.");
  });

  it("rejects a login post without the form's token (login CSRF)", async () => {
    const res = await new Client(web.url).post("/staff/login", { username: "eva", password: PASSWORD });
    expect(res.status).toBe(403);
  });

  it("pauses an account after repeated failures, across processes, even with the right password", async () => {
    for (let i = 0; i < 3; i++) expect((await new Client(web.url).login("otto", "falsch-falsch-falsch")).status).toBe(401);
    const blocked = await new Client(second.url).login("otto");
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain("Zu viele Fehlversuche");
    db.clock.advance(16 * 60_000);
    expect((await new Client(second.url).login("otto")).status).toBe(303);
  });

  it("limits failures per client address across accounts", async () => {
    await db.sql`delete from staff_login_attempt`;
    for (let i = 0; i < 6; i++) await new Client(web.url).login(`raten${i}`, "falsch-falsch-falsch");
    expect((await new Client(web.url).login("paula")).status).toBe(429);
    db.clock.advance(16 * 60_000);
    expect((await new Client(web.url).login("paula")).status).toBe(303);
  });

  it("ends a session after 30 idle minutes", async () => {
    const c = new Client(web.url);
    await c.login("eva");
    db.clock.advance(29 * 60_000);
    expect((await c.get("/staff/queue")).status).toBe(200);
    db.clock.advance(30 * 60_000);
    const res = await c.get("/staff/queue");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/staff\/login/);
  });

  it("ends an active session at the absolute limit", async () => {
    const c = new Client(web.url);
    await c.login("eva");
    for (let i = 0; i < 3; i++) {
      db.clock.advance(19 * 60_000);
      expect((await c.get("/staff/queue")).status).toBe(200);
    }
    db.clock.advance(4 * 60_000);
    expect((await c.get("/staff/queue")).status).toBe(303);
  });

  it("signs out: the old cookie no longer works", async () => {
    const c = new Client(web.url);
    await c.login("eva");
    const id = c.cookies.get("ta-staff")!;
    const res = await c.post("/staff/logout", { _csrf: await c.csrf() });
    expect(res.status).toBe(303);
    const replay = new Client(web.url);
    replay.cookies.set("ta-staff", id);
    expect((await replay.get("/staff/queue")).status).toBe(303);
  });

  it("refuses posts without or with a foreign CSRF token, changes nothing and logs the attempt", async () => {
    const s = await suggest(db, "eving", "Geburtsurkunde");
    const eva = new Client(web.url);
    const paula = new Client(web.url);
    await eva.login("eva");
    await paula.login("paula");
    const missing = await eva.post(`/staff/queue/${s.id}/approve`, {});
    const foreign = await eva.post(`/staff/queue/${s.id}/approve`, { _csrf: await paula.csrf() });
    const wrong = await eva.post(`/staff/queue/${s.id}/reject`, { _csrf: "x".repeat(43), message: "nein" });
    expect([missing.status, foreign.status, wrong.status]).toEqual([403, 403, 403]);
    expect((await db.core.bookings.get(s.id))!.status).toBe("suggested");
    const logged = await db.sql`select count(*)::int as n from staff_audit where action = 'csrf_rejected' and staff_username = 'eva'`;
    expect(logged[0]!.n).toBe(3);
  });

  it("sends strict security headers on every page", async () => {
    const res = await new Client(web.url).get("/staff/login");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("writes sign-ins, failures and sign-outs to the audit log without passwords", async () => {
    const rows = await db.sql`select action, staff_username, outcome, data from staff_audit order by id`;
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toEqual(new Set(["login", "login_failed", "login_blocked", "logout", "csrf_rejected"]));
    expect(JSON.stringify(rows)).not.toContain("falsch-falsch");
    expect(rows.filter((r) => r.action === "login_failed" && r.staff_username === null).length).toBeGreaterThan(0);
  });
});
