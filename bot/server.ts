/**
 * The chat's HTTP server (restify 11): the website chat page and its local Direct Line, the Bot
 * Framework endpoint /api/messages when configured, and health and readiness probes.
 *
 * @example
 *   const http = createHttpServer({ core, bot, settings: readBotSettings(process.env), sql });
 *   await http.listen(3978, "127.0.0.1");
 */
import type { AddressInfo } from "node:net";
import type { Activity, BotAdapter, ConversationReference, TurnContext } from "botbuilder";
import type { Sql } from "postgres";
import restify, { type Request, type Response, type Server } from "restify";
import type { Core } from "../core/core.ts";
import { createLogger, type Logger } from "../core/log.ts";
import { mountAzureTokenRoute } from "./azure-direct-line.route.ts";
import { createCloudAdapter, mountBotFrameworkEndpoint, type BotFrameworkRouteDeps, type HostedCloudAdapter } from "./bot-framework.routes.ts";
import { createConversationRefStore, type ConversationRefStore } from "./conversation-refs.ts";
import { createDirectLineTokens } from "./direct-line-token.ts";
import { mountDirectLine } from "./direct-line.routes.ts";
import { LOCAL_SERVICE_URL, LocalChatAdapter } from "./local-chat.adapter.ts";
import { createRateLimit } from "./rate-limit.ts";
import { checkBotSettings, type BotSettings } from "./settings.ts";
import { teamsTenantGate } from "./teams/tenant-gate.ts";
import type { TeamsSettings } from "./teams/settings.ts";
import { createTurnLock, type TurnLock } from "./turn-lock.ts";
import { useChatPipeline } from "./turn-pipeline.ts";
import { mountWebPage } from "./web-page.ts";

export interface ChatBot {
  run(context: TurnContext): Promise<void>;
}

/** A further channel (e.g. Telegram) that can send to references it recognises. */
export interface ProactiveChannel {
  handles(reference: Partial<ConversationReference>): boolean;
  deliver(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void>;
}

export interface HttpServerDeps {
  core: Pick<Core, "config">;
  bot: ChatBot;
  settings: BotSettings;
  sql: Sql;
  log?: Logger;
  /** Defaults: in-process queue plus cross-process leases on `sql`. */
  turnLock?: TurnLock;
  channels?: ProactiveChannel[];
  /**
   * Who may talk to the bot on Teams (`readTeamsSettings`). Checked first on the CloudAdapter, before
   * turn leases, conversation references or bot state are written. Without it, every tenant passes.
   */
  teams?: Pick<TeamsSettings, "allowedTenants">;
}

export interface HttpServer {
  server: Server;
  localChat: LocalChatAdapter;
  cloudAdapter: HostedCloudAdapter | null;
  conversationRefs: ConversationRefStore;
  /** Send one activity proactively into the conversation the reference names, through its adapter. */
  deliver(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void>;
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

export class NoAdapterError extends Error {
  readonly code = "NO_ADAPTER";
  constructor(channelId: string | undefined) {
    super(`No adapter can reach channel "${channelId ?? "?"}".`);
    this.name = "NoAdapterError";
  }
}

export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const { settings, sql } = deps;
  checkBotSettings(settings);
  const log = deps.log ?? createLogger("bot-http");
  const logic = (context: TurnContext) => deps.bot.run(context);
  const pipeline = {
    turnLock: deps.turnLock ?? createTurnLock({ sql }),
    conversationRefs: createConversationRefStore(sql),
    log,
  };
  const localChat = useChatPipeline(new LocalChatAdapter(), pipeline);
  const bfEnabled = settings.microsoftApp !== null || settings.devUnauthenticated;
  const gate = deps.teams ? teamsTenantGate(deps.teams, log) : undefined;
  const cloudAdapter = bfEnabled ? useChatPipeline(createCloudAdapter(settings.microsoftApp), { ...pipeline, gate }) : null;
  const turnLimit = createRateLimit(settings.limits.turnsPerMinute, 60);
  const conversationLimit = createRateLimit(settings.limits.tokensPerMinutePerIp, 60);
  const clientAddress = (req: Request) => clientAddressOf(req, settings.trustProxy);

  const server = restify.createServer({ name: "terminassistent", handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // JSON only: the multipart bodyParser pulls formidable 1.x. Larger bodies get 413.
  server.use(restify.plugins.jsonBodyParser({ maxBodySize: settings.limits.maxBodyBytes, mapParams: false } as restify.plugins.JsonBodyParserOptions));

  mountProbes(server, sql);
  mountWebPage(server, { city: deps.core.config.city, directLine: settings.directLine });
  const tokens = createDirectLineTokens(settings.directLine.tokenSecret, settings.directLine.tokenTtlSeconds);
  mountDirectLine(server, { adapter: localChat, tokens, logic, turnLimit, conversationLimit, clientAddress, log });
  if (settings.directLine.mode === "azure" && settings.directLine.azure.secret) {
    mountAzureTokenRoute(server, { domain: settings.directLine.azure.domain, secret: settings.directLine.azure.secret, conversationLimit, clientAddress, log });
  }
  mountBotFramework(server, { adapter: cloudAdapter, logic, turnLimit, log }, settings);

  const deliver = createDeliver({ localChat, cloudAdapter, appId: settings.microsoftApp?.id ?? "", channels: deps.channels ?? [] });

  return {
    server,
    localChat,
    cloudAdapter,
    conversationRefs: pipeline.conversationRefs,
    deliver,
    listen: (port, host = "127.0.0.1") => listen(server, port, host),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function mountBotFramework(server: Server, deps: Omit<BotFrameworkRouteDeps, "adapter"> & { adapter: HostedCloudAdapter | null }, settings: BotSettings): void {
  if (deps.adapter) {
    mountBotFrameworkEndpoint(server, { ...deps, adapter: deps.adapter });
    if (!settings.microsoftApp) deps.log.warn({ action: "bot_framework_unauthenticated" }, "/api/messages accepts unauthenticated requests (development mode)");
    return;
  }
  server.post("/api/messages", async (_req: Request, res: Response) => {
    res.send(503, { error: "BOT_FRAMEWORK_NOT_CONFIGURED" });
  });
}

/** Proactive sending: the adapter is chosen by the reference (in-process chat, a further channel, Bot Framework). */
function createDeliver(a: { localChat: LocalChatAdapter; cloudAdapter: HostedCloudAdapter | null; appId: string; channels: ProactiveChannel[] }): HttpServer["deliver"] {
  return async (reference, activity) => {
    const send = async (context: TurnContext) => {
      await context.sendActivity(activity);
    };
    if (reference.serviceUrl === LOCAL_SERVICE_URL) return a.localChat.continueConversationAsync("", reference, send);
    const channel = a.channels.find((c) => c.handles(reference));
    if (channel) return channel.deliver(reference, activity);
    if (a.cloudAdapter) return (a.cloudAdapter as BotAdapter).continueConversationAsync(a.appId, reference, send);
    throw new NoAdapterError(reference.channelId);
  };
}

function listen(server: Server, port: number, host: string): Promise<{ port: number; url: string }> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({ port: address.port, url: `http://${shownHost}:${address.port}` });
    });
  });
}

function mountProbes(server: Server, sql: Sql): void {
  server.get("/healthz", async (_req: Request, res: Response) => {
    res.send(200, { status: "ok" });
  });
  server.get("/readyz", async (_req: Request, res: Response) => {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000).unref());
    try {
      await Promise.race([sql`select 1`, timeout]);
      res.send(200, { status: "ready" });
    } catch {
      res.send(503, { status: "database unreachable" });
    }
  });
}

function clientAddressOf(req: Request, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.header("x-forwarded-for") ?? "").split(",")[0]?.trim() : "";
  return forwarded || req.socket?.remoteAddress || "unknown";
}
