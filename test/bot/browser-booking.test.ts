/**
 * A citizen books on the website in headless Chromium: types a wish, clicks a proposal, gives name
 * and e-mail, confirms, and sees the confirmation with its code — through the real dialogs, the
 * real parser and the real core.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { ConversationState } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchBrowser } from "../support/browser.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { startServer, type Started } from "./helpers.ts";
import { createDialogBot } from "../../dialogs/index.ts";
import { PgStorage } from "../../bot/pg-storage.ts";
import { parse } from "../../core/language/index.ts";
import { appointmentLinks } from "../../core/links.ts";

const SHOTS = new URL("../../tmp/screenshots/", import.meta.url);

describe.runIf(chromiumAvailable())("booking in the website chat (Chromium)", () => {
  let db: TestDb;
  let s: Started;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite" });
    const config = db.config;
    const bot = createDialogBot({
      core: db.core,
      parse: (text, now) => parse(text, now, config.city.timezone, config),
      conversationState: new ConversationState(new PgStorage(db.sql)),
      links: { icsUrl: (_id, token) => appointmentLinks("http://localhost", token).ics, cancelUrl: (token) => appointmentLinks("http://localhost", token).cancel },
    });
    s = await startServer(db, bot);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1000, height: 1000 }, locale: "de-DE" });
    await page.goto(`${s.url}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await db?.close();
  });

  const send = async (text: string) => {
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(text);
    await input.press("Enter");
  };

  it("books an appointment by typing and clicking and shows the code", async () => {
    await send("Ich brauche einen Personalausweis nächste Woche vormittags in Brackel");
    const proposal = page.getByRole("button", { name: /Bürgerbüro Brackel/ }).first();
    await proposal.waitFor({ timeout: 30_000 });
    await proposal.click();
    await page.getByText(/Auf welchen Namen/).first().waitFor({ timeout: 30_000 });
    await send("Erika Mustermann");
    await page.getByText(/E-Mail-Adresse/).first().waitFor({ timeout: 30_000 });
    await send("erika@example.org");
    const confirm = page.getByRole("button", { name: "Ja, buchen" }).last();
    await confirm.waitFor({ timeout: 30_000 });
    await confirm.click();
    const confirmation = page.getByText(/Ihr Buchungscode: [2-9A-Z]{3}-[2-9A-Z]{3}/).first();
    await confirmation.waitFor({ timeout: 30_000 });
    const code = /([2-9A-Z]{3}-[2-9A-Z]{3})/.exec((await confirmation.textContent()) ?? "")![1]!;
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: new URL("booking.png", SHOTS).pathname, fullPage: true });

    const [row] = await db.sql`select status, location_id, local_date::text as date from appointment where code = ${code}`;
    expect(row).toEqual({ status: "booked", location_id: "brackel", date: expect.stringMatching(/^2026-1[12]-/) });
    const [contact] = await db.sql`select c.name, c.email from contact c join appointment a on a.contact_id = c.id where a.code = ${code}`;
    expect(contact).toEqual({ name: "Erika Mustermann", email: "erika@example.org" });
  }, 120_000);
});
