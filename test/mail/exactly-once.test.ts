import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { shouldSkipMailSuites } from "../support/dovecot.ts";
import { CITIZEN, OFFICE, citizenMailer, folderCount, openMailEnv, waitForMails, type MailEnv } from "./mail-env.ts";

describe.skipIf(shouldSkipMailSuites())("exactly once across crashes and server restarts", () => {
  let env: MailEnv;
  beforeAll(async () => {
    env = await openMailEnv();
  });
  afterAll(async () => env?.close());

  test("crash between commit and MOVE, then restart: the mail is answered once and moved", async () => {
    let crashed = false;
    await env.start({
      afterCommit: () => {
        if (crashed) return;
        crashed = true;
        throw new Error("simulated crash after commit");
      },
    });
    await citizenMailer(env).sendMail({ from: CITIZEN, to: OFFICE, subject: "Termin", text: "Personalausweis bitte" });
    for (let i = 0; i < 100 && !crashed; i++) await new Promise((r) => setTimeout(r, 100));
    expect(crashed).toBe(true);
    await env.stopAssistant(); // the process dies with the mail still in INBOX
    expect(await folderCount(env, OFFICE, "INBOX")).toBe(1);
    expect(await env.db.sql`select id from mail_inbound`).toHaveLength(1);

    await env.start(); // restart: finds the record, only moves the mail
    for (let i = 0; i < 50 && (await folderCount(env, OFFICE, "INBOX")) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await folderCount(env, OFFICE, "INBOX")).toBe(0);
    expect(await folderCount(env, OFFICE, "Processed")).toBe(1);
    const mails = await waitForMails(env, CITIZEN, 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await waitForMails(env, CITIZEN, 2, 500)).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/^Terminvorschläge/);
    expect(await env.db.sql`select id from notification`).toHaveLength(1);
    expect(await env.db.sql`select id from appointment where status = 'held'`).toHaveLength(3);
    await env.stopAssistant();
  });

  test("doveadm kick: the listener reconnects and no mail is lost", async () => {
    const before = (await waitForMails(env, CITIZEN, 0)).length;
    await env.start();
    const mailer = citizenMailer(env);
    env.dovecot.kick();
    await mailer.sendMail({ from: CITIZEN, to: OFFICE, subject: "Termin A", text: "Reisepass bitte" });
    env.dovecot.kick();
    await mailer.sendMail({ from: CITIZEN, to: OFFICE, subject: "Termin B", text: "Meldebescheinigung bitte" });
    const mails = await waitForMails(env, CITIZEN, before + 2, 20_000);
    const subjects = mails.slice(before).map((m) => m.subject).sort();
    expect(subjects[0]).toMatch(/^Terminvorschläge: Meldebescheinigung/);
    expect(subjects[1]).toMatch(/^Terminvorschläge: Reisepass beantragen/);
    expect(await folderCount(env, OFFICE, "INBOX")).toBe(0);
    await env.stopAssistant();
  });

  test("two assistants on one mailbox: only one consumes, each mail is answered once", async () => {
    const before = (await waitForMails(env, CITIZEN, 0)).length;
    const first = await env.start();
    const second = (await import("../../mail/start-mail-assistant.ts")).startMailAssistant({
      core: env.db.core, parse: env.parse, settings: env.settings, transport: env.transport!, backoff: { baseMs: 50, maxMs: 200 },
    });
    const mailer = citizenMailer(env);
    for (let i = 0; i < 5; i++) await mailer.sendMail({ from: CITIZEN, to: OFFICE, subject: `Termin ${i}`, text: "Führungszeugnis bitte" });
    const mails = await waitForMails(env, CITIZEN, before + 5, 20_000);
    await new Promise((r) => setTimeout(r, 800));
    expect(await waitForMails(env, CITIZEN, before + 6, 300)).toHaveLength(before + 5);
    expect(mails.slice(before).every((m) => /^Terminvorschläge: Führungszeugnis/.test(m.subject ?? ""))).toBe(true);
    await second.stop();
    await first.stop();
    env.assistant = null;
  });
});
