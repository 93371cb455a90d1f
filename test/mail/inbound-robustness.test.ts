import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { shouldSkipMailSuites } from "../support/dovecot.ts";
import { CITIZEN, OFFICE, STRANGER, appendToOffice, citizenMailer, folderCount, openMailEnv, readFolder, waitForMails, type MailEnv } from "./mail-env.ts";

const PROPOSALS = /^Terminvorschläge: Personalausweis beantragen \[T-/;

async function waitUntilProcessed(env: MailEnv, count: number): Promise<void> {
  for (let i = 0; i < 100 && (await folderCount(env, OFFICE, "Processed")) < count; i++) await new Promise((r) => setTimeout(r, 150));
  expect(await folderCount(env, OFFICE, "Processed")).toBe(count);
}

function rawMail(from: string, headers: string, body: Buffer | string): Buffer {
  const head = `From: ${from}\r\nTo: ${OFFICE}\r\nSubject: Termin\r\nMessage-ID: <${Math.random().toString(36).slice(2)}@example.test>\r\n${headers}\r\n`;
  return Buffer.concat([Buffer.from(head, "latin1"), typeof body === "string" ? Buffer.from(body, "utf8") : body]);
}

describe.skipIf(shouldSkipMailSuites())("inbound robustness", () => {
  let env: MailEnv;
  beforeAll(async () => {
    env = await openMailEnv(["a@example.test", "b@example.test", "c@example.test", "d@example.test", "e@example.test"]);
    await env.start();
  });
  afterAll(async () => env?.close());

  test("auto-reply and bounce get no answer (no loop)", async () => {
    await appendToOffice(env, rawMail(CITIZEN, "Auto-Submitted: auto-replied\r\n", "Ich bin nicht im Büro. Personalausweis"));
    await appendToOffice(env, rawMail("MAILER-DAEMON@mx.example.test", "Return-Path: <>\r\n", "Delivery failed: Personalausweis"));
    await waitUntilProcessed(env, 2);
    env.assistant!.wakeSender();
    await new Promise((r) => setTimeout(r, 500));
    expect(await readFolder(env, CITIZEN)).toHaveLength(0);
    const rows = await env.db.sql<{ kind: string; outcome: string }[]>`select kind, outcome from mail_inbound order by id`;
    expect(rows).toEqual([{ kind: "auto-reply", outcome: "ignored" }, { kind: "bounce", outcome: "ignored" }]);
    expect(await env.db.sql`select id from notification`).toHaveLength(0);
  });

  test("a forged sender without the booking code cancels nothing", async () => {
    const mailer = citizenMailer(env);
    await mailer.sendMail({ from: CITIZEN, to: OFFICE, subject: "Termin", text: "Personalausweis bitte" });
    const [proposal] = await waitForMails(env, CITIZEN, 1);
    await mailer.sendMail({ from: CITIZEN, to: OFFICE, subject: `AW: ${proposal!.subject}`, text: "1" });
    const mails = await waitForMails(env, CITIZEN, 2);
    const code = /Buchungscode: +(\S+)/.exec(mails[1]!.text!)![1]!;
    // Mallory writes as Erika, in Erika's thread, but without the code…
    await mailer.sendMail({ from: CITIZEN, sender: STRANGER, to: OFFICE, subject: `AW: ${mails[1]!.subject}`, text: "Bitte absagen." });
    // …and as herself with the code: the code belongs to another address.
    await mailer.sendMail({ from: STRANGER, to: OFFICE, subject: `AW: ${mails[1]!.subject}`, text: `Bitte absagen: ${code}` });
    const erika = await waitForMails(env, CITIZEN, 3);
    expect(erika[2]?.text).toContain("brauchen wir Ihren Buchungscode");
    const mallory = await waitForMails(env, STRANGER, 1);
    expect(mallory[0]?.text).toContain("haben wir keinen Termin gefunden");
    const [row] = await env.db.sql<{ status: string }[]>`select status from appointment where code = ${code}`;
    expect(row?.status).toBe("booked");
  });

  test("Windows-1252, charset-less, HTML-only, malformed MIME and a 20 MB attachment are all understood", async () => {
    const latin = Buffer.from("Ich brauche einen neuen Personalausweis f\xfcr n\xe4chste Woche.", "latin1");
    await appendToOffice(env, rawMail("a@example.test", "Content-Type: text/plain; charset=windows-1252\r\n", latin));
    await appendToOffice(env, rawMail("b@example.test", "", latin));
    await appendToOffice(env, rawMail("c@example.test", "Content-Type: text/html; charset=utf-8\r\n", "<p>Ich brauche einen <b>Personalausweis</b>.</p>"));
    await appendToOffice(env, rawMail("d@example.test", 'Content-Type: multipart/alternative; boundary="x"\r\n', "--x\r\nContent-Type: text/plain\r\n\r\nPersonalausweis bitte\r\n"));
    const pdf = Buffer.alloc(20 * 1024 * 1024, "A").toString("base64").replace(/.{76}/g, "$&\r\n");
    const big = `Content-Type: multipart/mixed; boundary="m"\r\n`;
    const bigBody = `--m\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAnbei mein Foto. Ich brauche einen Personalausweis.\r\n--m\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="scan.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${pdf}\r\n--m--\r\n`;
    await appendToOffice(env, rawMail("e@example.test", big, bigBody));
    for (const user of ["a", "b", "c", "d", "e"]) {
      const [answer] = await waitForMails(env, `${user}@example.test`, 1, 30_000);
      expect(answer?.subject, user).toMatch(PROPOSALS);
    }
    const big5 = await env.db.sql<{ outcome: string }[]>`select outcome from mail_inbound where sender = 'e@example.test'`;
    expect(big5).toEqual([{ outcome: "answered" }]);
  });
});
