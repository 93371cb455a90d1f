/**
 * The citizen pages over real HTTP: GET only shows (mail scanners open links), POST with the
 * page's anti-forgery token cancels or answers, reused and forged links are refused, and a
 * cancelled slot reaches the waiting list first once the delay is over.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import restify, { type Server } from "restify";
import type { AddressInfo } from "node:net";
import { postgresAvailable, MONDAY_10 } from "../support/db.ts";
import type { Actor } from "../../core/index.ts";
import { freeSlots } from "../../core/jobs/free-slots.ts";
import { mountCitizenPages } from "../../bot/citizen/citizen-pages.ts";
import { renderPage } from "../../templates/de/pages/layout.ts";
import { html } from "../../templates/de/mail/html.ts";
import { openJobsDb, ausweis, erika, SECRET, PUBLIC_URL, type JobsTestDb } from "./helpers.ts";

const citizen: Actor = { kind: "citizen", channel: "webchat" };
const kinds = ["pglite", ...((await postgresAvailable()) ? ["postgres" as const] : [])] as const;
const SLOT = "2026-11-26T10:00:00+01:00";

describe.each(kinds)("citizen pages on %s", (kind) => {
  let db: JobsTestDb;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    db = await openJobsDb(kind);
    server = restify.createServer({ handleUncaughtExceptions: false });
    // As in bot/server.ts: JSON only, so forms arrive as raw text.
    server.use(restify.plugins.jsonBodyParser({ mapParams: false } as restify.plugins.JsonBodyParserOptions));
    mountCitizenPages(server, { core: db.core, waitlist: db.waitlist, secret: SECRET, publicUrl: PUBLIC_URL, limits: { viewsPerMinute: 1000, postsPerMinute: 1000 } });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await db?.close();
  });
  beforeEach(async () => {
    db.clock.set(MONDAY_10);
    await db.reset();
  });

  const book = async () => {
    const r = await db.core.bookings.book({ slot: { locationId: "mitte", start: SLOT }, services: ausweis, contact: erika, actor: citizen });
    if (!r.ok) throw new Error(r.code);
    return r.appointment;
  };
  const get = async (path: string) => {
    const res = await fetch(base + path);
    return { status: res.status, text: await res.text(), type: res.headers.get("content-type") };
  };
  const post = async (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, { method: "POST", body: new URLSearchParams(fields), headers, redirect: "manual" });
    return { status: res.status, text: await res.text() };
  };
  const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
  const status = async (id: string) => (await db.sql`select status from appointment where id = ${id}`)[0]!.status;

  it("GET shows the appointment and changes nothing; only the POST cancels", async () => {
    const a = await book();
    const page = await get(`/termin/${a.token}`);
    expect(page.status).toBe(200);
    expect(page.type).toContain("text/html");
    for (const text of ["Donnerstag, 26.11.2026", "10:00 Uhr", "Personalausweis beantragen", "Bisheriger Ausweis oder Reisepass", "37,00 €", a.code, "Termin absagen", "kalender.ics"]) {
      expect(page.text).toContain(text);
    }
    await get(`/termin/${a.token}`);
    await get(`/termin/${a.token}/absagen`); // a scanner guessing the action URL: no GET route
    expect(await status(a.id)).toBe("booked");
    expect((await post(`/termin/${a.token}/absagen`, {})).status).toBe(400);
    expect((await post(`/termin/${a.token}/absagen`, { csrf: csrfOf(page.text) }, { origin: "https://evil.example" })).status).toBe(403);
    expect(await status(a.id)).toBe("booked");
    const done = await post(`/termin/${a.token}/absagen`, { csrf: csrfOf(page.text) }, { origin: new URL(PUBLIC_URL).origin });
    expect(done.status).toBe(200);
    expect(done.text).toContain("Ihr Termin ist abgesagt");
    expect(await status(a.id)).toBe("cancelled");
  });

  it("refuses a reused or forged link with a German page and changes nothing", async () => {
    const a = await book();
    const csrf = csrfOf((await get(`/termin/${a.token}`)).text);
    await post(`/termin/${a.token}/absagen`, { csrf });
    const again = await post(`/termin/${a.token}/absagen`, { csrf });
    expect(again.status).toBe(410);
    expect(again.text).toContain("bereits abgesagt");
    expect((await get(`/termin/${a.token}`)).status).toBe(410);
    const forged = "A".repeat(43);
    const page = await get(`/termin/${forged}`);
    expect(page.status).toBe(404);
    expect(page.text).toContain("Diesen Link kennen wir nicht");
    expect((await post(`/termin/${forged}/absagen`, { csrf })).status).toBe(404);
    expect((await get(`/termin/${forged}/kalender.ics`)).status).toBe(404);
    expect(await db.sql`select 1 from appointment where status = 'cancelled'`).toHaveLength(1);
  });

  it("serves the calendar file", async () => {
    const a = await book();
    const ics = await get(`/termin/${a.token}/kalender.ics`);
    expect(ics.status).toBe(200);
    expect(ics.type).toContain("text/calendar");
    expect(ics.text).toContain("METHOD:PUBLISH");
    expect(ics.text).toContain("DTSTART;TZID=Europe/Berlin:20261126T100000");
    expect(ics.text).toContain(`UID:appointment-${a.id}@`);
    expect(ics.text).not.toContain("ATTENDEE");
  });

  it("a cancelled slot goes to the waiting list first after the delay", async () => {
    const a = await book();
    await db.waitlist.register({ services: ausweis, latestDate: "2026-12-31", contact: { name: "Wartende", email: "wait@example.org" }, channel: "mail" });
    const csrf = csrfOf((await get(`/termin/${a.token}`)).text);
    await post(`/termin/${a.token}/absagen`, { csrf });
    expect((await freeSlots({ now: db.clock.now() }, db.deps)).cancellationsReleased).toBe(0);
    db.clock.advance(15 * 60_000);
    expect((await freeSlots({ now: db.clock.now() }, db.deps)).cancellationsReleased).toBe(1);
    const [offer] = await db.sql<{ token: string }[]>`select payload->>'token' as token from notification where kind = 'waitlist_offer'`;
    const offerPage = await get(`/warteliste/angebot/${offer!.token}`);
    expect(offerPage.status).toBe(200);
    expect(offerPage.text).toContain("Donnerstag, 26.11.2026");
    expect(offerPage.text).toContain("Termin annehmen");
    expect(await db.sql`select 1 from waitlist_offer where status = 'offered'`).toHaveLength(1); // GET changed nothing
    const accepted = await post(`/warteliste/angebot/${offer!.token}`, { csrf: csrfOf(offerPage.text), antwort: "annehmen" });
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain("Ihr Termin ist gebucht");
    expect((await db.sql`select c.email from appointment a join contact c on c.id = a.contact_id where a.status = 'booked'`)[0]!.email).toBe("wait@example.org");
    const reused = await post(`/warteliste/angebot/${offer!.token}`, { csrf: csrfOf(offerPage.text), antwort: "ablehnen" });
    expect(reused.status).toBe(410);
    expect((await get(`/warteliste/angebot/${offer!.token}`)).status).toBe(410);
  });

  it("declines an offer and withdraws a wish by POST only", async () => {
    const a = await book();
    const first = await db.waitlist.register({ services: ausweis, latestDate: "2026-12-31", contact: { name: "Erste", email: "first@example.org" }, channel: "mail" });
    const second = await db.waitlist.register({ services: ausweis, latestDate: "2026-12-31", contact: { name: "Zweite", email: "second@example.org" }, channel: "mail" });
    if (!first.ok || !second.ok) throw new Error("register failed");
    await db.core.bookings.cancel({ token: a.token }, citizen);
    db.clock.advance(15 * 60_000);
    await freeSlots({ now: db.clock.now() }, db.deps);
    const [offer] = await db.sql<{ token: string }[]>`select payload->>'token' as token from notification where kind = 'waitlist_offer'`;
    const offerPage = await get(`/warteliste/angebot/${offer!.token}`);
    expect((await post(`/warteliste/angebot/${offer!.token}`, { csrf: csrfOf(offerPage.text), antwort: "ablehnen" })).text).toContain("Angebot abgelehnt");
    expect((await db.sql`select payload->>'to' as to from notification where kind = 'waitlist_offer'`).map((r) => r.to)).toEqual(["second@example.org"]);
    const wishPage = await get(`/warteliste/${second.token}`);
    expect(wishPage.status).toBe(200);
    expect(wishPage.text).toContain("Wunsch zurückziehen");
    expect(wishPage.text).toContain("bereits einen Termin angeboten");
    expect((await post(`/warteliste/${second.token}/zurueckziehen`, { csrf: "forged" })).status).toBe(400);
    expect((await db.sql`select status from waitlist_wish order by seq`).map((r) => r.status)).toEqual(["declined", "offered"]);
    const withdrawn = await post(`/warteliste/${second.token}/zurueckziehen`, { csrf: csrfOf(wishPage.text) });
    expect(withdrawn.text).toContain("Wunsch zurückgezogen");
    expect((await post(`/warteliste/${second.token}/zurueckziehen`, { csrf: csrfOf(wishPage.text) })).status).toBe(410);
    expect((await get(`/warteliste/${"B".repeat(32)}`)).status).toBe(404);
  });
});

describe("page templates", () => {
  it("escape everything they show", () => {
    const city = { name: "Stadt <b>", phone: "0", website: "", colors: { primary: "red;}</style><script>", accent: "#000" } };
    const page = renderPage(city, "<script>alert(1)</script>", html`<p>${"<img src=x onerror=alert(1)>"}</p>`);
    expect(page.html).not.toContain("<script>");
    expect(page.html).not.toContain("<img");
    expect(page.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
