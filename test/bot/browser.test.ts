import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EchoBot } from "../../bot/echo.bot.ts";
import { chromiumAvailable, launchBrowser } from "../support/browser.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { startServer, type Started } from "./helpers.ts";

/** Screenshots for a person to look at: `tmp/` is git-ignored. */
const SHOTS = new URL("../../tmp/screenshots/", import.meta.url);

/** A message in the transcript (Web Chat also repeats it in hidden screen-reader labels). */
const said = (page: Page, text: string) => page.getByText(text, { exact: true }).first();

describe.runIf(chromiumAvailable())("website chat in headless Chromium", () => {
  let db: TestDb;
  let s: Started;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite" });
    s = await startServer(db, new EchoBot());
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1000, height: 900 }, locale: "de-DE" });
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => void (m.type() === "error" && consoleErrors.push(m.text())));
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    await page.goto(`${s.url}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await db?.close();
  });

  it("greets, sends a typed message and shows the bot's answer", async () => {
    await said(page, "Willkommen beim Terminassistenten!").waitFor({ timeout: 20_000 });
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill("Hallo Bürgerbüro");
    await input.press("Enter");
    await said(page, "Echo: Hallo Bürgerbüro").waitFor({ timeout: 20_000 });
    expect(await page.textContent("#chat-status")).toMatch(/bereit/);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: new URL("chat.png", SHOTS).pathname });
  }, 60_000);

  it("sends a suggested action by click", async () => {
    await page.getByRole("button", { name: "Hilfe" }).last().click();
    await said(page, "Echo: Hilfe").waitFor({ timeout: 20_000 });
  }, 60_000);

  it("runs without script errors or Content-Security-Policy violations", () => {
    expect(consoleErrors).toEqual([]);
  });

  it("loads everything from its own origin (no CDN)", () => {
    const foreign = requests.filter((u) => !u.startsWith(s.url) && !u.startsWith("data:") && !u.startsWith("blob:"));
    expect(foreign).toEqual([]);
  });

  it("is German and navigable by keyboard: visible skip link first, then the chat, labelled landmarks", async () => {
    const fresh = await browser.newPage({ locale: "de-DE" });
    try {
      await fresh.goto(`${s.url}/`);
      await said(fresh, "Willkommen beim Terminassistenten!").waitFor({ timeout: 20_000 });
      expect(await fresh.getAttribute("html", "lang")).toBe("de");
      await fresh.keyboard.press("Tab");
      const skip = await fresh.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { text: el.textContent?.trim(), top: el.getBoundingClientRect().top, outline: getComputedStyle(el).outlineStyle };
      });
      expect(skip.text).toBe("Direkt zum Chat");
      expect(skip.top).toBeGreaterThanOrEqual(0);
      expect(skip.outline).not.toBe("none");
      await fresh.keyboard.press("Enter");
      expect(await fresh.evaluate(() => document.activeElement?.id)).toBe("chat");
      await fresh.keyboard.press("Tab");
      expect(await fresh.evaluate(() => Boolean(document.activeElement?.closest("#webchat")))).toBe(true);
      for (const role of ["main", "banner", "contentinfo"] as const) expect(await fresh.getByRole(role).count()).toBe(1);
      expect(await fresh.getByRole("region", { name: "Chat mit dem Terminassistenten" }).count()).toBe(1);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
