/**
 * Which approval cards were posted where (table `teams_approval_card`, migration 025). Inserting
 * the row claims the suggestion for one channel, so two instances never post it twice; a claim
 * that never got its card posted (crash) may be taken over after `staleSeconds`.
 */
import type { Sql } from "postgres";

export interface ApprovalCardRow {
  appointmentId: string;
  conversationKey: string;
  activityId: string | null;
  shown: string;
  decidedByName: string | null;
}

export interface ApprovalCardStore {
  claim(appointmentId: string, conversationKey: string, now: Date, staleSeconds?: number): Promise<boolean>;
  posted(appointmentId: string, conversationKey: string, activityId: string, now: Date): Promise<void>;
  release(appointmentId: string, conversationKey: string): Promise<void>;
  /** Posted cards still showing an open suggestion. */
  open(): Promise<ApprovalCardRow[]>;
  find(appointmentId: string, conversationKey: string): Promise<ApprovalCardRow | null>;
  /** Display name of the staff member who decided in Teams; null when decided elsewhere. */
  decider(appointmentId: string): Promise<string | null>;
  /** Who decided, written in the decision's transaction so a concurrent loser reads it. */
  recordDecider(sql: Sql, appointmentId: string, name: string, at: Date): Promise<void>;
  markShown(appointmentId: string, conversationKey: string, shown: string): Promise<void>;
}

const COLUMNS = `appointment_id as "appointmentId", conversation_key as "conversationKey", activity_id as "activityId", shown, decided_by_name as "decidedByName"`;

export function createApprovalCardStore(sql: Sql): ApprovalCardStore {
  return {
    async claim(appointmentId, conversationKey, now, staleSeconds = 300) {
      const rows = await sql`
        insert into teams_approval_card (appointment_id, conversation_key, claimed_at) values (${appointmentId}, ${conversationKey}, ${now})
        on conflict (appointment_id, conversation_key) do update set claimed_at = excluded.claimed_at
        where teams_approval_card.activity_id is null
          and teams_approval_card.claimed_at < ${now}::timestamptz - make_interval(secs => ${staleSeconds})
        returning 1`;
      return rows.length === 1;
    },
    async posted(appointmentId, conversationKey, activityId, now) {
      await sql`update teams_approval_card set activity_id = ${activityId}, posted_at = ${now}
        where appointment_id = ${appointmentId} and conversation_key = ${conversationKey}`;
    },
    async release(appointmentId, conversationKey) {
      await sql`delete from teams_approval_card where appointment_id = ${appointmentId} and conversation_key = ${conversationKey} and activity_id is null`;
    },
    async open() {
      return sql.unsafe<ApprovalCardRow[]>(`select ${COLUMNS} from teams_approval_card where shown = 'open' and activity_id is not null order by posted_at`);
    },
    async find(appointmentId, conversationKey) {
      const rows = await sql.unsafe<ApprovalCardRow[]>(`select ${COLUMNS} from teams_approval_card where appointment_id = $1 and conversation_key = $2`, [appointmentId, conversationKey]);
      return rows[0] ?? null;
    },
    async decider(appointmentId) {
      const rows = await sql<{ name: string }[]>`
        select decided_by_name as name from teams_approval_card where appointment_id = ${appointmentId} and decided_by_name is not null limit 1`;
      return rows[0]?.name ?? null;
    },
    async recordDecider(tx, appointmentId, name, at) {
      await tx`update teams_approval_card set decided_by_name = ${name}, decided_at = ${at} where appointment_id = ${appointmentId}`;
    },
    async markShown(appointmentId, conversationKey, shown) {
      await sql`update teams_approval_card set shown = ${shown} where appointment_id = ${appointmentId} and conversation_key = ${conversationKey}`;
    },
  };
}
