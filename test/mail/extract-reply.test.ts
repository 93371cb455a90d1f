import { describe, expect, test } from "vitest";
import { extractReply } from "../../mail/extract-reply.ts";
import { readMessage } from "../../mail/read-message.ts";

const QUOTED = "Guten Tag,\n1) Di., 01.12.2026, 09:00 Uhr\n2) Di., 01.12.2026, 09:30 Uhr";

const PLAIN: [string, string, string][] = [
  ["Gmail, attribution wrapped over two lines", `Ja, den ersten bitte.\n\nAm Mo., 23. Nov. 2026 um 10:15 Uhr schrieb Bürgerdienste <\ntermine@stadt.test>:\n\n> ${QUOTED.replace(/\n/g, "\n> ")}\n`, "Ja, den ersten bitte."],
  ["Outlook Von/Gesendet/An/Betreff block with sign-off", `1\n\nMit freundlichen Grüßen\nErika Mustermann\n\nVon: Bürgerdienste <termine@stadt.test>\nGesendet: Montag, 23. November 2026 10:15\nAn: Erika <erika@example.test>\nBetreff: Terminvorschläge [T-7F3K9Q00]\n\n${QUOTED}\n`, "1"],
  ["Outlook underscore separator", `Den zweiten Termin bitte.\n\n________________________________\nVon: Bürgerdienste <termine@stadt.test>\nGesendet: Montag, 23. November 2026 10:15\nAn: erika@example.test\n\n${QUOTED}\n`, "Den zweiten Termin bitte."],
  ["Ursprüngliche Nachricht", `Bitte absagen, Code K7P-2QX.\n\n-----Ursprüngliche Nachricht-----\nVon: Bürgerdienste [mailto:termine@stadt.test]\nGesendet: Montag, 23. November 2026 10:15\n\n${QUOTED}\n`, "Bitte absagen, Code K7P-2QX."],
  ["iPhone footer and quote", `Den zweiten bitte\n\nVon meinem iPhone gesendet\n\n> Am 23.11.2026 um 10:15 schrieb Bürgerdienste <termine@stadt.test>:\n> ${QUOTED}\n`, "Den zweiten bitte"],
  ["GMX/WEB.DE header block without quote marks", `Dienstag passt.\n\nGesendet: Montag, 23. November 2026 um 10:15 Uhr\nVon: "Bürgerdienste" <termine@stadt.test>\nAn: erika@example.test\nBetreff: Terminvorschläge\n\n${QUOTED}\n`, "Dienstag passt."],
  ["signature separator", "3\n-- \nErika Mustermann\nMusterweg 1", "3"],
  ["'Von: mir aus' is not a header", "Von: mir aus gern den zweiten.", "Von: mir aus gern den zweiten."],
];

describe("extractReply", () => {
  test.each(PLAIN)("%s", (_name, body, expected) => {
    expect(extractReply(body)).toBe(expected);
  });

  test.each([
    ["Gmail HTML", `<div dir="ltr">Ja, den ersten bitte.</div><br><div class="gmail_quote"><div class="gmail_attr">Am Mo., 23. Nov. 2026 um 10:15 Uhr schrieb Bürgerdienste &lt;termine@stadt.test&gt;:<br></div><blockquote class="gmail_quote"><p>1) Di 09:00</p></blockquote></div>`, "Ja, den ersten bitte."],
    ["Apple HTML", `<html><body><div>Den zweiten bitte</div><blockquote type="cite"><div>Am 23.11.2026 um 10:15 schrieb Bürgerdienste &lt;termine@stadt.test&gt;:</div><div>1) Di 09:00</div></blockquote></body></html>`, "Den zweiten bitte"],
    ["OWA HTML", `<div>Bitte absagen</div><hr><div id="divRplyFwdMsg"><b>Von:</b> Bürgerdienste<br><b>Gesendet:</b> Montag<br><b>Betreff:</b> Termin</div><div>Ihr Termin: Di 09:00</div>`, "Bitte absagen"],
  ])("%s (HTML-only mail)", async (_name, htmlBody, expected) => {
    const raw = `From: erika@example.test\r\nTo: termine@stadt.test\r\nSubject: AW: Termin\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${htmlBody}`;
    const mail = await readMessage(Buffer.from(raw, "utf8"));
    expect(extractReply(mail.text)).toBe(expected);
  });

  test("keeps only the first 1000 characters", () => {
    expect(extractReply("a".repeat(5000))).toHaveLength(1000);
  });
});
