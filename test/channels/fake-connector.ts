/**
 * A local Bot Framework channel ("serviceUrl"): records what the bot sends to Teams. POST to
 * …/activities[/replyToId] is a new message (answered with a fresh id), PUT …/activities/:id an
 * in-place update.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ConnectorCall {
  verb: "send" | "update";
  conversationId: string;
  activityId: string | null;
  activity: Record<string, any>;
  /** Id the fake assigned (send) or the updated id (update). */
  id: string;
}

export interface FakeConnector {
  url: string;
  calls: ConnectorCall[];
  sends(): ConnectorCall[];
  updates(): ConnectorCall[];
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  let next = 1;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const m = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? "");
      res.setHeader("content-type", "application/json");
      if (!m) {
        res.statusCode = 404;
        res.end("{}");
        return;
      }
      const activityId = m[2] ? decodeURIComponent(m[2]) : null;
      const verb = req.method === "PUT" ? "update" : "send";
      const id = verb === "update" ? activityId! : `msg-${next++}`;
      calls.push({ verb, conversationId: decodeURIComponent(m[1]!), activityId, activity: raw ? JSON.parse(raw) : {}, id });
      res.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    sends: () => calls.filter((c) => c.verb === "send"),
    updates: () => calls.filter((c) => c.verb === "update"),
    reset: () => void calls.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** All plain text of an Adaptive Card (TextBlocks and TextRuns), for assertions. */
export function cardText(activity: Record<string, any>): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if ((n.type === "TextBlock" || n.type === "TextRun") && typeof n.text === "string") out.push(n.text);
    Object.values(n).forEach(walk);
  };
  walk((activity.attachments ?? []).map((a: { content: unknown }) => a.content));
  return out.join("\n");
}
