/**
 * Bounces mapped back to the outbox: a delivery report that returns one of our mails (its
 * `<notification-ID@domain>` in the returned headers, or In-Reply-To/References) marks that
 * notification failed with last_error 'BOUNCED', visible in listFailedMails, and is never answered.
 * A "delayed" report marks nothing. Real Dovecot: skipped locally without it, fails in CI.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bouncedNotificationIds } from "../../mail/bounce.ts";
import { listFailedMails } from "../../mail/failed-mails.ts";
import { readMessage } from "../../mail/read-message.ts";
import { shouldSkipMailSuites } from "../support/dovecot.ts";
import { CITIZEN, OFFICE, appendToOffice, citizenMailer, folderCount, openMailEnv, waitForMails, type MailEnv } from "./mail-env.ts";

const DOMAIN = OFFICE.split("@")[1]!;

/** An RFC 3464 report as Postfix writes it; `returned` is the third part's type. */
function dsn(messageId: string, action: "failed" | "delayed", returned: "text/rfc822-headers" | "message/rfc822"): string {
  const original = [`From: ${OFFICE}`, `To: ${CITIZEN}`, "Subject: Ihr Termin", `Message-ID:`, ` ${messageId}`, ""].join("\r\n");
  return [
    "From: MAILER-DAEMON@mx.example.test", `To: ${OFFICE}`, "Subject: Undelivered Mail Returned to Sender",
    `Message-ID: <dsn-${Math.random().toString(36).slice(2)}@mx.example.test>`, "Return-Path: <>", "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="DSN"', "",
    "--DSN", "Content-Type: text/plain", "", "This is the mail system at host mx.example.test.", "",
    "--DSN", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.example.test", "",
    `Final-Recipient: rfc822; ${CITIZEN}`, `Action: ${action}`, `Status: ${action === "failed" ? "5.1.1" : "4.4.1"}`, "",
    "--DSN", `Content-Type: ${returned}`, "", original, returned === "message/rfc822" ? "Guten Tag, Ihr Termin …" : "",
    "--DSN--", "",
  ].join("\r\n");
}

/** A plain-text bounce that names our mail only in In-Reply-To. */
function plainBounce(messageId: string): string {
  return [
    "From: postmaster@example.test", `To: ${OFFICE}`, "Subject: Unzustellbar: Ihr Termin", `In-Reply-To: ${messageId}`,
    `Message-ID: <nb-${Math.random().toString(36).slice(2)}@example.test>`, "", "Die Nachricht konnte nicht zugestellt werden.", "",
  ].join("\r\n");
}

describe("bouncedNotificationIds", () => {
  test("reads the returned Message-ID (folded or not) and ignores other domains and delay reports", async () => {
    const ids = async (raw: string) => bouncedNotificationIds(await readMessage(Buffer.from(raw)), DOMAIN);
    expect(await ids(dsn(`<notification-7@${DOMAIN}>`, "failed", "text/rfc822-headers"))).toEqual(["7"]);
    expect(await ids(dsn(`<notification-8@${DOMAIN}>`, "failed", "message/rfc822"))).toEqual(["8"]);
    expect(await ids(dsn(`<notification-9@${DOMAIN}>`, "delayed", "message/rfc822"))).toEqual([]);
    expect(await ids(dsn("<notification-9@elsewhere.test>", "failed", "message/rfc822"))).toEqual([]);
    expect(await ids(plainBounce(`<notification-10@${DOMAIN}>`))).toEqual(["10"]);
  });
});

describe.skipIf(shouldSkipMailSuites())("bounces of our mails (Dovecot)", () => {
  let env: MailEnv;
  let processed = 0;
  beforeAll(async () => {
    env = await openMailEnv();
    await env.start();
  });
  afterAll(async () => env?.close());

  const deliver = async (raw: string) => {
    await appendToOffice(env, raw);
    processed++;
    for (let i = 0; i < 100 && (await folderCount(env, OFFICE, "Processed")) < processed; i++) await new Promise((r) => setTimeout(r, 150));
    expect(await folderCount(env, OFFICE, "Processed")).toBe(processed);
  };
  const row = async (id: string) =>
    (await env.db.sql<{ status: string; last_error: string | null }[]>`select status, last_error from notification where id = ${id}`)[0];
  const sentMail = async () =>
    (await env.db.sql<{ id: string }[]>`insert into notification (kind, channel, status, sent_at) values ('reply', 'mail', 'sent', now()) returning id::text as id`)[0]!.id;

  test("a DSN for a mail we sent marks its outbox row BOUNCED, shows it to staff and gets no answer", async () => {
    await citizenMailer(env).sendMail({ from: CITIZEN, to: OFFICE, subject: "Termin", text: "Ich brauche einen Personalausweis." });
    const [proposal] = await waitForMails(env, CITIZEN, 1);
    processed++;
    const id = /^<notification-(\d+)@/.exec(proposal!.messageId!)![1]!;
    expect(await row(id)).toEqual({ status: "sent", last_error: null });
    const before = (await env.db.sql`select id from notification`).length;

    await deliver(dsn(proposal!.messageId!, "failed", "text/rfc822-headers"));

    expect(await row(id)).toEqual({ status: "failed", last_error: "BOUNCED" });
    const { outgoing } = await listFailedMails(env.db.sql);
    expect(outgoing.map((m) => [m.notificationId, m.lastError])).toContainEqual([id, "BOUNCED"]);
    expect(await env.db.sql`select kind, outcome from mail_inbound where sender like 'mailer-daemon%'`).toEqual([{ kind: "bounce", outcome: "ignored" }]);
    expect(await env.db.sql`select id from notification`).toHaveLength(before); // nothing answered, nothing queued
  });

  test("a delay report marks nothing; the later failure (message/rfc822) and a plain bounce (In-Reply-To) do", async () => {
    const [delayed, plain] = [await sentMail(), await sentMail()];
    const messageId = `<notification-${delayed}@${DOMAIN}>`;
    await deliver(dsn(messageId, "delayed", "message/rfc822"));
    expect(await row(delayed)).toEqual({ status: "sent", last_error: null });
    await deliver(dsn(messageId, "failed", "message/rfc822"));
    expect(await row(delayed)).toEqual({ status: "failed", last_error: "BOUNCED" });
    await deliver(plainBounce(`<notification-${plain}@${DOMAIN}>`));
    expect(await row(plain)).toEqual({ status: "failed", last_error: "BOUNCED" });
  });
});
