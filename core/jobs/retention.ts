/**
 * Deletes personal data once it has served its purpose (DSGVO Art. 5(1)(c) and (e): data
 * minimisation, storage limitation). After `retentionDays` the contact row of a past appointment
 * goes (the foreign key sets `contact_id` to null), and so do its request text, e-mail pseudonym,
 * chat key, old outbox payloads, chat state and rate-limit rows. What remains is anonymous:
 * appointment rows with location, services, times and status, enough for counts, no-show rates
 * and booking lead times. The staff console's audit log is kept longer (`auditRetentionDays`: who
 * did what must stay answerable), its expired sessions and old sign-in attempts go every run.
 */
import type { Sql } from "postgres";
import type { JobDeps, JobInput, JobResult } from "./types.ts";

const DAY_MS = 86_400_000;
/** Rate-limit windows are minutes long; a day-old row counts nothing any more. */
const RATE_LIMIT_KEEP_MS = DAY_MS;
/** Sign-in limit windows are at most a day (STAFF_LOGIN_WINDOW_MINUTES ≤ 1440); older attempts count nothing. */
const LOGIN_ATTEMPT_KEEP_MS = DAY_MS;
/** OpenID Connect flows live minutes; a day-old one is an abandoned sign-in. */
const OIDC_FLOW_KEEP_MS = DAY_MS;

export async function applyRetention({ now }: JobInput, deps: JobDeps): Promise<JobResult> {
  const cutoff = new Date(now.getTime() - deps.settings.retentionDays * DAY_MS);
  return deps.core.sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    const appointments = await anonymiseAppointments(tx, cutoff);
    const notifications = await tx`delete from notification where created_at < ${cutoff} and status in ('sent', 'failed') returning id`;
    await tx`update notification set payload = '{}', last_error = null where created_at < ${cutoff} and payload <> '{}'::jsonb`;
    const rateLimits = await tx`delete from rate_limit where window_start < ${new Date(now.getTime() - RATE_LIMIT_KEEP_MS)} returning key`;
    const wishes = await tx`
      update waitlist_wish set name = null, email = null, conversation_key = null, person_hash = null
      where status not in ('open', 'offered') and (name is not null or email is not null or conversation_key is not null or person_hash is not null)
      returning id`;
    await tx`delete from reminder_sent r using appointment a where a.id = r.appointment_id and upper(a.during) < ${cutoff}`;
    const chat = await deleteChatState(tx, cutoff, now);
    const mail = await anonymiseMail(tx, cutoff, now);
    const staff = await deleteStaffRecords(tx, now, deps.settings.auditRetentionDays);
    return { appointments, notifications: notifications.length, rateLimits: rateLimits.length, wishes: wishes.length, chat, mail, ...staff };
  });
}

/** Past appointments (and requests that never became one) lose every personal field. */
async function anonymiseAppointments(tx: Sql, cutoff: Date): Promise<number> {
  const rows = await tx<{ contact_id: string | null }[]>`
    update appointment set request = null, email_hash = null, conversation_key = null, hold_token_hash = null, decision_message = null
    where (upper(during) < ${cutoff} or (status in ('expired', 'rejected', 'cancelled') and updated_at < ${cutoff}))
      and (contact_id is not null or request is not null or email_hash is not null or conversation_key is not null or decision_message is not null)
    returning contact_id`;
  const ids = [...new Set(rows.map((r) => r.contact_id).filter((id): id is string => id !== null))];
  // A reschedule shares the contact with the new appointment; it stays while any appointment still needs it.
  if (ids.length) {
    await tx`
      delete from contact c where c.id = any(${ids}::bigint[]) and not exists (
        select 1 from appointment a where a.contact_id = c.id
          and not (upper(a.during) < ${cutoff} or (a.status in ('expired', 'rejected', 'cancelled') and a.updated_at < ${cutoff})))`;
  }
  return rows.length;
}

/** Chat state and stored conversation references, unless an upcoming appointment or open wish still needs the reference. */
async function deleteChatState(tx: Sql, cutoff: Date, now: Date): Promise<number> {
  let n = 0;
  if (await tableExists(tx, "bot_state")) n += (await tx`delete from bot_state where updated_at < ${cutoff} returning key`).length;
  if (await tableExists(tx, "bot_conversation_ref")) {
    n += (
      await tx`
      delete from bot_conversation_ref r where r.updated_at < ${cutoff}
        and not exists (select 1 from appointment a where a.conversation_key = r.conversation_key and a.active and upper(a.during) > ${now})
        and not exists (select 1 from waitlist_wish w where w.conversation_key = r.conversation_key)
      returning r.conversation_key`
    ).length;
  }
  return n;
}

/** Mail conversations hold addresses and names; processed-mail rows keep their dedupe key but lose the sender. */
async function anonymiseMail(tx: Sql, cutoff: Date, now: Date): Promise<number> {
  let n = 0;
  if (await tableExists(tx, "mail_conversation")) {
    n += (
      await tx`
      delete from mail_conversation m where m.updated_at < ${cutoff}
        and not exists (select 1 from appointment a where a.id = m.appointment_id and a.active and upper(a.during) > ${now})
      returning m.token`
    ).length;
  }
  if (await tableExists(tx, "mail_inbound")) {
    n += (await tx`update mail_inbound set sender = null where received_at < ${cutoff} and sender is not null returning id`).length;
  }
  return n;
}

/** Staff console (migration 030): old audit entries, expired sessions, stale sign-in attempts and OIDC flows. */
async function deleteStaffRecords(tx: Sql, now: Date, auditDays: number): Promise<{ audit: number; staffSessions: number; loginAttempts: number }> {
  if (!(await tableExists(tx, "staff_audit"))) return { audit: 0, staffSessions: 0, loginAttempts: 0 };
  const audit = await tx`delete from staff_audit where at < ${new Date(now.getTime() - auditDays * DAY_MS)} returning id`;
  const sessions = await tx`delete from staff_session where expires_at <= ${now} returning id_hash`;
  const attempts = await tx`delete from staff_login_attempt where at < ${new Date(now.getTime() - LOGIN_ATTEMPT_KEEP_MS)} returning id`;
  await tx`delete from staff_oidc_flow where created_at < ${new Date(now.getTime() - OIDC_FLOW_KEEP_MS)}`;
  return { audit: audit.length, staffSessions: sessions.length, loginAttempts: attempts.length };
}

async function tableExists(tx: Sql, name: string): Promise<boolean> {
  const [row] = await tx<{ exists: boolean }[]>`select to_regclass(${name}) is not null as exists`;
  return row!.exists;
}
