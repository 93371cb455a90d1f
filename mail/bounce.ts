/**
 * Bounces of our own mails, mapped back to the outbox: the `notification` row whose Message-ID
 * (`<notification-ID@our-domain>`, reply-token.ts) a delivery report returns is marked failed with
 * `last_error = 'BOUNCED'`, so staff see it among the failed mails. The bounce itself is never answered.
 */
import type { Sql } from "postgres";
import type { InboundMail } from "./read-message.ts";
import { notificationIdsIn } from "./reply-token.ts";

export const BOUNCED = "BOUNCED";

/** bigint ids only: a forged, overlong number must not make the whole mail fail on the cast. */
const ID = /^\d{1,18}$/;

/**
 * The notification ids a bounce reports as undeliverable. A DSN whose per-recipient `Action:` fields
 * are all something else (`delayed`, `delivered`, `relayed`, `expanded`; RFC 3464 §2.3.3) reports no
 * failure: the mail may still arrive. mailparser puts the `message/delivery-status` part into the text.
 */
export function bouncedNotificationIds(mail: InboundMail, domain: string): string[] {
  const actions = [...mail.text.matchAll(/^action:[ \t]*([a-z-]+)/gim)].map((m) => m[1]!.toLowerCase());
  if (actions.length > 0 && !actions.includes("failed")) return [];
  // The returned headers name the mail most reliably; In-Reply-To/References help with plain-text bounces.
  const candidates = [...mail.returnedMessageIds, ...mail.inReplyTo, ...mail.references];
  return [...new Set(notificationIdsIn(candidates, domain))].filter((id) => ID.test(id));
}

/** Marks our sent mails as bounced; returns the ids it marked. Idempotent. */
export async function markBounced(tx: Sql, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx<{ id: string }[]>`
    update notification set status = 'failed', last_error = ${BOUNCED}, lease_until = null
    where id = any(${ids}::bigint[]) and channel = 'mail'
    returning id::text as id`;
  return rows.map((r) => r.id);
}
