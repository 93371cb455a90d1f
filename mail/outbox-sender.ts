/**
 * Sends the `notification` rows of channel 'mail'. Rows are claimed with FOR UPDATE SKIP LOCKED
 * and a lease, so several processes can send without sending twice; a crashed sender's lease
 * runs out and another takes over. The Message-ID is derived from the row id, so a retry after
 * a crash between "250 OK" and "sent" is recognisably the same mail, never a second one.
 */
import type { Sql } from "postgres";
import type { Transporter } from "nodemailer";
import type { Logger } from "../core/log.ts";
import { OWN_MARKER_HEADER } from "./classify.ts";
import { RenderError, renderNotification, type NotificationRow, type OutgoingMail, type RenderDeps } from "./render-notification.ts";
import { notificationMessageId, plusAddress } from "./reply-token.ts";

export interface SenderOptions {
  sql: Sql;
  transport: Transporter;
  render: RenderDeps;
  from: { address: string; name: string };
  replyTo: string;
  plusAddressing: boolean;
  log: Logger;
  maxAttempts: number;
  pollMs: number;
  /** First retry delay; doubles per attempt, capped at one hour. */
  backoffBaseMs?: number;
  leaseMs?: number;
  batch?: number;
}

interface ClaimedRow {
  id: string;
  kind: string;
  appointment_id: string | null;
  payload: Record<string, unknown>;
  attempts: number;
}

export class OutboxSender {
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly o: SenderOptions) {}

  start(): void {
    this.timer = setInterval(() => this.wake(), this.o.pollMs);
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
  }

  /** Send what is due now; concurrent calls coalesce into one more pass. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => (this.draining = null));
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        while (!this.stopped && (await this.sendBatch()) > 0);
      } catch (err) {
        this.o.log.warn({ action: "outbox_failed", code: (err as { code?: string }).code ?? "UNEXPECTED" }, "outbox pass failed");
      }
    } while (this.again && !this.stopped);
  }

  /** One claim-and-send round; returns the number of rows claimed. */
  async sendBatch(): Promise<number> {
    const leaseSeconds = (this.o.leaseMs ?? 120_000) / 1000;
    const rows = await this.o.sql<ClaimedRow[]>`
      update notification set status = 'sending', attempts = attempts + 1,
        lease_until = now() + make_interval(secs => ${leaseSeconds})
      where id in (
        select id from notification
        where channel = 'mail' and available_at <= now()
          and (status = 'pending' or (status = 'sending' and lease_until < now()))
        order by id
        for update skip locked
        limit ${this.o.batch ?? 20})
      returning id, kind, appointment_id, payload, attempts`;
    await Promise.all(rows.map((r) => this.sendOne(r)));
    return rows.length;
  }

  private async sendOne(r: ClaimedRow): Promise<void> {
    const messageId = notificationMessageId(r.id, this.o.from.address.split("@")[1] ?? "localhost");
    try {
      const mail = await renderNotification(this.o.render, { id: r.id, kind: r.kind, appointmentId: r.appointment_id, payload: r.payload });
      await this.o.transport.sendMail(this.message(mail, messageId));
      // Marked right after each send: a crash can only repeat this one mail, with the same Message-ID.
      await this.o.sql`update notification set status = 'sent', sent_at = now(), lease_until = null, message_id = ${messageId}, last_error = null where id = ${r.id}`;
      this.o.log.info({ action: "mail_sent", notificationId: r.id, kind: r.kind }, "mail sent");
    } catch (err) {
      await this.failed(r, messageId, err as Error & { responseCode?: number; code?: string });
    }
  }

  private async failed(r: ClaimedRow, messageId: string, err: Error & { responseCode?: number; code?: string }): Promise<void> {
    // 5xx is a permanent SMTP failure (RFC 5321 §4.2.1); a render error will not heal either.
    const permanent = err instanceof RenderError || (err.responseCode ?? 0) >= 500 || r.attempts >= this.o.maxAttempts;
    const code = err instanceof RenderError ? err.code : err.responseCode ? `SMTP_${err.responseCode}` : (err.code ?? "SEND_FAILED");
    const delayMs = Math.min(3_600_000, (this.o.backoffBaseMs ?? 30_000) * 2 ** (r.attempts - 1));
    await this.o.sql`
      update notification set lease_until = null, message_id = ${messageId}, last_error = ${code},
        status = ${permanent ? "failed" : "pending"},
        available_at = now() + make_interval(secs => ${permanent ? 0 : delayMs / 1000})
      where id = ${r.id}`;
    this.o.log.warn({ action: permanent ? "mail_failed_permanently" : "mail_retry", notificationId: r.id, code, attempt: r.attempts }, "mail not sent");
  }

  private message(m: OutgoingMail, messageId: string) {
    return {
      from: { name: this.o.from.name, address: this.o.from.address },
      to: m.to,
      replyTo: m.token && this.o.plusAddressing ? plusAddress(this.o.replyTo, m.token) : this.o.replyTo,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId,
      ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
      ...(m.references.length ? { references: m.references } : {}),
      ...(m.icalEvent ? { icalEvent: m.icalEvent } : {}),
      ...(m.attachments ? { attachments: m.attachments } : {}),
      headers: {
        // RFC 3834 §5: mark our answers so other robots do not answer them.
        "Auto-Submitted": "auto-replied",
        // Ask Exchange not to send out-of-office replies to us.
        "X-Auto-Response-Suppress": "All",
        [OWN_MARKER_HEADER]: "1",
      },
    };
  }
}
