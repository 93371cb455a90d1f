/**
 * The middleware every adapter of the bot runs (CloudAdapter, LocalChatAdapter, later Telegram):
 * German locale, one turn per conversation at a time, remembered conversation references, and one
 * catch-all for errors that logs ids and codes only.
 */
import { createHash } from "node:crypto";
import type { BotAdapter, Middleware, TurnContext } from "botbuilder";
import type { Logger } from "../core/log.ts";
import { conversationKeyOf, rememberConversations, type ConversationRefStore } from "./conversation-refs.ts";
import type { TurnLock } from "./turn-lock.ts";
import { UI_TEXTS } from "./ui-texts.de.ts";

export const LOCALE = "de-DE";

/** Channels that render bot text as Markdown, where a single newline is no line break. */
const MARKDOWN_CHANNELS = new Set(["webchat", "directline", "msteams", "emulator"]);

/** Our texts use plain newlines; Markdown needs two trailing spaces to keep them. */
export function markdownLineBreaks(text: string): string {
  return text.replace(/([^\n ])\n(?!\n)/g, "$1  \n");
}

/** Channels send the user's UI language; prompts would follow it ("(1) Yes or (2) No"). Replies say de-DE too. */
export const forceGermanLocale: Middleware = {
  async onTurn(context: TurnContext, next: () => Promise<void>) {
    context.activity.locale = LOCALE;
    context.locale = LOCALE;
    context.onSendActivities(async (_context, activities, sendNext) => {
      for (const activity of activities) {
        activity.locale = LOCALE;
        if (MARKDOWN_CHANNELS.has(activity.channelId ?? context.activity.channelId) && activity.text) activity.text = markdownLineBreaks(activity.text);
      }
      return sendNext();
    });
    await next();
  },
};

export function serializeTurns(lock: TurnLock): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      await lock.run(conversationKeyOf(context.activity), next);
    },
  };
}

/** A short, stable pseudonym of a conversation for logs (chat ids can identify a person). */
export function logId(conversationKey: string): string {
  return createHash("sha256").update(conversationKey).digest("base64url").slice(0, 12);
}

/** Error name, code and stack without the message line (messages may quote citizen input). */
export function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { errName: typeof err };
  const stack = err.stack?.split("\n").slice(1, 6).join("\n");
  return { errName: err.name, code: (err as { code?: unknown }).code ?? null, stack };
}

export interface PipelineDeps {
  /** Runs before everything else, e.g. the Teams tenant gate: what it stops leaves no lease, reference or state. */
  gate?: Middleware;
  turnLock: TurnLock;
  conversationRefs?: ConversationRefStore;
  log: Logger;
}

export function useChatPipeline<A extends BotAdapter>(adapter: A, deps: PipelineDeps): A {
  if (deps.gate) adapter.use(deps.gate);
  adapter.use(forceGermanLocale, serializeTurns(deps.turnLock));
  if (deps.conversationRefs) adapter.use(rememberConversations(deps.conversationRefs));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    deps.log.error({ action: "turn_error", conversation: logId(conversationKeyOf(context.activity)), ...errorFields(error) }, "turn failed");
    try {
      await context.sendActivity(UI_TEXTS.turnError);
    } catch (sendError) {
      deps.log.error({ action: "turn_error_reply", ...errorFields(sendError) }, "could not send the apology");
    }
  };
  return adapter;
}
