/**
 * The console's request pipeline: security headers, session lookup, CSRF check on every POST,
 * and one catch-all that logs ids and codes only and answers with a German apology.
 */
import { timingSafeEqual } from "node:crypto";
import type { Request, Response, Server } from "restify";
import type { Sql } from "postgres";
import type { Core } from "../../core/core.ts";
import type { Logger } from "../../core/log.ts";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import { findAccount, staffActor, type StaffAccount } from "./account.store.ts";
import { audit, type AuditEntry } from "./audit.store.ts";
import { createFormatter, type Formatter } from "./format.ts";
import { html } from "./html.ts";
import { readCookie, readForm, redirect, sendHtml, type Form } from "./http.ts";
import { layout, type LayoutInput } from "./layout.page.ts";
import { resumeSession, type Session } from "./session.store.ts";
import type { StaffSettings } from "./settings.ts";

export interface Env {
  core: Core;
  sql: Sql;
  settings: StaffSettings;
  now: () => Date;
  log: Logger;
  fmt: Formatter;
  cookieName: string;
  cookiePath: string;
}

export interface Ctx {
  env: Env;
  req: Request;
  res: Response;
  account: StaffAccount;
  session: Session;
  actor: ReturnType<typeof staffActor>;
  form: Form;
  params: Record<string, string>;
  /** Render a full page for the signed-in member. */
  page(status: number, input: Omit<LayoutInput, "account" | "csrf">): void;
  audit(entry: Omit<AuditEntry, "staffId" | "username">): Promise<void>;
}

type Handler = (ctx: Ctx) => Promise<void>;

export function createEnv(deps: { core: Core; sql: Sql; settings: StaffSettings; now?: () => Date; log: Logger }): Env {
  const secure = deps.settings.cookieSecure;
  return {
    ...deps,
    now: deps.now ?? (() => deps.core.now()),
    fmt: createFormatter(deps.core.config),
    // __Host- binds the cookie to this exact origin over https (no Domain, Path=/).
    cookieName: secure ? "__Host-ta-staff" : "ta-staff",
    cookiePath: secure ? "/" : "/staff",
  };
}

export function errorPage(_env: Env, res: Response, status: number, text: string, account?: StaffAccount | null): void {
  const title = status === 403 ? STAFF_TEXTS.errors.forbidden : status === 404 ? STAFF_TEXTS.errors.notFound : STAFF_TEXTS.errors.server;
  sendHtml(res, status, layout({ title: status === 400 ? STAFF_TEXTS.errors.badInput : title, account, body: html`<p role="alert">${text}</p><p><a href="/staff/queue">${STAFF_TEXTS.nav.queue}</a></p>` }));
}

async function authenticate(env: Env, req: Request): Promise<{ session: Session; account: StaffAccount } | null> {
  const id = readCookie(req, env.cookieName);
  if (!id) return null;
  const session = await resumeSession(env.sql, id, env.now(), env.settings.session);
  if (!session) return null;
  const account = await findAccount(env.sql, session.staffId);
  return account && !account.disabled ? { session, account } : null;
}

function csrfValid(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function wrap(env: Env, method: "GET" | "POST", handler: Handler, opts: { admin?: boolean }) {
  return async (req: Request, res: Response) => {
    try {
      const auth = await authenticate(env, req);
      if (!auth) {
        if (method === "GET") return redirect(res, `/staff/login?next=${encodeURIComponent(req.url ?? "/staff")}`);
        return errorPage(env, res, 403, STAFF_TEXTS.login.expired);
      }
      const form = method === "POST" ? await readForm(req) : {};
      const ctx = makeCtx(env, req, res, auth, form);
      if (method === "POST" && !csrfValid(auth.session.csrfToken, form._csrf)) {
        await ctx.audit({ action: "csrf_rejected", outcome: "CSRF", data: { path: (req.getPath?.() ?? "").slice(0, 80) } });
        return errorPage(env, res, 403, STAFF_TEXTS.errors.csrf, auth.account);
      }
      if (opts.admin && auth.account.role !== "admin") return errorPage(env, res, 403, STAFF_TEXTS.errors.forbidden, auth.account);
      await handler(ctx);
    } catch (err) {
      env.log.error({ action: "staff_request_failed", code: (err as { code?: string }).code, err: (err as Error).message }, "staff console request failed");
      if (!res.headersSent) errorPage(env, res, (err as { statusCode?: number }).statusCode === 413 ? 413 : 500, STAFF_TEXTS.errors.server);
    }
  };
}

function makeCtx(env: Env, req: Request, res: Response, auth: { session: Session; account: StaffAccount }, form: Form): Ctx {
  const { account, session } = auth;
  return {
    env, req, res, account, session, form,
    actor: staffActor(account),
    params: (req.params ?? {}) as Record<string, string>,
    page: (status, input) => sendHtml(res, status, layout({ ...input, account, csrf: session.csrfToken })),
    audit: (entry) => audit(env.sql, env.now(), { ...entry, staffId: account.id, username: account.username }),
  };
}

export interface StaffRouter {
  get(path: string, handler: Handler, opts?: { admin?: boolean }): void;
  post(path: string, handler: Handler, opts?: { admin?: boolean }): void;
}

export function createRouter(server: Server, env: Env): StaffRouter {
  return {
    get: (path, handler, opts = {}) => void server.get(path, wrap(env, "GET", handler, opts)),
    post: (path, handler, opts = {}) => void server.post(path, wrap(env, "POST", handler, opts)),
  };
}
