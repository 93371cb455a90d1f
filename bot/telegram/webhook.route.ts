/**
 * POST /telegram/webhook: the Telegram channel on the chat's restify server. The secret-token
 * header is checked before anything else; a wrong or missing one gets 401 and nothing is read.
 * Authentic updates are answered 200 once processed, also when the turn failed: a non-2xx makes
 * Telegram retry, and the retry would be dropped as a duplicate anyway.
 *
 * @example
 *   const telegram = mountTelegram(http.server, { settings, bot, sql, conversationRefs: http.conversationRefs });
 *   // pass telegram.channel to createHttpServer's `channels` so reminders reach Telegram chats
 */
import type { Activity, ConversationReference, TurnContext } from "botbuilder";
import type { Sql } from "postgres";
import type { Request, Response, Server } from "restify";
import { createLogger, type Logger } from "../../core/log.ts";
import { createConversationRefStore, type ConversationRefStore } from "../conversation-refs.ts";
import { createRateLimit } from "../rate-limit.ts";
import type { ProactiveChannel } from "../server.ts";
import { createTurnLock, type TurnLock } from "../turn-lock.ts";
import { errorFields, useChatPipeline } from "../turn-pipeline.ts";
import { createBotApi } from "./bot-api.ts";
import type { TelegramSettings } from "./settings.ts";
import { TELEGRAM_CHANNEL_ID, TELEGRAM_SERVICE_URL, TelegramAdapter } from "./telegram.adapter.ts";
import { createTelegramStore } from "./telegram.store.ts";

export const TELEGRAM_WEBHOOK_PATH = "/telegram/webhook";

export interface TelegramMountDeps {
  settings: TelegramSettings;
  bot: { run(context: TurnContext): Promise<void> };
  sql: Sql;
  /** Share the server's store and lock so references and turn order are the same for every channel. */
  conversationRefs?: ConversationRefStore;
  turnLock?: TurnLock;
  log?: Logger;
  fetch?: typeof fetch;
}

export interface TelegramMount {
  adapter: TelegramAdapter;
  /** Proactive sends to `telegram:<chatId>` references of this adapter. */
  channel: ProactiveChannel;
}

export function createTelegramAdapter(deps: Omit<TelegramMountDeps, "bot">): TelegramAdapter {
  const log = deps.log ?? createLogger("telegram");
  const adapter = new TelegramAdapter({
    api: createBotApi({ token: deps.settings.token, apiBaseUrl: deps.settings.apiBaseUrl, fetch: deps.fetch }),
    store: createTelegramStore(deps.sql),
    webhookSecret: deps.settings.webhookSecret,
    rateLimit: createRateLimit(deps.settings.turnsPerMinute, 60),
    log,
  });
  return useChatPipeline(adapter, {
    turnLock: deps.turnLock ?? createTurnLock({ sql: deps.sql }),
    conversationRefs: deps.conversationRefs ?? createConversationRefStore(deps.sql),
    log,
  });
}

export function mountTelegram(server: Server, deps: TelegramMountDeps): TelegramMount {
  const log = deps.log ?? createLogger("telegram");
  const adapter = createTelegramAdapter({ ...deps, log });
  const logic = (context: TurnContext) => deps.bot.run(context);
  server.post(TELEGRAM_WEBHOOK_PATH, async (req: Request, res: Response) => {
    if (!adapter.isAuthentic(req.header("x-telegram-bot-api-secret-token") || undefined)) {
      log.warn({ action: "telegram_webhook", code: "UNAUTHORIZED" }, "wrong or missing secret token");
      res.send(401, { error: "UNAUTHORIZED" });
      return;
    }
    try {
      const outcome = await adapter.processUpdate(req.body, logic);
      if (outcome !== "processed") log.info({ action: "telegram_webhook", code: outcome.toUpperCase() }, "update not run");
    } catch (err) {
      log.error({ action: "telegram_webhook", ...errorFields(err) }, "update failed");
    }
    res.send(200, {});
  });
  return { adapter, channel: telegramChannel(adapter) };
}

/** For the chat notifier: delivers to references made by this adapter (not Azure's Telegram channel). */
export function telegramChannel(adapter: TelegramAdapter): ProactiveChannel {
  return {
    handles: (reference) => isDirectTelegram(reference),
    deliver: (reference, activity) => sendTelegramProactive(adapter, reference, activity),
  };
}

export function isDirectTelegram(reference: Partial<ConversationReference>): boolean {
  return reference.channelId === TELEGRAM_CHANNEL_ID && reference.serviceUrl === TELEGRAM_SERVICE_URL;
}

/** One proactive message (reminder, approval result) into the chat the reference names. */
export async function sendTelegramProactive(adapter: TelegramAdapter, reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
  await adapter.continueConversationAsync("", reference, async (context: TurnContext) => {
    await context.sendActivity(activity);
  });
}
