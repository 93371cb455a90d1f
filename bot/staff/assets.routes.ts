/** The console's two static files, read once; nothing else on disk is reachable. */
import { readFileSync } from "node:fs";
import type { Request, Response, Server } from "restify";
import { SECURITY_HEADERS } from "./http.ts";

const ASSETS: Record<string, { file: string; type: string }> = {
  "/staff/assets/staff.css": { file: "staff.css", type: "text/css; charset=utf-8" },
  "/staff/assets/staff.js": { file: "staff.js", type: "text/javascript; charset=utf-8" },
};

export function mountAssets(server: Server): void {
  for (const [path, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(new URL(`./public/${asset.file}`, import.meta.url));
    server.get(path, async (_req: Request, res: Response) => {
      res.writeHead(200, { "content-type": asset.type, "cache-control": "no-cache", "content-length": body.length, ...SECURITY_HEADERS });
      res.end(body);
    });
  }
}
