/**
 * The website chat page and its assets, served from our own origin with plain read streams
 * (no restify serveStatic: it pulls send@0.18, GHSA-m6fv-jmcg-4jfg).
 */
import { createReadStream, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { gzip } from "node:zlib";
import { promisify } from "node:util";
import type { Request, Response, Server } from "restify";
import type { CityConfig } from "../core/config/schema.ts";
import type { BotSettings } from "./settings.ts";
import { UI_TEXTS } from "./ui-texts.de.ts";

export const WEBCHAT_FILE = "webchat-4.18.1.js";
const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));
const HEX_COLOUR = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i;

/** Files the page may load: URL path -> file and content type. Nothing else on disk is reachable. */
const ASSETS: Record<string, { file: string; type: string; immutable: boolean }> = {
  "/assets/chat.css": { file: "chat.css", type: "text/css; charset=utf-8", immutable: false },
  "/assets/chat.js": { file: "chat.js", type: "text/javascript; charset=utf-8", immutable: false },
  [`/assets/vendor/${WEBCHAT_FILE}`]: { file: `vendor/${WEBCHAT_FILE}`, type: "text/javascript; charset=utf-8", immutable: true },
};

export interface PageOptions {
  city: CityConfig["city"];
  directLine: BotSettings["directLine"];
}

export function mountWebPage(server: Server, options: PageOptions): void {
  const html = renderPage(options);
  const theme = renderTheme(options.city.colors);
  const csp = contentSecurityPolicy(options);
  const gzipped = new Map<string, Promise<Buffer>>();

  server.get("/", async (_req: Request, res: Response) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", "content-security-policy": csp, ...SAFE_HEADERS });
    res.end(html);
  });
  server.get("/assets/theme.css", async (_req: Request, res: Response) => {
    res.writeHead(200, { "content-type": "text/css; charset=utf-8", "cache-control": "no-cache", ...SAFE_HEADERS });
    res.end(theme);
  });
  for (const [path, asset] of Object.entries(ASSETS)) {
    server.get(path, async (req: Request, res: Response) => {
      const file = PUBLIC_DIR + asset.file;
      const headers = {
        "content-type": asset.type,
        "cache-control": asset.immutable ? "public, max-age=31536000, immutable" : "no-cache",
        vary: "accept-encoding",
        ...SAFE_HEADERS,
      };
      if (asset.immutable && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        if (!gzipped.has(file)) gzipped.set(file, promisify(gzip)(readFileSync(file)));
        const body = await gzipped.get(file)!;
        res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": body.length });
        res.end(body);
        return;
      }
      const { size } = await stat(file);
      res.writeHead(200, { ...headers, "content-length": size });
      await pipeline(createReadStream(file), res);
    });
  }
}

const SAFE_HEADERS = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };

function renderPage({ city, directLine }: PageOptions): string {
  const t = UI_TEXTS.page;
  const colours = safeColours(city.colors);
  const local = directLine.mode === "local";
  const config = {
    tokenUrl: local ? "/v3/directline/tokens/generate" : "/chat/azure-token",
    domain: local ? null : directLine.azure.domain,
    webSocket: !local,
    pollingInterval: 500,
    phone: city.phone,
    texts: { connected: t.connected, failed: t.failed },
    styleOptions: {
      accent: colours.primary,
      bubbleBorderRadius: 12,
      bubbleFromUserBorderRadius: 12,
      bubbleFromUserBackground: colours.primary,
      bubbleFromUserTextColor: "#ffffff",
      hideUploadButton: true,
      suggestedActionLayout: "flow",
      suggestedActionBorderColor: colours.primary,
      suggestedActionTextColor: colours.primary,
      suggestedActionBorderRadius: 8,
      sendBoxTextWrap: true,
    },
  };
  const values: Record<string, string> = {
    title: escapeHtml(t.title),
    cityName: escapeHtml(city.name),
    skipLink: escapeHtml(t.skipLink),
    intro: escapeHtml(t.intro),
    chatRegion: escapeHtml(t.chatRegion),
    noScript: escapeHtml(t.noScript),
    connecting: escapeHtml(t.connecting),
    phoneLabel: escapeHtml(t.phone),
    phone: escapeHtml(city.phone),
    phoneHref: escapeHtml(city.phone.replace(/[^\d+]/g, "")),
    emailLabel: escapeHtml(t.email),
    email: escapeHtml(city.email),
    privacy: escapeHtml(t.privacy),
    logo: city.logoUrl ? `<img class="site-header__logo" src="${escapeHtml(city.logoUrl)}" alt="${escapeHtml(`${t.logoAlt} ${city.name}`)}">` : "",
    webchatFile: WEBCHAT_FILE,
    // JSON inside <script>: "<" escaped so no value can close the element.
    configJson: JSON.stringify(config).replace(/</g, "\\u003c"),
  };
  const template = readFileSync(PUBLIC_DIR + "index.html", "utf8");
  return template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? "");
}

function renderTheme(colors: CityConfig["city"]["colors"]): string {
  const c = safeColours(colors);
  return `:root { --city-primary: ${c.primary}; --city-accent: ${c.accent}; --city-focus: ${c.accent}; }\n`;
}

/** Colours end up in CSS and inline styles: accept hex only, fall back to a neutral blue. */
function safeColours(colors: CityConfig["city"]["colors"]): { primary: string; accent: string } {
  return {
    primary: HEX_COLOUR.test(colors.primary) ? colors.primary : "#00508c",
    accent: HEX_COLOUR.test(colors.accent) ? colors.accent : "#b00020",
  };
}

function contentSecurityPolicy({ city, directLine }: PageOptions): string {
  const logoOrigin = city.logoUrl && /^https?:\/\//.test(city.logoUrl) ? ` ${new URL(city.logoUrl).origin}` : "";
  const azure = directLine.mode === "azure" ? ` ${new URL(directLine.azure.domain).origin} wss://${new URL(directLine.azure.domain).host}` : "";
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Web Chat injects its styles at run time (emotion).
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${logoOrigin}`,
    `connect-src 'self'${azure}`,
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}
