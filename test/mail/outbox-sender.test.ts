import { afterAll, beforeAll, describe, expect, test } from "vitest";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { openTestDb, type TestDb } from "../support/db.ts";
import { freePort } from "../support/dovecot.ts";
import { enqueueNotification } from "../../core/notifications/outbox.ts";
import { createLogger } from "../../core/log.ts";
import { OutboxSender } from "../../mail/outbox-sender.ts";
import { listFailedMails, retryFailedMail } from "../../mail/failed-mails.ts";

interface Delivery { to: string; messageId: string }

describe("outbox sender", () => {
  let db: TestDb;
  let server: SMTPServer;
  let port: number;
  const deliveries: Delivery[] = [];
  const tempFailuresLeft = new Map<string, number>();

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite" });
    port = await freePort();
    server = new SMTPServer({
      disabledCommands: ["STARTTLS"], authOptional: true, logger: false,
      onRcptTo(address, _session, cb) {
        if (address.address.startsWith("gone@")) return cb(Object.assign(new Error("No such user"), { responseCode: 550 }));
        const left = tempFailuresLeft.get(address.address) ?? 0;
        if (left > 0) {
          tempFailuresLeft.set(address.address, left - 1);
          return cb(Object.assign(new Error("Try again later"), { responseCode: 451 }));
        }
        cb();
      },
      onData(stream, session, cb) {
        let raw = "";
        stream.on("data", (c: Buffer) => (raw += c.toString()));
        stream.on("end", () => {
          deliveries.push({ to: session.envelope.rcptTo[0]!.address, messageId: /^Message-ID: (.+)$/im.exec(raw)![1]!.trim() });
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await db?.close();
  });

  function sender(maxAttempts = 5) {
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port, ignoreTLS: true });
    return new OutboxSender({
      sql: db.sql, transport, log: createLogger("test"), from: { address: "termine@stadt.test", name: "Test" }, replyTo: "termine@stadt.test",
      plusAddressing: true, maxAttempts, pollMs: 60_000, backoffBaseMs: 1,
      render: { core: db.core, sql: db.sql, publicUrl: "http://x", office: { name: "Test", address: "termine@stadt.test", phone: "0", website: "http://x" } },
    });
  }

  async function reply(to: string): Promise<number> {
    return enqueueNotification(db.sql, {
      kind: "mail_reply", channel: "mail",
      payload: { template: "notice", data: { kind: "help" }, token: "ABCD2345", to, inReplyTo: null, references: [] },
    });
  }

  async function sendUntilIdle(s: OutboxSender): Promise<void> {
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 5));
      await s.sendBatch();
    }
  }

  test("temporary failures are retried with the same Message-ID; the mail arrives once", async () => {
    tempFailuresLeft.set("retry@example.test", 2);
    const id = await reply("retry@example.test");
    await sendUntilIdle(sender());
    const got = deliveries.filter((d) => d.to === "retry@example.test");
    expect(got).toEqual([{ to: "retry@example.test", messageId: `<notification-${id}@stadt.test>` }]);
    const [row] = await db.sql<{ status: string; attempts: number }[]>`select status, attempts from notification where id = ${id}`;
    expect(row).toEqual({ status: "sent", attempts: 3 });
  });

  test("a permanent failure is marked failed at once and shown to staff; staff can retry it", async () => {
    const id = await reply("gone@example.test");
    await sendUntilIdle(sender());
    const failed = await listFailedMails(db.sql);
    expect(failed.outgoing.map((f) => [f.notificationId, f.lastError, f.attempts])).toEqual([[String(id), "SMTP_550", 1]]);
    expect(await retryFailedMail(db.sql, String(id))).toBe(true);
    const [row] = await db.sql<{ status: string }[]>`select status from notification where id = ${id}`;
    expect(row?.status).toBe("pending");
    await db.sql`update notification set status = 'sent' where id = ${id}`;
  });

  test("after maxAttempts temporary failures the mail is failed", async () => {
    tempFailuresLeft.set("flaky@example.test", 10);
    const id = await reply("flaky@example.test");
    await sendUntilIdle(sender(3));
    const [row] = await db.sql<{ status: string; attempts: number; last_error: string }[]>`select status, attempts, last_error from notification where id = ${id}`;
    expect(row).toEqual({ status: "failed", attempts: 3, last_error: "SMTP_451" });
  });

  test("a core notification for an unknown appointment fails without retries", async () => {
    const id = await enqueueNotification(db.sql, { kind: "booking_confirmed", channel: "mail", payload: {} });
    await sendUntilIdle(sender());
    const [row] = await db.sql<{ status: string; last_error: string }[]>`select status, last_error from notification where id = ${id}`;
    expect(row).toEqual({ status: "failed", last_error: "NOT_FOUND" });
  });
});
