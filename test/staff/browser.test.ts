import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchBrowser } from "../support/browser.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { addAccount, PASSWORD, startConsole, staffSettings, suggest, testCity, type Console } from "./helpers.ts";

/** Screenshots for a person to look at: `tmp/` is git-ignored. */
const SHOTS = new URL("../../tmp/screenshots/staff/", import.meta.url).pathname;

describe.runIf(chromiumAvailable())("staff console in headless Chromium", () => {
  let db: TestDb;
  let web: Console;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let bookedCode = "";

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite", config: testCity() });
    web = await startConsole(db, staffSettings({ STAFF_SESSION_IDLE_MINUTES: "600" }));
    await addAccount(db, "eva", "clerk", ["eving"]);
    await suggest(db, "eving", "Guten Tag,\nich brauche eine Geburtsurkunde für meine Tochter. <b>Danke!</b>");
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: "de-DE" });
    page.on("console", (m) => void (m.type() === "error" && problems.push(m.text())));
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("response", (r) => void (r.status() === 404 && problems.push(`404 ${new URL(r.url()).pathname}`)));
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await db?.close();
  });

  it("signs in with the keyboard", async () => {
    await page.goto(`${web.url}/staff/queue`);
    await page.screenshot({ path: `${SHOTS}login.png` });
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Zum Inhalt springen");
    await page.getByLabel("Benutzername").fill("eva");
    await page.getByLabel("Passwort").fill(PASSWORD);
    await page.getByLabel("Passwort").press("Enter");
    await page.getByRole("heading", { level: 1, name: "Anfragen prüfen" }).waitFor();
    expect(await page.locator("blockquote.citizen-text").textContent()).toContain("<b>Danke!</b>");
    await page.screenshot({ path: `${SHOTS}queue.png`, fullPage: true });
  }, 60_000);

  it("approves a suggestion", async () => {
    await page.getByRole("button", { name: "Freigeben", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Der Termin wurde freigegeben." }).waitFor();
    expect(await page.locator(".empty").textContent()).toContain("Keine offenen Anfragen");
  }, 60_000);

  it("books a phone caller and shows the printable confirmation", async () => {
    await page.getByRole("link", { name: "Termin buchen" }).click();
    await page.getByLabel("Anliegen").selectOption("personalausweis");
    await page.getByRole("button", { name: "Freie Termine suchen" }).click();
    await page.getByRole("group", { name: "Freie Termine" }).waitFor();
    await page.screenshot({ path: `${SHOTS}book.png`, fullPage: true });
    await page.getByLabel("Name").fill("Paul Anrufer");
    await page.getByLabel("Telefon (optional)").fill("0231 987654");
    await page.getByRole("button", { name: "Verbindlich buchen" }).click();
    await page.getByRole("heading", { level: 1, name: "Terminbestätigung" }).waitFor();
    bookedCode = (await page.locator(".code").textContent())!.trim();
    expect(bookedCode).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    await page.screenshot({ path: `${SHOTS}confirmation.png`, fullPage: true });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: `${SHOTS}confirmation-print.png`, fullPage: true });
    await page.emulateMedia({ media: "screen" });
  }, 60_000);

  it("marks the caller as not attended in the day schedule", async () => {
    const [row] = await db.sql`select id, lower(during) as start from appointment where code = ${bookedCode}`;
    db.clock.set(new Date((row!.start as Date).getTime() + 10 * 60_000));
    await page.getByRole("link", { name: "Zurück zum Tagesplan" }).click();
    await page.getByRole("button", { name: `Nicht erschienen: ${bookedCode}`, exact: false }).click();
    await page.getByRole("status").filter({ hasText: "Der Status wurde gespeichert." }).waitFor();
    expect(await page.locator(`#a-${row!.id} .badge`).textContent()).toBe("nicht erschienen");
    await page.screenshot({ path: `${SHOTS}schedule.png`, fullPage: true });
    expect((await db.core.bookings.get(row!.id as string))!.status).toBe("no_show");
  }, 60_000);

  it("shows the figures with the chart", async () => {
    await page.getByRole("link", { name: "Kennzahlen" }).click();
    await page.locator("svg[role=img]").waitFor();
    await page.screenshot({ path: `${SHOTS}figures.png`, fullPage: true });
  }, 60_000);

  it("runs without script errors or Content-Security-Policy violations", () => {
    expect(problems).toEqual([]);
  });
});
