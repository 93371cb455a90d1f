/**
 * Teams channels that receive approval cards (table `teams_staff_channel`, migration 025). A
 * channel is registered when the bot is added to its team and retired when the bot is removed.
 */
import type { ConversationReference } from "botbuilder";
import type { Sql } from "postgres";

export interface StaffChannel {
  conversationKey: string;
  reference: Partial<ConversationReference>;
}

export interface StaffChannelStore {
  add(reference: Partial<ConversationReference>, tenantId: string | null): Promise<string>;
  retire(conversationKey: string): Promise<void>;
  active(): Promise<StaffChannel[]>;
  isActive(conversationKey: string): Promise<boolean>;
}

/**
 * "msteams:<channel conversation id>". Activities inside a channel thread carry
 * "<id>;messageid=<root>", so the suffix is cut to name the channel itself.
 */
export function staffChannelKey(conversationId: string): string {
  return `msteams:${conversationId.split(";")[0]}`;
}

export function createStaffChannelStore(sql: Sql): StaffChannelStore {
  return {
    async add(reference, tenantId) {
      const key = staffChannelKey(reference.conversation?.id ?? "");
      const clean = { ...reference, activityId: undefined, user: undefined, conversation: { ...reference.conversation!, id: key.slice("msteams:".length), name: "" } };
      await sql`
        insert into teams_staff_channel (conversation_key, reference, tenant_id)
        values (${key}, ${sql.json(clean as never)}, ${tenantId})
        on conflict (conversation_key) do update set reference = excluded.reference, tenant_id = excluded.tenant_id, active = true, updated_at = now()`;
      return key;
    },
    async retire(conversationKey) {
      await sql`update teams_staff_channel set active = false, updated_at = now() where conversation_key = ${conversationKey}`;
    },
    async active() {
      const rows = await sql<{ conversationKey: string; reference: Partial<ConversationReference> }[]>`
        select conversation_key as "conversationKey", reference from teams_staff_channel where active order by added_at`;
      return rows.map((r) => ({ conversationKey: r.conversationKey, reference: r.reference }));
    },
    async isActive(conversationKey) {
      const rows = await sql`select 1 from teams_staff_channel where conversation_key = ${conversationKey} and active`;
      return rows.length > 0;
    },
  };
}
