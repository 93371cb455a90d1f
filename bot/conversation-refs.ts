/**
 * Where to reach a citizen again: the conversation reference of the channel they used, keyed
 * "webchat:<id>", "telegram:<chatId>", "msteams:<id>" (table `bot_conversation_ref`, migration 021).
 * Reminders and approval results use it to send proactively through the right adapter.
 */
import type { Activity, ConversationReference, Middleware, TurnContext } from "botbuilder";
import { ActivityTypes, TurnContext as Turn } from "botbuilder";
import type { Sql } from "postgres";

/** "webchat:<conversation id>": the same key the core stores on an appointment (`conversation_key`). */
export function conversationKeyOf(activity: Pick<Activity, "channelId" | "conversation">): string {
  return `${activity.channelId}:${activity.conversation?.id ?? ""}`;
}

export interface ConversationRefStore {
  save(reference: Partial<ConversationReference>): Promise<string>;
  get(conversationKey: string): Promise<Partial<ConversationReference> | null>;
  delete(conversationKey: string): Promise<void>;
  /** Retention: forget references unused for `days` days. Returns how many went. */
  deleteUnusedSince(before: Date): Promise<number>;
}

export function createConversationRefStore(sql: Sql): ConversationRefStore {
  return {
    async save(reference) {
      const ref = withoutNames(reference);
      const key = conversationKeyOf({ channelId: ref.channelId!, conversation: ref.conversation as Activity["conversation"] });
      await sql`
        insert into bot_conversation_ref (conversation_key, channel_id, reference)
        values (${key}, ${ref.channelId ?? ""}, ${sql.json(ref as Parameters<Sql["json"]>[0])})
        on conflict (conversation_key) do update set reference = excluded.reference, updated_at = now()`;
      return key;
    },
    async get(conversationKey) {
      const rows = await sql<{ reference: Partial<ConversationReference> }[]>`
        select reference from bot_conversation_ref where conversation_key = ${conversationKey}`;
      return rows[0]?.reference ?? null;
    },
    async delete(conversationKey) {
      await sql`delete from bot_conversation_ref where conversation_key = ${conversationKey}`;
    },
    async deleteUnusedSince(before) {
      const rows = await sql`delete from bot_conversation_ref where updated_at < ${before} returning 1`;
      return rows.length;
    },
  };
}

/**
 * Stores the reference of every conversation the bot hears from. Writes only when the reference
 * changed since this process last stored it, so an ongoing chat costs no extra query per turn.
 */
export function rememberConversations(store: ConversationRefStore, cacheSize = 10_000): Middleware {
  const stored = new Map<string, string>();
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      const a = context.activity;
      if (a.type === ActivityTypes.Message || a.type === ActivityTypes.ConversationUpdate) {
        const ref = withoutNames(Turn.getConversationReference(a));
        const key = conversationKeyOf(a);
        const json = JSON.stringify(ref);
        if (stored.get(key) !== json) {
          await store.save(ref);
          if (stored.size >= cacheSize) stored.delete(stored.keys().next().value!);
          stored.set(key, json);
        }
      }
      await next();
    },
  };
}

/** Display names are personal data the channel can resend; proactive messages need ids only. */
function withoutNames(reference: Partial<ConversationReference>): Partial<ConversationReference> {
  const strip = <T extends { name?: string } | undefined>(x: T): T => (x ? ({ ...x, name: "" } as T) : x);
  const { activityId: _activityId, ...rest } = reference;
  return { ...rest, user: strip(rest.user), bot: strip(rest.bot), conversation: strip(rest.conversation) };
}
