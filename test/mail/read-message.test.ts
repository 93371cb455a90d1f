import { describe, expect, test } from "vitest";
import { readMessage } from "../../mail/read-message.ts";

const HEAD = "From: =?utf-8?q?J=C3=BCrgen?= <juergen@example.test>\r\nTo: termine@stadt.test\r\nSubject: Termin\r\nMessage-ID: <x@example.test>\r\n";

describe("readMessage", () => {
  test("Windows-1252 declared", async () => {
    // „ “ € are 0x84 0x93 0x80 in Windows-1252 (and control characters in ISO-8859-1)
    const body = Buffer.concat([
      Buffer.from("Termin f\xfcr ", "latin1"), Buffer.from([0x84]), Buffer.from("Ausweis", "latin1"), Buffer.from([0x93]),
      Buffer.from(", Geb\xfchr 37 ", "latin1"), Buffer.from([0x80]),
    ]);
    const raw = Buffer.concat([Buffer.from(`${HEAD}Content-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`), body]);
    const mail = await readMessage(raw);
    expect(mail.text).toContain("Termin für „Ausweis“, Gebühr 37 €");
  });

  test("Windows-1252 bytes without any charset are not turned into U+FFFD", async () => {
    const raw = Buffer.concat([Buffer.from(`${HEAD}\r\n`), Buffer.from("Nächste Woche für Ausweis, Grüße", "latin1")]);
    const mail = await readMessage(raw);
    expect(mail.text).toContain("Nächste Woche für Ausweis, Grüße");
    expect(mail.guessedCharset).toBe(true);
  });

  test("charset-less UTF-8 stays UTF-8", async () => {
    const raw = Buffer.from(`${HEAD}\r\nNächste Woche für Ausweis`, "utf8");
    const mail = await readMessage(raw);
    expect(mail.text).toContain("Nächste Woche für Ausweis");
    expect(mail.guessedCharset).toBe(false);
  });

  test("HTML-only mail yields its text, scripts dropped", async () => {
    const raw = `${HEAD}Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Ich brauche einen <b>Reisepass</b>.</p><script>alert(1)</script></body></html>`;
    const mail = await readMessage(Buffer.from(raw));
    expect(mail.text).toContain("Ich brauche einen Reisepass.");
    expect(mail.text).not.toContain("alert");
  });

  test("multipart without closing boundary still yields the text", async () => {
    const raw = `${HEAD}Content-Type: multipart/alternative; boundary="xyz"\r\n\r\n--xyz\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPersonalausweis bitte\r\n`;
    const mail = await readMessage(Buffer.from(raw));
    expect(mail.text).toContain("Personalausweis bitte");
  });

  test("a boundary that does not match gives empty text, not an exception", async () => {
    const raw = `${HEAD}Content-Type: multipart/mixed; boundary="nope"\r\n\r\n--other\r\nContent-Type: text/plain\r\n\r\nHallo\r\n--other--\r\n`;
    const mail = await readMessage(Buffer.from(raw));
    expect(mail.from?.address).toBe("juergen@example.test");
    expect(typeof mail.text).toBe("string");
  });

  test("threading headers and recipients are read", async () => {
    const raw = `${HEAD}In-Reply-To: <notification-7@stadt.test>\r\nReferences: <a@example.test> <notification-7@stadt.test>\r\nDelivered-To: termine+abcd2345@stadt.test\r\n\r\nHallo`;
    const mail = await readMessage(Buffer.from(raw));
    expect(mail.inReplyTo).toEqual(["<notification-7@stadt.test>"]);
    expect(mail.references).toEqual(["<a@example.test>", "<notification-7@stadt.test>"]);
    expect(mail.recipients).toContain("termine+abcd2345@stadt.test");
    expect(mail.from?.name).toBe("Jürgen");
  });
});
