/**
 * A botbuilder adapter for the Telegram Bot API, without Azure in the data path: webhook updates
 * in (message text, button presses, /commands), Bot API calls out (sendMessage with an inline
 * keyboard, HTML parse mode). The same dialogs run as on the website chat.
 *
 * @example
 *   const adapter = new TelegramAdapter({ api, store, webhookSecret, rateLimit, log });
 *   if (adapter.isAuthentic(req.header("x-telegram-bot-api-secret-token"))) await adapter.processUpdate(req.body, logic);
 */
import { createHash, timingSafeEqual } from "node:crypto";
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from "botbuilder";
import type { Logger } from "../../core/log.ts";
import { TELEGRAM_COMMAND_TEXT, TELEGRAM_TEXTS } from "../../templates/de/cards/telegram.ts";
import type { RateLimit } from "../rate-limit.ts";
import { logId } from "../turn-pipeline.ts";
import type { BotApi } from "./bot-api.ts";
import { renderActivity, type OutgoingMessage } from "./render.ts";
import type { TelegramStore } from "./telegram.store.ts";
import { escapeHtml, MESSAGE_LIMIT } from "./text.ts";
import { chatOf, readUpdate, type TelegramCallbackQuery, type TelegramUpdate } from "./update.ts";

export const TELEGRAM_CHANNEL_ID = "telegram";
/** Marks references of this adapter; Azure Bot Service's Telegram channel uses its own serviceUrl. */
export const TELEGRAM_SERVICE_URL = "urn:terminassistent:telegram";
const BOT = { id: "terminassistent", name: "Terminassistent", role: "bot" };

export type Logic = (context: TurnContext) => Promise<void>;
export type UpdateOutcome = "processed" | "duplicate" | "ignored" | "rate_limited";

export interface TelegramAdapterDeps {
  api: BotApi;
  store: TelegramStore;
  webhookSecret: string;
  /** Turns per chat; over the limit an update is dropped (and the chat told once). */
  rateLimit: RateLimit;
  log: Logger;
}

export class TelegramAdapter extends BotAdapter {
  /** Chats already told to slow down, until the time their window ends. */
  private readonly slowedDown = new Map<string, number>();

  constructor(private readonly deps: TelegramAdapterDeps) {
    super();
  }

  /** X-Telegram-Bot-Api-Secret-Token against the secret, in constant time (hashes hide the length). */
  isAuthentic(header: string | undefined): boolean {
    const digest = (s: string) => createHash("sha256").update(s).digest();
    return typeof header === "string" && header.length > 0 && timingSafeEqual(digest(header), digest(this.deps.webhookSecret));
  }

  async processUpdate(body: unknown, logic: Logic): Promise<UpdateOutcome> {
    const update = readUpdate(body);
    const chat = update && chatOf(update);
    if (!update || !chat) return "ignored";
    if (!(await this.deps.store.firstDelivery(update.update_id))) return "duplicate";
    const sender = update.message?.from ?? update.callback_query?.from;
    if (sender?.is_bot) return "ignored";
    const chatId = String(chat.id);
    if (chat.type !== "private") return this.refuseGroup(update, chatId);
    const retryAfter = await this.deps.rateLimit.take(`${TELEGRAM_CHANNEL_ID}:${chatId}`);
    if (retryAfter !== null) {
      await this.slowDown(update, chatId, retryAfter);
      return "rate_limited";
    }
    const activity = update.callback_query ? await this.fromButton(update, update.callback_query, chatId) : await this.fromMessage(update, chatId);
    if (!activity) return "processed";
    await this.runMiddleware(new TurnContext(this, activity as Activity), logic);
    return "processed";
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const out: ResourceResponse[] = [];
    for (const a of activities) {
      const chatId = a.conversation?.id ?? context.activity.conversation.id;
      if (a.type === ActivityTypes.Message) out.push({ id: await this.sendMessage(chatId, a) });
      else if (a.type === ActivityTypes.Typing) {
        await this.deps.api.call("sendChatAction", { chat_id: chatId, action: "typing" });
        out.push({ id: "" });
      } else if (a.type === "delay") {
        await new Promise((r) => setTimeout(r, Math.min(Number(a.value) || 1000, 5000)));
        out.push({ id: "" });
      } else out.push({ id: "" });
    }
    return out;
  }

  /** Edits a sent message (its id is Telegram's message_id); text beyond one message is cut. */
  async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    const chatId = activity.conversation?.id ?? context.activity.conversation.id;
    const [first] = await renderActivity(activity, (v) => this.deps.store.encodeValue(chatId, v));
    if (!first || !activity.id) return;
    await this.deps.api.call("editMessageText", { chat_id: chatId, message_id: Number(activity.id), ...messageFields(first) });
  }

  async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const chatId = reference.conversation?.id ?? context.activity.conversation.id;
    if (reference.activityId) await this.deps.api.call("deleteMessage", { chat_id: chatId, message_id: Number(reference.activityId) });
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: "continueConversation" }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity as Activity), logic);
  }

  /** Proactive messages (reminders, approval results): Telegram needs no app id. */
  override async continueConversationAsync(_botAppIdOrClaims: unknown, reference: Partial<ConversationReference>, a: unknown, b?: unknown): Promise<void> {
    return this.continueConversation(reference, (typeof a === "function" ? a : b) as Logic);
  }

  private async sendMessage(chatId: string, activity: Partial<Activity>): Promise<string> {
    const messages = await renderActivity(activity, (v) => this.deps.store.encodeValue(chatId, v));
    let id = "";
    for (const m of messages) {
      const sent = await this.deps.api.call<{ message_id: number }>("sendMessage", { chat_id: chatId, ...messageFields(m) });
      id = String(sent?.message_id ?? "");
    }
    return id;
  }

  private async fromMessage(update: TelegramUpdate, chatId: string): Promise<Partial<Activity> | null> {
    const message = update.message!;
    const text = message.text?.trim();
    if (!text) {
      await this.sendText(chatId, TELEGRAM_TEXTS.onlyText);
      return null;
    }
    const base = this.activity(update, chatId, message.from?.id);
    const command = /^\/([a-z_]+)(?:@\w+)?\s*$/i.exec(text)?.[1]?.toLowerCase();
    // /start is how every Telegram chat begins: the dialogs greet a new member.
    if (command === "start") return { ...base, type: ActivityTypes.ConversationUpdate, membersAdded: [{ ...base.from! }, { ...BOT }] };
    return { ...base, type: ActivityTypes.Message, text: command ? (TELEGRAM_COMMAND_TEXT[command] ?? command) : text };
  }

  /** A button press: stop the client's spinner, replace the keyboard by the choice, pass the value on as text. */
  private async fromButton(update: TelegramUpdate, query: TelegramCallbackQuery, chatId: string): Promise<Partial<Activity> | null> {
    await this.deps.api.call("answerCallbackQuery", { callback_query_id: query.id });
    const value = query.data === undefined ? null : await this.deps.store.decodeValue(chatId, query.data);
    if (value === null) {
      await this.sendText(chatId, TELEGRAM_TEXTS.buttonExpired);
      return null;
    }
    await this.markChosen(query, chatId, value);
    return { ...this.activity(update, chatId, query.from.id, query.message?.date), type: ActivityTypes.Message, text: value };
  }

  private async markChosen(query: TelegramCallbackQuery, chatId: string, value: string): Promise<void> {
    const message = query.message;
    if (!message?.text) return;
    const label = message.reply_markup?.inline_keyboard?.flat().find((b) => b.callback_data === query.data)?.text ?? value;
    const html = `${escapeHtml(message.text)}\n\n${escapeHtml(TELEGRAM_TEXTS.chosen(label))}`;
    try {
      if (html.length <= MESSAGE_LIMIT) await this.deps.api.call("editMessageText", { chat_id: chatId, message_id: message.message_id, text: html, parse_mode: "HTML" });
      else await this.deps.api.call("editMessageReplyMarkup", { chat_id: chatId, message_id: message.message_id });
    } catch (err) {
      // Cosmetic only: an old or already edited message must not stop the turn.
      this.deps.log.info({ action: "telegram_mark_chosen", conversation: logId(`telegram:${chatId}`), code: (err as { errorCode?: number }).errorCode ?? null }, "keyboard not replaced");
    }
  }

  private activity(update: Pick<TelegramUpdate, "update_id" | "message">, chatId: string, userId: number | undefined, date?: number): Partial<Activity> {
    const seconds = update.message?.date ?? date;
    return {
      id: String(update.update_id),
      channelId: TELEGRAM_CHANNEL_ID,
      serviceUrl: TELEGRAM_SERVICE_URL,
      timestamp: seconds ? new Date(seconds * 1000) : new Date(),
      // Names are left out: the dialogs do not need them, and they are personal data.
      from: { id: String(userId ?? chatId), name: "", role: "user" },
      recipient: { ...BOT },
      conversation: { id: chatId, isGroup: false, conversationType: "private", name: "" },
      // Whatever the client's language_code: prompts would follow it ("(1) Yes or (2) No").
      locale: "de-DE",
    };
  }

  private async refuseGroup(update: TelegramUpdate, chatId: string): Promise<UpdateOutcome> {
    // Citizens' appointment data must not be shown to a whole group; answer only a /start.
    if (/^\/start(@\w+)?$/.test(update.message?.text?.trim() ?? "")) await this.sendText(chatId, TELEGRAM_TEXTS.onlyPrivate);
    return "ignored";
  }

  private async slowDown(update: TelegramUpdate, chatId: string, retryAfter: number): Promise<void> {
    if (update.callback_query) await this.deps.api.call("answerCallbackQuery", { callback_query_id: update.callback_query.id });
    const now = Date.now();
    if ((this.slowedDown.get(chatId) ?? 0) > now) return;
    if (this.slowedDown.size > 10_000) this.slowedDown.clear();
    this.slowedDown.set(chatId, now + retryAfter * 1000);
    this.deps.log.warn({ action: "telegram_rate_limited", conversation: logId(`telegram:${chatId}`), retryAfter }, "chat over its turn limit");
    await this.sendText(chatId, TELEGRAM_TEXTS.tooManyMessages);
  }

  private async sendText(chatId: string, text: string): Promise<void> {
    await this.deps.api.call("sendMessage", { chat_id: chatId, text: escapeHtml(text), parse_mode: "HTML" });
  }
}

function messageFields(m: OutgoingMessage): Record<string, unknown> {
  return {
    text: m.html,
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(m.keyboard ? { reply_markup: { inline_keyboard: m.keyboard } } : {}),
  };
}
