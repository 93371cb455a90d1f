/**
 * POST /api/messages for Bot Framework channels (Teams, Azure Direct Line, Emulator in dev).
 * Authenticates first, then rate-limits per conversation, then runs the turn; errors answer with a
 * status and a fixed body and are logged without the activity (CloudAdapter.process would log both).
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from "botbuilder";
import type { Request, Response, Server } from "restify";
import type { Logger } from "../core/log.ts";
import { conversationKeyOf } from "./conversation-refs.ts";
import type { Logic } from "./local-chat.adapter.ts";
import type { RateLimit } from "./rate-limit.ts";
import type { BotSettings } from "./settings.ts";
import { errorFields, logId } from "./turn-pipeline.ts";

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;

/** CloudAdapter with authentication and the turn as separate steps, so a rate limit fits in between. */
export class HostedCloudAdapter extends CloudAdapter {
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }
  runAuthenticated(auth: AuthenticateRequestResult, activity: Activity, logic: Logic) {
    return this.processActivity(auth, activity, logic);
  }
}

export function createCloudAdapter(app: BotSettings["microsoftApp"]): HostedCloudAdapter {
  const options: Partial<ConfigurationBotFrameworkAuthenticationOptions> = app
    ? {
        MicrosoftAppId: app.id,
        MicrosoftAppPassword: app.password ?? undefined,
        MicrosoftAppType: app.type,
        MicrosoftAppTenantId: app.tenantId ?? undefined,
      }
    : {};
  return new HostedCloudAdapter(new ConfigurationBotFrameworkAuthentication(options as ConfigurationBotFrameworkAuthenticationOptions));
}

export interface BotFrameworkRouteDeps {
  adapter: HostedCloudAdapter;
  logic: Logic;
  turnLimit: RateLimit;
  log: Logger;
}

export function mountBotFrameworkEndpoint(server: Server, deps: BotFrameworkRouteDeps): void {
  server.post("/api/messages", async (req: Request, res: Response) => {
    const activity = readActivity(req.body);
    if (!activity) {
      res.send(400, { error: "BAD_ACTIVITY" });
      return;
    }
    let auth: AuthenticateRequestResult;
    try {
      auth = await deps.adapter.authenticate(activity, String(req.header("authorization") ?? ""));
    } catch (err) {
      // botframework-connector's AuthenticationError carries the HTTP status.
      const unauthorized = (err as { statusCode?: unknown }).statusCode === 401;
      deps.log.warn({ action: "bot_framework_auth", code: unauthorized ? "UNAUTHORIZED" : "AUTH_FAILED", ...(unauthorized ? {} : errorFields(err)) }, "request rejected");
      res.send(unauthorized ? 401 : 500, { error: unauthorized ? "UNAUTHORIZED" : "AUTH_FAILED" });
      return;
    }
    const key = conversationKeyOf(activity);
    const retryAfter = await deps.turnLimit.take(key);
    if (retryAfter !== null) {
      res.header("retry-after", String(retryAfter));
      res.send(429, { error: "TOO_MANY_REQUESTS" });
      return;
    }
    try {
      const invokeResponse = await deps.adapter.runAuthenticated(auth, activity, deps.logic);
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body ?? undefined);
    } catch (err) {
      deps.log.error({ action: "bot_framework_turn", conversation: logId(key), ...errorFields(err) }, "turn failed");
      res.send(500, { error: "TURN_FAILED" });
    }
  });
}

/** The parsed body as an activity (timestamps as Dates, as CloudAdapter.process does), or null. */
function readActivity(body: unknown): Activity | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return null;
  const activity = body as Activity & Record<string, unknown>;
  if (typeof activity.type !== "string" || typeof activity.channelId !== "string" || typeof activity.conversation?.id !== "string") return null;
  for (const field of ["timestamp", "localTimestamp", "expiration"] as const) {
    const raw = activity[field];
    if (typeof raw === "string") {
      activity[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = raw;
      (activity as Record<string, unknown>)[field] = new Date(raw);
    }
  }
  return activity;
}
