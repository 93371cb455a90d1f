/**
 * Sign-in and sign-out. The login form is protected against login CSRF by a double-submit token
 * (no session exists yet); every later POST uses the session's synchronizer token.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Request, Response, Server } from "restify";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import { touchLogin, upsertOidcAccount, verifyLocalLogin, findAccountByUsername, type StaffAccount } from "./account.store.ts";
import { audit } from "./audit.store.ts";
import { errorPage, type Env, type StaffRouter } from "./context.ts";
import { clientAddress, cookie, query, readCookie, readForm, redirect, safeNext, sendHtml } from "./http.ts";
import { loginPage } from "./login.page.ts";
import { clearAccountFailures, isLoginBlocked, recordLoginFailure } from "./login-limit.store.ts";
import type { OidcClient } from "./oidc.ts";
import { createSession, deleteSession } from "./session.store.ts";
import type { Notice } from "./layout.page.ts";

const T = STAFF_TEXTS.login;
const LOGIN_COOKIE = "ta-staff-login";

export function mountAuth(server: Server, router: StaffRouter, env: Env, oidc: OidcClient | null): void {
  server.get("/staff/login", guarded(env, async (req, res) => showLogin(env, req, res, 200, null)));
  server.post("/staff/login", guarded(env, (req, res) => localLogin(env, req, res)));
  server.get("/staff/oidc/start", guarded(env, async (req, res) => {
    if (!oidc) return errorPage(env, res, 404, STAFF_TEXTS.errors.notFound);
    const next = safeNext(query(req).next);
    const url = await oidc.start(env.sql, env.now());
    redirect(res, url.href, { "set-cookie": cookie("ta-staff-next", next, { secure: env.settings.cookieSecure, path: "/staff", maxAgeSeconds: 600 }) });
  }));
  server.get("/staff/oidc/callback", guarded(env, (req, res) => oidcCallback(env, req, res, oidc)));
  router.post("/staff/logout", async (ctx) => {
    await deleteSession(env.sql, ctx.session.idHash);
    await ctx.audit({ action: "logout", outcome: "ok" });
    redirect(ctx.res, "/staff/login?bye=1", { "set-cookie": cookie(env.cookieName, "", { secure: env.settings.cookieSecure, path: env.cookiePath, maxAgeSeconds: 0 }) });
  });
}

function guarded(env: Env, fn: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (err) {
      env.log.error({ action: "staff_login_failed", err: (err as Error).message }, "staff sign-in failed");
      if (!res.headersSent) showLogin(env, req, res, 502, { kind: "error", text: T.oidcFailed });
    }
  };
}

function showLogin(env: Env, req: Request, res: Response, status: number, notice: Notice | null, username?: string): void {
  const q = query(req);
  const token = randomBytes(24).toString("base64url");
  const shown = notice ?? (q.bye ? { kind: "ok" as const, text: T.loggedOut } : null);
  sendHtml(res, status, loginPage({ token, next: safeNext(q.next), oidc: env.settings.oidc !== null, local: env.settings.localAccounts, notice: shown, username }), {
    "set-cookie": cookie(LOGIN_COOKIE, token, { secure: env.settings.cookieSecure, path: "/staff", maxAgeSeconds: 3600 }),
  });
}

function sameToken(a: string | null, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

async function localLogin(env: Env, req: Request, res: Response): Promise<void> {
  const form = await readForm(req);
  if (!env.settings.localAccounts) return showLogin(env, req, res, 403, { kind: "error", text: T.localDisabled });
  if (!sameToken(readCookie(req, LOGIN_COOKIE), form._login)) return showLogin(env, req, res, 403, { kind: "error", text: STAFF_TEXTS.errors.csrf });
  const username = (form.username ?? "").trim().toLowerCase().slice(0, 100);
  const password = (form.password ?? "").slice(0, 1000);
  const ip = clientAddress(req, env.settings.trustProxy);
  const now = env.now();
  const known = await findAccountByUsername(env.sql, username);
  // Only existing usernames are written to the audit log: a password typed into the name field must not be kept.
  const who = { staffId: known?.id ?? null, username: known?.username ?? null };
  if (await isLoginBlocked(env.sql, username, ip, now, env.settings.login)) {
    await audit(env.sql, now, { ...who, action: "login_blocked", outcome: "TOO_MANY_ATTEMPTS" });
    return showLogin(env, req, res, 429, { kind: "error", text: T.blocked }, username);
  }
  const account = await verifyLocalLogin(env.sql, username, password);
  if (!account) {
    await recordLoginFailure(env.sql, username, ip, now, env.settings.login);
    await audit(env.sql, now, { ...who, action: "login_failed", outcome: known?.disabled ? "DISABLED" : "BAD_CREDENTIALS" });
    return showLogin(env, req, res, 401, { kind: "error", text: T.failed }, username);
  }
  await clearAccountFailures(env.sql, username);
  await startSession(env, res, account, form.next, "local");
}

async function startSession(env: Env, res: Response, account: StaffAccount, next: string | undefined, method: string): Promise<void> {
  const now = env.now();
  const { id } = await createSession(env.sql, account.id, now, env.settings.session);
  await touchLogin(env.sql, account.id, now);
  await audit(env.sql, now, { staffId: account.id, username: account.username, action: "login", outcome: "ok", data: { method } });
  const maxAge = env.settings.session.maxHours * 3600;
  redirect(res, safeNext(next), {
    "set-cookie": [
      cookie(env.cookieName, id, { secure: env.settings.cookieSecure, path: env.cookiePath, maxAgeSeconds: maxAge }),
      cookie(LOGIN_COOKIE, "", { secure: env.settings.cookieSecure, path: "/staff", maxAgeSeconds: 0 }),
    ],
  });
}

async function oidcCallback(env: Env, req: Request, res: Response, oidc: OidcClient | null): Promise<void> {
  if (!oidc || !env.settings.oidc) return errorPage(env, res, 404, STAFF_TEXTS.errors.notFound);
  const callback = new URL(env.settings.oidc.redirectUrl);
  callback.search = new URL(req.url ?? "/", "http://x").search;
  const identity = await oidc.finish(env.sql, callback, env.now());
  if (!identity) return showLogin(env, req, res, 400, { kind: "error", text: T.oidcFailed });
  if (!identity.role) {
    await audit(env.sql, env.now(), { staffId: null, username: identity.username, action: "login_failed", outcome: "NO_ROLE", data: { method: "oidc" } });
    return showLogin(env, req, res, 403, { kind: "error", text: T.noRole });
  }
  const account = await upsertOidcAccount(env.sql, { ...identity, role: identity.role });
  if (account.disabled) {
    await audit(env.sql, env.now(), { staffId: account.id, username: account.username, action: "login_failed", outcome: "DISABLED", data: { method: "oidc" } });
    return showLogin(env, req, res, 403, { kind: "error", text: T.noRole });
  }
  await startSession(env, res, account, readCookie(req, "ta-staff-next") ?? undefined, "oidc");
}
