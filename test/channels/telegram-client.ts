/**
 * A citizen in a private Telegram chat, as Telegram would post their updates to the webhook:
 * `say` sends a text message, `press` taps an inline button of the last message that has one.
 * Each returns the Bot API calls the bot made during that update.
 */
import { expect } from "vitest";
import type { BotApiCall, FakeTelegram } from "./fake-telegram.ts";

export const WEBHOOK_SECRET = "s3cret-token-for-tests-0123456789";
export const BOT_TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

let nextUpdateId = 5000;

export interface TelegramCitizen {
  chatId: number;
  say(text: string, extra?: Record<string, unknown>): Promise<BotApiCall[]>;
  press(label: string | RegExp): Promise<BotApiCall[]>;
  post(update: unknown, secret?: string | null): Promise<Response>;
  /** Inline button labels of the last sent message that has a keyboard. */
  buttons(): string[];
}

export function telegramCitizen(baseUrl: string, fake: FakeTelegram, chatId: number, languageCode = "en"): TelegramCitizen {
  const from = { id: chatId, is_bot: false, first_name: "Erika", language_code: languageCode };
  const chat = { id: chatId, type: "private" };

  async function post(update: unknown, secret: string | null = WEBHOOK_SECRET): Promise<Response> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (secret !== null) headers["x-telegram-bot-api-secret-token"] = secret;
    return fetch(`${baseUrl}/telegram/webhook`, { method: "POST", headers, body: JSON.stringify(update) });
  }

  async function exchange(update: unknown): Promise<BotApiCall[]> {
    const before = fake.calls.length;
    const response = await post(update);
    expect(response.status).toBe(200);
    return fake.calls.slice(before);
  }

  function lastKeyboard(): BotApiCall {
    const sent = [...fake.calls].reverse().find((c) => c.method === "sendMessage" && String(c.body.chat_id) === String(chatId) && c.body.reply_markup);
    if (!sent) throw new Error("no message with a keyboard yet");
    return sent;
  }

  const buttonsOf = (call: BotApiCall) => (call.body.reply_markup.inline_keyboard as { text: string; callback_data?: string }[][]).flat();

  return {
    chatId,
    post,
    say: (text, extra = {}) => exchange({ update_id: ++nextUpdateId, message: { message_id: nextUpdateId, date: 1_764_000_000, chat, from, text, ...extra } }),
    async press(label) {
      const sent = lastKeyboard();
      const button = buttonsOf(sent).find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
      if (!button?.callback_data) throw new Error(`no button ${label} in ${buttonsOf(sent).map((b) => b.text).join(" | ")}`);
      const messageId = (sent.result as { message_id: number }).message_id;
      const plain = String(sent.body.text).replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
      const message = { message_id: messageId, date: 1_764_000_000, chat, text: plain, reply_markup: sent.body.reply_markup };
      return exchange({ update_id: ++nextUpdateId, callback_query: { id: `cq-${nextUpdateId}`, from, message, chat_instance: "x", data: button.callback_data } });
    },
    buttons: () => buttonsOf(lastKeyboard()).map((b) => b.text),
  };
}

/** The texts of the messages the bot sent in these calls, HTML as sent. */
export function sentTexts(calls: BotApiCall[]): string[] {
  return calls.filter((c) => c.method === "sendMessage").map((c) => String(c.body.text));
}
