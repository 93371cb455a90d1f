import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EchoBot } from "../../bot/echo.bot.ts";
import { WEBCHAT_FILE } from "../../bot/web-page.ts";
import type { CityConfig } from "../../core/config/schema.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { postJson, settingsFrom, startServer } from "./helpers.ts";

const VENDOR = new URL("../../bot/public/vendor/", import.meta.url);

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb({ kind: "pglite" });
});
afterAll(async () => {
  await db?.close();
});

function withCity(city: Partial<CityConfig["city"]>): TestDb {
  return { ...db, core: { ...db.core, config: { ...db.config, city: { ...db.config.city, ...city } } } } as TestDb;
}

describe("vendored Web Chat", () => {
  it("is the file the vendor README names, byte for byte", () => {
    const readme = readFileSync(new URL("README.md", VENDOR), "utf8");
    const sha = createHash("sha256").update(readFileSync(new URL(WEBCHAT_FILE, VENDOR))).digest("hex");
    expect(readme).toContain(`\`${WEBCHAT_FILE}\``);
    expect(readme).toContain(sha);
  });
});

describe("chat page", () => {
  it("renders the city's name, colours, logo and contact in German, escaped", async () => {
    const s = await startServer(
      withCity({ name: "Musterstadt <Test>", logoUrl: "https://cdn.musterstadt.example/logo.svg", colors: { primary: "#123456", accent: "red;}body{display:none" } }),
      new EchoBot(),
    );
    try {
      const res = await fetch(`${s.url}/`);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      const csp = res.headers.get("content-security-policy")!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("img-src 'self' data: blob: https://cdn.musterstadt.example");
      const html = await res.text();
      expect(html).toContain('<html lang="de">');
      expect(html).toContain("Musterstadt &lt;Test&gt;");
      expect(html).not.toContain("<Test>");
      expect(html).toContain('alt="Logo Musterstadt &lt;Test&gt;"');
      expect(html).toContain(`/assets/vendor/${WEBCHAT_FILE}`);
      const theme = await (await fetch(`${s.url}/assets/theme.css`)).text();
      expect(theme).toContain("--city-primary: #123456");
      expect(theme).not.toContain("display:none");
    } finally {
      await s.close();
    }
  });

  it("serves only the listed assets, the vendor file gzipped and immutable", async () => {
    const s = await startServer(db, new EchoBot());
    try {
      for (const path of ["/assets/chat.js", "/assets/chat.css"]) expect((await fetch(`${s.url}${path}`)).status).toBe(200);
      for (const path of ["/assets/vendor/README.md", "/assets/../settings.ts", "/bot/server.ts", "/assets/vendor/LICENSE"]) {
        expect((await fetch(`${s.url}${path}`)).status).toBe(404);
      }
      const raw = await import("node:http").then(
        (http) =>
          new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve) => {
            http.get(`${s.url}/assets/vendor/${WEBCHAT_FILE}`, { headers: { "accept-encoding": "gzip" } }, (res) => {
              const chunks: Buffer[] = [];
              res.on("data", (c) => chunks.push(c));
              res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
            });
          }),
      );
      expect(raw.headers["content-encoding"]).toBe("gzip");
      expect(raw.headers["cache-control"]).toContain("immutable");
      expect(gunzipSync(raw.body).equals(readFileSync(new URL(WEBCHAT_FILE, VENDOR)))).toBe(true);
    } finally {
      await s.close();
    }
  });
});

describe("Azure Direct Line mode", () => {
  let azure: Server;
  let azureUrl: string;
  const seen: { auth?: string; body?: string }[] = [];
  beforeAll(async () => {
    azure = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        seen.push({ auth: req.headers.authorization, body });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ conversationId: "azure-conv", token: "azure-token", expires_in: 3600 }));
      });
    });
    await new Promise<void>((resolve) => azure.listen(0, "127.0.0.1", resolve));
    azureUrl = `http://127.0.0.1:${(azure.address() as AddressInfo).port}/v3/directline`;
  });
  afterAll(() => new Promise<void>((resolve) => azure.close(() => resolve())));

  it("points the page at Azure and exchanges the secret server-side for a conversation token", async () => {
    const settings = settingsFrom({ DIRECT_LINE_MODE: "azure", DIRECT_LINE_AZURE_DOMAIN: azureUrl, DIRECT_LINE_AZURE_SECRET: "dl-secret" });
    const s = await startServer(db, new EchoBot(), settings);
    try {
      const html = await (await fetch(`${s.url}/`)).text();
      expect(html).toContain(`"domain":"${azureUrl}"`);
      expect(html).toContain('"tokenUrl":"/chat/azure-token"');
      expect(html).not.toContain("dl-secret");
      const res = await postJson(`${s.url}/chat/azure-token`, {});
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ token: "azure-token", conversationId: "azure-conv" });
      expect(seen[0]!.auth).toBe("Bearer dl-secret");
      expect(JSON.parse(seen[0]!.body!).user.id).toMatch(/^dl_/);
    } finally {
      await s.close();
    }
  });
});
