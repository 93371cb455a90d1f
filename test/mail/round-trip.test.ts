import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ParsedMail } from "mailparser";
import { shouldSkipMailSuites } from "../support/dovecot.ts";
import { CITIZEN, OFFICE, citizenMailer, openMailEnv, waitForMails, type MailEnv } from "./mail-env.ts";

function calendarOf(mail: ParsedMail): string {
  const part = mail.attachments.find((a) => /calendar|ics/i.test(a.contentType));
  return part ? part.content.toString("utf8") : "";
}

/** A property of the calendar (METHOD) or of its VEVENT, unfolded (RFC 5545 §3.1). */
function icsField(ics: string, name: string): string | undefined {
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  const scope = name === "METHOD" ? unfolded : unfolded.slice(unfolded.indexOf("BEGIN:VEVENT"));
  return new RegExp(`^${name}[;:](.*)$`, "m").exec(scope)?.[1]?.trim();
}

describe.skipIf(shouldSkipMailSuites())("mail round trip", () => {
  let env: MailEnv;
  beforeAll(async () => {
    env = await openMailEnv();
    await env.start();
  });
  afterAll(async () => env?.close());

  test("request → proposals → reply '2' → confirmation with ICS → cancel with code → METHOD:CANCEL", async () => {
    const mailer = citizenMailer(env);
    const request = await mailer.sendMail({
      from: `Erika Mustermann <${CITIZEN}>`, to: OFFICE, subject: "Termin",
      text: "Guten Tag,\nich brauche einen Termin für einen neuen Personalausweis.\n\nViele Grüße\nErika Mustermann",
    });

    const [proposal] = await waitForMails(env, CITIZEN, 1);
    expect(proposal?.subject).toMatch(/^Terminvorschläge: Personalausweis beantragen \[T-[0-9A-Z]{8}\]$/);
    expect(proposal?.inReplyTo).toBe(request.messageId);
    expect(proposal?.replyTo?.value[0]?.address).toMatch(/^termine\+[0-9a-z]{8}@stadt\.test$/);
    expect(proposal?.headers.get("auto-submitted")).toBe("auto-replied");
    expect(proposal?.text).toContain("1) ");
    expect(proposal?.text).toContain("2) ");
    expect(proposal?.html).toContain("<ol>");
    const secondLine = /^\s*2\) (.+)$/m.exec(proposal!.text!)![1]!;

    await mailer.sendMail({
      from: CITIZEN, to: proposal!.replyTo!.value[0]!.address!, subject: `AW: ${proposal!.subject}`,
      inReplyTo: proposal!.messageId!, references: [request.messageId, proposal!.messageId!],
      text: `2\n\nAm 23.11.2026 um 10:00 schrieb Bürgerdienste Test <${OFFICE}>:\n> ${proposal!.text!.split("\n").join("\n> ")}`,
    });

    const mails = await waitForMails(env, CITIZEN, 2);
    const confirmation = mails[1]!;
    expect(confirmation.subject).toMatch(/^Terminbestätigung: Personalausweis beantragen am \d\d\.\d\d\.2026 um \d\d:\d\d Uhr \[T-/);
    const code = /Buchungscode: +([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(confirmation.text!)![1]!;
    expect(confirmation.text).toContain(secondLine.split(", ").slice(1, 3).join(", ").replace(" Uhr", ""));
    expect(confirmation.text).toContain("Aktuelles biometrisches Passfoto");
    expect(confirmation.text).toMatch(/http:\/\/localhost:3978\/termin\/[A-Za-z0-9_-]{40,}/);
    const invite = calendarOf(confirmation);
    expect(icsField(invite, "METHOD")).toBe("REQUEST");
    expect(icsField(invite, "DTSTART")).toMatch(/^TZID=Europe\/Berlin:2026\d{4}T\d{6}$/);
    expect(icsField(invite, "SEQUENCE")).toBe("0");
    expect(invite).toContain("BEGIN:VTIMEZONE");
    const uid = icsField(invite, "UID");
    // The city's domain, not the mailbox's: the downloaded calendar file (bot/citizen) carries the same UID.
    expect(uid).toMatch(/^appointment-[0-9a-f-]{36}@demo\.invalid$/);

    const [booked] = await env.db.sql<{ status: string; id: string }[]>`select status, id from appointment where code = ${code}`;
    expect(booked?.status).toBe("booked");
    const held = await env.db.sql`select id from appointment where status = 'held'`;
    expect(held).toHaveLength(0); // the other two proposals were released

    await mailer.sendMail({
      from: CITIZEN, to: OFFICE, subject: `AW: ${confirmation.subject}`, inReplyTo: confirmation.messageId!,
      text: `Ich möchte den Termin bitte absagen. Code ${code}`,
    });
    const all = await waitForMails(env, CITIZEN, 3);
    const cancellation = all[2]!;
    expect(cancellation.subject).toMatch(/^Termin abgesagt: Personalausweis beantragen/);
    const cancelIcs = calendarOf(cancellation);
    expect(icsField(cancelIcs, "METHOD")).toBe("CANCEL");
    expect(icsField(cancelIcs, "UID")).toBe(uid);
    expect(Number(icsField(cancelIcs, "SEQUENCE"))).toBeGreaterThan(0);
    expect(icsField(cancelIcs, "STATUS")).toBe("CANCELLED");
    const [after] = await env.db.sql<{ status: string }[]>`select status from appointment where code = ${code}`;
    expect(after?.status).toBe("cancelled");
  });
});
