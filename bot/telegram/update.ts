/**
 * The parts of a Telegram update the adapter reads (Bot API "Update", "Message", "CallbackQuery"),
 * checked field by field: the body comes from the network.
 */

export interface TelegramChat {
  id: number;
  type: string;
}

export interface TelegramMessage {
  message_id: number;
  date?: number;
  chat: TelegramChat;
  from?: TelegramUser;
  text?: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] };
}

export interface TelegramUser {
  id: number;
  is_bot?: boolean;
  language_code?: string;
}

export interface TelegramCallbackQuery {
  id: string;
  from: TelegramUser;
  message?: TelegramMessage;
  data?: string;
}

export interface TelegramUpdate {
  update_id: number;
  message?: TelegramMessage;
  callback_query?: TelegramCallbackQuery;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

function isMessage(v: unknown): v is TelegramMessage {
  return isObject(v) && typeof v.message_id === "number" && isObject(v.chat) && typeof v.chat.id === "number" && typeof v.chat.type === "string";
}

/** The update, or null when the body is not one we can use. */
export function readUpdate(body: unknown): TelegramUpdate | null {
  if (!isObject(body) || !Number.isSafeInteger(body.update_id)) return null;
  const update: TelegramUpdate = { update_id: body.update_id as number };
  if (isMessage(body.message) && (body.message.from === undefined || isObject(body.message.from))) update.message = body.message;
  const cq = body.callback_query;
  if (isObject(cq) && typeof cq.id === "string" && isObject(cq.from) && typeof cq.from.id === "number") {
    update.callback_query = {
      id: cq.id,
      from: cq.from as unknown as TelegramUser,
      message: isMessage(cq.message) ? cq.message : undefined,
      data: typeof cq.data === "string" ? cq.data : undefined,
    };
  }
  return update;
}

/** The chat an update belongs to. */
export function chatOf(update: TelegramUpdate): TelegramChat | null {
  return update.message?.chat ?? update.callback_query?.message?.chat ?? null;
}
