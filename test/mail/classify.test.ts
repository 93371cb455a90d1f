import { describe, expect, test } from "vitest";
import { classifyInbound } from "../../mail/classify.ts";
import { readMessage } from "../../mail/read-message.ts";

const OWN = { addresses: ["termine@stadt.test"] };

async function kindOf(headers: string, body = "Hallo", from = "erika@example.test"): Promise<string> {
  const raw = `From: ${from}\r\nTo: termine@stadt.test\r\nSubject: Termin\r\nMessage-ID: <m1@example.test>\r\n${headers}${headers ? "\r\n" : ""}\r\n${body}`;
  return classifyInbound(await readMessage(Buffer.from(raw)), OWN);
}

const DSN = `Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nDelivery failed\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nAction: failed\r\n--b--`;
const MDN = `Content-Type: multipart/report; report-type=disposition-notification; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nGelesen\r\n--b--`;
const IMIP = `Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nAngenommen\r\n--b\r\nContent-Type: text/calendar; method=REPLY; charset=utf-8\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n--b--`;

describe("classifyInbound", () => {
  test.each([
    ["a plain citizen mail", "", "human"],
    ["Exchange's X-Auto-Response-Suppress alone", "X-Auto-Response-Suppress: All", "human"],
    ["RFC 3834 Auto-Submitted", "Auto-Submitted: auto-replied", "auto-reply"],
    ["Auto-Submitted: no", "Auto-Submitted: no", "human"],
    ["Gmail vacation", "X-Autoreply: yes\r\nPrecedence: bulk", "auto-reply"],
    ["Precedence auto_reply", "Precedence: auto_reply", "auto-reply"],
    ["Exchange OOF", "X-MS-Exchange-Inbox-Rules-Loop: erika@example.test\r\nX-Auto-Response-Suppress: All", "auto-reply"],
    ["null return path", "Return-Path: <>", "bounce"],
    ["X-Failed-Recipients", "X-Failed-Recipients: someone@example.test", "bounce"],
    ["mailing list", "List-Id: <news.example.test>", "list"],
    ["Precedence bulk", "Precedence: bulk", "list"],
    ["our own marker", "X-Terminassistent: 1", "own"],
  ])("%s → %s", async (_name, headers, expected) => {
    expect(await kindOf(headers)).toBe(expected);
  });

  test("DSN (multipart/report delivery-status) is a bounce", async () => {
    expect(await kindOf(DSN.split("\r\n\r\n")[0]!, DSN.slice(DSN.indexOf("\r\n\r\n") + 4), "MAILER-DAEMON@mx.example.test")).toBe("bounce");
  });

  test("MDN is a read receipt", async () => {
    expect(await kindOf(MDN.split("\r\n\r\n")[0]!, MDN.slice(MDN.indexOf("\r\n\r\n") + 4))).toBe("read-receipt");
  });

  test("iMIP REPLY is a calendar reply", async () => {
    expect(await kindOf(IMIP.split("\r\n\r\n")[0]!, IMIP.slice(IMIP.indexOf("\r\n\r\n") + 4))).toBe("calendar-reply");
  });

  test("German OOF subject and mail from our own address", async () => {
    const oof = await readMessage(Buffer.from("From: erika@example.test\r\nSubject: Abwesenheitsnotiz: Termin\r\n\r\nIch bin bis 1.12. nicht im Büro."));
    expect(classifyInbound(oof, OWN)).toBe("auto-reply");
    expect(await kindOf("", "Hallo", "Termine@Stadt.test")).toBe("own");
  });
});
