/**
 * Headless Chromium for browser tests: Debian's `chromium` driven by playwright-core (never
 * `npx playwright install`). Outside CI a missing browser skips with a hint; with CI=true it fails.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
  "--disable-sync",
];

/** Whether Chromium is installed; with CI=true a missing one throws. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const hint = `${CHROMIUM_PATH} is missing: apt-get update && apt-get install -y --no-install-recommends chromium`;
  if (process.env.CI === "true") throw new Error(`Chromium is required in CI. ${hint}`);
  console.warn(`Skipping browser tests. ${hint}`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
