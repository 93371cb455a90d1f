/**
 * The Telegram channel's own tables (migration 026): seen update ids, so Telegram's retries are
 * processed once across instances, and button values too long for callback_data.
 */
import { createHash } from "node:crypto";
import type { Sql } from "postgres";

/** callback_data may hold 1–64 bytes (Bot API, InlineKeyboardButton). */
export const CALLBACK_DATA_LIMIT = 64;
/** Prefix of a short id; a literal value starting with it is mapped too, so the two never mix. */
const SHORT_ID = "~";
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface TelegramStore {
  /** True the first time an update id is seen; false for a retry. */
  firstDelivery(updateId: number): Promise<boolean>;
  /** callback_data for a button value in a chat. */
  encodeValue(chatId: string, value: string): Promise<string>;
  /** The value behind callback_data, or null for an id that expired. */
  decodeValue(chatId: string, data: string): Promise<string | null>;
}

export function createTelegramStore(sql: Sql, now: () => Date = () => new Date()): TelegramStore {
  let lastPrune = 0;
  async function pruneNowAndThen(): Promise<void> {
    const at = now();
    if (at.getTime() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = at.getTime();
    await sql`delete from telegram_update where received_at < ${at}::timestamptz - interval '2 days'`;
    await sql`delete from telegram_callback_value where created_at < ${at}::timestamptz - interval '7 days'`;
  }

  return {
    async firstDelivery(updateId) {
      await pruneNowAndThen();
      const rows = await sql`
        insert into telegram_update (update_id, received_at) values (${updateId}, ${now()})
        on conflict (update_id) do nothing returning update_id`;
      return rows.length === 1;
    },
    async encodeValue(chatId, value) {
      if (Buffer.byteLength(value) <= CALLBACK_DATA_LIMIT && !value.startsWith(SHORT_ID)) return value;
      const id = SHORT_ID + createHash("sha256").update(`${chatId}\n${value}`).digest("base64url").slice(0, 22);
      await sql`
        insert into telegram_callback_value (id, chat_id, value, created_at) values (${id}, ${chatId}, ${value}, ${now()})
        on conflict (id) do update set created_at = excluded.created_at`;
      return id;
    },
    async decodeValue(chatId, data) {
      if (!data.startsWith(SHORT_ID)) return data;
      const rows = await sql<{ value: string }[]>`select value from telegram_callback_value where id = ${data} and chat_id = ${chatId}`;
      return rows[0]?.value ?? null;
    },
  };
}
