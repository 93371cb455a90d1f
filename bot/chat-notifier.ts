/**
 * Sends the core's chat notifications (outbox rows with channel = 'chat') proactively into the
 * conversation the citizen used: claim due rows with a lease (FOR UPDATE SKIP LOCKED, so several
 * workers never send one row twice), render through the injected function, deliver through the
 * adapter the stored conversation reference names, and mark each row sent, retried or failed.
 */
import type { Activity, ConversationReference } from "botbuilder";
import type { Sql } from "postgres";
import { createLogger, type Logger } from "../core/log.ts";
import type { ConversationRefStore } from "./conversation-refs.ts";
import { runPeriodically } from "./periodic.ts";
import { errorFields, logId } from "./turn-pipeline.ts";

export interface ChatNotification {
  id: number;
  kind: string;
  appointmentId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  /** From the payload, else from the appointment. */
  conversationKey: string | null;
}

export interface ChatNotifierDeps {
  sql: Sql;
  refs: ConversationRefStore;
  deliver(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void>;
  /** German text or activity for a notification (the dialogs' templates); null = not for chat. */
  render(notification: ChatNotification): Promise<Partial<Activity> | string | null> | Partial<Activity> | string | null;
  now?: () => Date;
  log?: Logger;
  batchSize?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
}

export interface ChatNotifier {
  /** One pass over the due rows. */
  runOnce(): Promise<{ sent: number; retried: number; failed: number }>;
  /** Poll every `intervalMs` until the returned stop function is called. */
  start(intervalMs?: number): () => Promise<void>;
}

/** Failures a retry cannot fix. */
class PermanentFailure extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export function createChatNotifier(deps: ChatNotifierDeps): ChatNotifier {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? createLogger("chat-notifier");
  const maxAttempts = deps.maxAttempts ?? 5;

  async function claim(): Promise<ChatNotification[]> {
    const at = now();
    const rows = await deps.sql<{ id: string; kind: string; appointmentId: string | null; payload: Record<string, unknown>; attempts: number; appointmentKey: string | null }[]>`
      with due as (
        select id from notification
        where channel = 'chat'
          and ((status = 'pending' and available_at <= ${at}::timestamptz) or (status = 'sending' and lease_until < ${at}::timestamptz))
        order by available_at, id
        limit ${deps.batchSize ?? 20}
        for update skip locked
      )
      update notification n
      set status = 'sending', attempts = n.attempts + 1,
          lease_until = ${at}::timestamptz + make_interval(secs => ${deps.leaseSeconds ?? 60})
      from due where n.id = due.id
      returning n.id, n.kind, n.appointment_id as "appointmentId", n.payload, n.attempts,
        (select a.conversation_key from appointment a where a.id = n.appointment_id) as "appointmentKey"`;
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      appointmentId: r.appointmentId,
      payload: r.payload ?? {},
      attempts: r.attempts,
      conversationKey: typeof r.payload?.conversationKey === "string" ? r.payload.conversationKey : r.appointmentKey,
    }));
  }

  async function send(n: ChatNotification): Promise<void> {
    if (!n.conversationKey) throw new PermanentFailure("NO_CONVERSATION_KEY");
    const reference = await deps.refs.get(n.conversationKey);
    if (!reference) throw new PermanentFailure("NO_CONVERSATION_REFERENCE");
    const rendered = await deps.render(n);
    if (rendered === null) throw new PermanentFailure("NOT_RENDERED");
    const activity: Partial<Activity> = typeof rendered === "string" ? { type: "message", text: rendered } : rendered;
    try {
      await deps.deliver(reference, activity);
    } catch (err) {
      if ((err as { code?: string }).code === "NO_ADAPTER") throw new PermanentFailure("NO_ADAPTER");
      throw err;
    }
  }

  async function settle(n: ChatNotification, err: unknown): Promise<"retried" | "failed"> {
    const code = err instanceof PermanentFailure ? err.code : String((err as { code?: unknown }).code ?? "DELIVERY_FAILED");
    const final = err instanceof PermanentFailure || n.attempts >= maxAttempts;
    const backoffSeconds = Math.min(30 * 2 ** (n.attempts - 1), 3600);
    const availableAt = new Date(now().getTime() + backoffSeconds * 1000);
    await deps.sql`
      update notification
      set status = ${final ? "failed" : "pending"}, lease_until = null, last_error = ${code},
          available_at = ${final ? deps.sql`available_at` : deps.sql`${availableAt}::timestamptz`}
      where id = ${n.id} and status = 'sending'`;
    log.warn({ action: "chat_notification", code, notification: n.id, attempts: n.attempts, final, ...(err instanceof PermanentFailure ? {} : errorFields(err)) }, "not delivered");
    return final ? "failed" : "retried";
  }

  async function runOnce() {
    const counts = { sent: 0, retried: 0, failed: 0 };
    for (const n of await claim()) {
      try {
        await send(n);
        await deps.sql`
          update notification set status = 'sent', sent_at = ${now()}::timestamptz, lease_until = null, last_error = null
          where id = ${n.id} and status = 'sending'`;
        counts.sent += 1;
        log.info({ action: "chat_notification", code: "SENT", notification: n.id, kind: n.kind, conversation: logId(n.conversationKey ?? "") }, "sent");
      } catch (err) {
        counts[await settle(n, err)] += 1;
      }
    }
    return counts;
  }

  function start(intervalMs = 2000) {
    return runPeriodically(runOnce, intervalMs, (err) => log.error({ action: "chat_notifier", ...errorFields(err) }, "pass failed"));
  }

  return { runOnce, start };
}
