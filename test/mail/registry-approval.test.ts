import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { shouldSkipMailSuites } from "../support/dovecot.ts";
import { runApprovalsCommand } from "../../mail/approvals-command.ts";
import { CITIZEN, OFFICE, STRANGER, citizenMailer, openMailEnv, waitForMails, type MailEnv } from "./mail-env.ts";

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) }, out, err };
}

describe.skipIf(shouldSkipMailSuites())("registry office approval by mail", () => {
  let env: MailEnv;
  beforeAll(async () => {
    env = await openMailEnv();
    await env.start();
  });
  afterAll(async () => env?.close());

  async function suggestionFor(address: string): Promise<string> {
    await citizenMailer(env).sendMail({ from: address, to: OFFICE, subject: "Standesamt", text: "Wir möchten unsere Eheschließung anmelden." });
    const [checking] = await waitForMails(env, address, 1);
    expect(checking?.subject).toMatch(/^Ihre Terminanfrage wird geprüft: Eheschließung/);
    expect(checking?.attachments.some((a) => /calendar/.test(a.contentType))).toBe(false);
    const { io, out } = captureIo();
    expect(await runApprovalsCommand(["list"], io, { core: env.db.core })).toBe(0);
    const line = out.find((l) => l.includes(address));
    expect(line).toBeDefined();
    return line!.split(/\s+/)[0]!;
  }

  test("mail → suggestion → approve via CLI → confirmation with ICS", async () => {
    const id = await suggestionFor(CITIZEN);
    const [row] = await env.db.sql<{ status: string }[]>`select status from appointment where id = ${id}`;
    expect(row?.status).toBe("suggested");

    const { io, out } = captureIo();
    expect(await runApprovalsCommand(["approve", id], io, { core: env.db.core, staffId: "clerk-1" })).toBe(0);
    expect(out[0]).toMatch(/^Bestätigt: /);
    env.assistant!.wakeSender();
    const mails = await waitForMails(env, CITIZEN, 2);
    expect(mails[1]?.subject).toMatch(/^Terminbestätigung: Eheschließung/);
    const tag = (subject: string | undefined) => /\[T-\w+\]$/.exec(subject ?? "")?.[0];
    expect(tag(mails[1]?.subject)).toBe(tag(mails[0]?.subject));
    expect(mails[1]?.attachments.some((a) => a.content.toString().includes("METHOD:REQUEST"))).toBe(true);
  });

  test("reject with a message → polite refusal, message escaped in HTML", async () => {
    const id = await suggestionFor(STRANGER);
    const { io } = captureIo();
    const message = "Bitte bringen Sie zuerst die <Geburtsurkunde> vorbei & melden sich dann.";
    expect(await runApprovalsCommand(["reject", id, "--message", message], io, { core: env.db.core })).toBe(0);
    env.assistant!.wakeSender();
    const mails = await waitForMails(env, STRANGER, 2);
    expect(mails[1]?.subject).toMatch(/^Ihre Terminanfrage: Eheschließung/);
    expect(mails[1]?.text).toContain(message);
    expect(mails[1]?.html).toContain("&lt;Geburtsurkunde&gt; vorbei &amp; melden");
    const [row] = await env.db.sql<{ status: string }[]>`select status from appointment where id = ${id}`;
    expect(row?.status).toBe("rejected");
    const again = captureIo();
    expect(await runApprovalsCommand(["approve", id], again.io, { core: env.db.core })).toBe(1);
    expect(again.err[0]).toContain("ALREADY_DECIDED");
  });

  test("usage errors", async () => {
    const { io, err } = captureIo();
    expect(await runApprovalsCommand(["reject", "some-id"], io, { core: env.db.core })).toBe(2);
    expect(err[0]).toContain("Usage");
  });
});
