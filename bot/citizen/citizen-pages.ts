/**
 * The citizen's own pages behind the links in mails and chat messages:
 *   GET  /termin/:token                      the appointment, "Termin absagen", calendar link
 *   POST /termin/:token/absagen              cancels (the only request that does)
 *   GET  /termin/:token/kalender.ics         the calendar file
 *   GET  /warteliste/angebot/:token          a waiting-list offer with accept / decline
 *   POST /warteliste/angebot/:token          antwort=annehmen|ablehnen
 *   GET  /warteliste/:token                  the registered wish
 *   POST /warteliste/:token/zurueckziehen    withdraws it
 * Mail scanners open links, so GET only shows. POSTs need the page's anti-forgery token and, when
 * the browser names one, our own origin. Wrong tokens count against the address in the core.
 *
 * @example
 *   mountCitizenPages(http.server, { core, waitlist, secret: settings.secret, publicUrl: settings.publicUrl });
 */
import type { Request, Response, Server } from "restify";
import type { Core } from "../../core/core.ts";
import type { Appointment, Actor, Channel } from "../../core/bookings/types.ts";
import type { Waitlist } from "../../core/waitlist/types.ts";
import { appointmentLinks } from "../../core/links.ts";
import { createLogger, type Logger } from "../../core/log.ts";
import { createRateLimit } from "../rate-limit.ts";
import { renderAppointmentPage, renderCancelledPage } from "../../templates/de/pages/appointment.page.ts";
import { renderRefusal } from "../../templates/de/pages/errors.page.ts";
import type { RenderedPage } from "../../templates/de/pages/layout.ts";
import { appointmentPageView } from "./views.ts";
import { calendarFile } from "./calendar-file.ts";
import { clientAddress, csrfToken, csrfValid, readForm, sameOrigin } from "./page-guard.ts";
import { mountWaitlistPages } from "./waitlist-pages.ts";

export interface CitizenPagesDeps {
  core: Core;
  waitlist: Waitlist;
  /** Signs the per-page anti-forgery tokens (the server secret is fine). */
  secret: string;
  /** Our own origin for the POST origin check and the links on the pages. */
  publicUrl: string;
  trustProxy?: boolean;
  /** Requests per client address and minute: page views and POSTs. */
  limits?: { viewsPerMinute?: number; postsPerMinute?: number };
  log?: Logger;
}

/** Shared by the appointment and waiting-list pages. */
export interface PageKit {
  deps: CitizenPagesDeps;
  log: Logger;
  send(res: Response, page: RenderedPage): void;
  /** Common checks of a request; null when it was answered already (rate limit, foreign origin, unreadable form). */
  admit(req: Request, res: Response, post?: boolean): Promise<{ source: string; form: URLSearchParams | null } | null>;
  /**
   * The page's anti-forgery token, checked after the link was found, so a forged or used link
   * gets its own clear answer (404/410) first. False when it answered with "page outdated".
   */
  formValid(res: Response, form: URLSearchParams | null, purpose: string, token: string): boolean;
  /** Wrap a handler: an unexpected failure becomes a German apology page and a log line with ids only. */
  safe(handler: (req: Request, res: Response) => Promise<void>): (req: Request, res: Response) => Promise<void>;
}

const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  // The link token is in the URL: never pass it on to another site.
  "referrer-policy": "same-origin",
  "x-robots-tag": "noindex",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

export function mountCitizenPages(server: Server, deps: CitizenPagesDeps): void {
  const kit = createKit(deps);
  server.get("/termin/:token", kit.safe((req, res) => showAppointment(kit, req, res)));
  server.post("/termin/:token/absagen", kit.safe((req, res) => cancelAppointment(kit, req, res)));
  server.get("/termin/:token/kalender.ics", kit.safe((req, res) => sendCalendar(kit, req, res)));
  mountWaitlistPages(server, kit);
}

function createKit(deps: CitizenPagesDeps): PageKit {
  const log = deps.log ?? createLogger("citizen-pages");
  const views = createRateLimit(deps.limits?.viewsPerMinute ?? 60, 60);
  const posts = createRateLimit(deps.limits?.postsPerMinute ?? 10, 60);
  const city = deps.core.config.city;
  const send = (res: Response, page: RenderedPage) => {
    res.writeHead(page.status, HEADERS);
    res.end(page.html);
  };
  return {
    deps,
    log,
    send,
    async admit(req, res, post) {
      const address = clientAddress(req, deps.trustProxy ?? false);
      const wait = await (post ? posts : views).take(address);
      if (wait !== null) {
        res.setHeader("retry-after", String(wait));
        send(res, renderRefusal(city, "TOO_MANY_ATTEMPTS"));
        return null;
      }
      if (!post) return { source: `ip:${address}`, form: null };
      if (!sameOrigin(req, deps.publicUrl)) {
        send(res, renderRefusal(city, "FORBIDDEN_ORIGIN"));
        return null;
      }
      const form = await readForm(req);
      if (!form) {
        send(res, renderRefusal(city, "BAD_FORM"));
        return null;
      }
      return { source: `ip:${address}`, form };
    },
    formValid(res, form, purpose, token) {
      if (csrfValid(deps.secret, purpose, token, form?.get("csrf"))) return true;
      send(res, renderRefusal(city, "BAD_FORM"));
      return false;
    },
    safe: (handler) => async (req, res) => {
      try {
        await handler(req, res);
      } catch (err) {
        log.error({ action: "citizen_page_failed", route: req.getRoute?.()?.path, err }, "citizen page failed");
        if (!res.headersSent) send(res, renderRefusal(city, "INTERNAL"));
      }
    },
  };
}

async function findAppointment(kit: PageKit, req: Request, res: Response, source: string): Promise<Appointment | null> {
  const found = await kit.deps.core.bookings.lookup({ token: String(req.params.token ?? "") }, { source });
  if (found.ok && found.appointments[0]) return found.appointments[0];
  kit.send(res, renderRefusal(kit.deps.core.config.city, found.ok ? "NOT_FOUND" : found.code));
  return null;
}

async function showAppointment(kit: PageKit, req: Request, res: Response): Promise<void> {
  const admitted = await kit.admit(req, res);
  if (!admitted) return;
  const a = await findAppointment(kit, req, res, admitted.source);
  if (!a) return;
  const { core, publicUrl, secret } = kit.deps;
  const view = appointmentPageView(core.config, a, core.now());
  if (a.status === "cancelled") return kit.send(res, renderCancelledPage(core.config.city, view, false));
  if (!["booked", "suggested", "attended", "no_show"].includes(a.status)) return kit.send(res, renderRefusal(core.config.city, "NOT_FOUND"));
  const token = String(req.params.token);
  const links = appointmentLinks(publicUrl, token);
  kit.send(res, renderAppointmentPage(core.config.city, view, { cancelAction: `${links.page}/absagen`, ics: links.ics, csrf: csrfToken(secret, "cancel", token) }));
}

async function cancelAppointment(kit: PageKit, req: Request, res: Response): Promise<void> {
  const token = String(req.params.token ?? "");
  const admitted = await kit.admit(req, res, true);
  if (!admitted) return;
  const { core } = kit.deps;
  const before = await findAppointment(kit, req, res, admitted.source);
  if (!before) return;
  if (before.status === "cancelled") return kit.send(res, renderRefusal(core.config.city, "ALREADY_CANCELLED"));
  if (!kit.formValid(res, admitted.form, "cancel", token)) return;
  const channel: Channel = before.channel === "staff" || before.channel === "cli" ? "webchat" : before.channel;
  const actor: Actor = { kind: "citizen", channel };
  const done = await core.bookings.cancel({ token }, actor, { source: admitted.source });
  if (!done.ok) return kit.send(res, renderRefusal(core.config.city, done.code));
  kit.log.info({ action: "cancelled_by_link", appointmentId: done.appointment.id }, "appointment cancelled on its page");
  kit.send(res, renderCancelledPage(core.config.city, appointmentPageView(core.config, done.appointment, core.now()), true));
}

async function sendCalendar(kit: PageKit, req: Request, res: Response): Promise<void> {
  const admitted = await kit.admit(req, res);
  if (!admitted) return;
  const a = await findAppointment(kit, req, res, admitted.source);
  if (!a) return;
  const { core } = kit.deps;
  if (!["booked", "suggested"].includes(a.status)) return kit.send(res, renderRefusal(core.config.city, a.status === "cancelled" ? "ALREADY_CANCELLED" : "NOT_FOUND"));
  const ics = calendarFile(core.config, a, appointmentPageView(core.config, a, core.now()), core.now());
  res.writeHead(200, {
    "content-type": "text/calendar; charset=utf-8",
    "content-disposition": 'attachment; filename="termin.ics"',
    "cache-control": "no-store",
    "referrer-policy": "same-origin",
    "x-content-type-options": "nosniff",
  });
  res.end(ics);
}
