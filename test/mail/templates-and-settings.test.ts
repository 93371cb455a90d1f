import { describe, expect, test } from "vitest";
import { buildIcs } from "../../templates/ics.ts";
import { renderProposals } from "../../templates/de/mail/proposals.ts";
import { renderRefusal } from "../../templates/de/mail/refusal.ts";
import { readMailSettings } from "../../mail/mail-settings.ts";
import { planReply } from "../../mail/plan-reply.ts";
import { emptyParseResult } from "../../core/language/types.ts";
import type { Conversation } from "../../mail/conversation.store.ts";

const OFFICE = { name: "Bürgerdienste", phone: "0231 0", website: "http://x" };

describe("mail templates", () => {
  test("proposals are numbered, formal, and carry the subject tag", () => {
    const mail = renderProposals(
      { services: ["Personalausweis beantragen"], slots: [{ start: "2026-12-01T08:00:00Z", locationName: "Mitte" }], tag: "[T-ABCD2345]", reason: "request", holdUntil: null, timezone: "Europe/Berlin" },
      OFFICE,
    );
    expect(mail.subject).toBe("Terminvorschläge: Personalausweis beantragen [T-ABCD2345]");
    expect(mail.text).toContain("  1) Di., 01.12.2026, 09:00 Uhr, Mitte");
    expect(mail.text).toContain("Bitte antworten Sie");
    expect(mail.html).toContain("<li>Di., 01.12.2026, 09:00 Uhr, Mitte</li>");
  });

  test("text written by people is escaped in HTML and header-safe in the subject", () => {
    const mail = renderRefusal({ services: ["Eheschließung\r\nBcc: x@evil.test"], message: '<img src=x onerror="alert(1)">', tag: "[T-ABCD2345]" }, OFFICE);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(mail.html).not.toContain("<img");
  });

  test("ICS: REQUEST and CANCEL share the UID; CANCEL has the higher SEQUENCE; times in Europe/Berlin, DTSTAMP in UTC", () => {
    const base = {
      uid: "appointment-1@stadt.test", start: "2026-06-02T07:00:00Z", end: "2026-06-02T07:15:00Z", summary: "Termin", location: "Mitte",
      description: "Code", organizer: { name: "Amt", email: "termine@stadt.test" }, attendee: { name: "E", email: "e@example.test" },
      timezone: "Europe/Berlin", stamp: new Date("2026-05-01T10:00:00Z"),
    };
    const request = buildIcs({ ...base, method: "REQUEST", sequence: 0 });
    const cancel = buildIcs({ ...base, method: "CANCEL", sequence: 1 });
    expect(request).toMatch(/^METHOD:REQUEST\r$/m);
    expect(request).toMatch(/^DTSTART;TZID=Europe\/Berlin:20260602T090000\r$/m); // summer time: UTC+2
    expect(request).toMatch(/^DTSTAMP:20260501T100000Z\r$/m);
    expect(cancel).toMatch(/^METHOD:CANCEL\r$/m);
    expect(cancel).toMatch(/^SEQUENCE:1\r$/m);
    expect(cancel).toMatch(/^STATUS:CANCELLED\r$/m);
    expect(cancel).toMatch(/^UID:appointment-1@stadt\.test\r$/m);
  });
});

describe("readMailSettings", () => {
  const env = { MAIL_IMAP_HOST: "imap.stadt.de", MAIL_IMAP_USER: "termine@stadt.de", MAIL_IMAP_PASSWORD: "pw", MAIL_SMTP_URL: "smtp://mail.stadt.de:587", MAIL_FROM_ADDRESS: "Termine@Stadt.de" };

  test("null without a mailbox; defaults otherwise", () => {
    expect(readMailSettings({})).toBeNull();
    const s = readMailSettings(env)!;
    expect(s.imap).toEqual({ host: "imap.stadt.de", port: 993, secure: true, user: "termine@stadt.de", password: "pw" });
    expect([s.mailbox, s.processedFolder, s.replyTo, s.holdMinutes]).toEqual(["INBOX", "Processed", "termine@stadt.de", 240]);
  });

  test("OAuth2 token instead of password; both or neither is an error naming the field", () => {
    const { MAIL_IMAP_PASSWORD: _pw, ...rest } = env;
    expect(readMailSettings({ ...rest, MAIL_IMAP_ACCESS_TOKEN: "tok" })!.imap.accessToken).toBe("tok");
    expect(() => readMailSettings({ ...env, MAIL_IMAP_ACCESS_TOKEN: "tok" })).toThrow(/exactly one of MAIL_IMAP_PASSWORD/);
    expect(() => readMailSettings({ ...env, MAIL_FROM_ADDRESS: "nope" })).toThrow(/MAIL_FROM_ADDRESS/);
  });
});

describe("planReply", () => {
  const proposed: Conversation = {
    token: "ABCD2345", mailbox: "INBOX", citizenAddress: "e@example.test", citizenName: "E", state: "proposed",
    request: { services: [{ id: "personalausweis", count: 1 }] }, rescheduleCode: null, appointmentId: null, thread: [],
    proposals: [{ appointmentId: "a", holdToken: "h", locationId: "mitte", start: "2026-12-01T09:00:00+01:00" }, { appointmentId: "b", holdToken: "h", locationId: "mitte", start: "2026-12-02T09:00:00+01:00" }],
  };
  const parse = (over: Partial<ReturnType<typeof emptyParseResult>> = {}) => ({ ...emptyParseResult(), ...over });

  test("cancelling without a code asks for the code; with a code it cancels", () => {
    expect(planReply({ text: "Bitte absagen", parse: parse({ intent: "cancel" }), conversation: null, timezone: "Europe/Berlin" })).toEqual({ action: "notice", kind: "code_needed" });
    expect(planReply({ text: "Bitte absagen k7p-2qx", parse: parse({ intent: "cancel" }), conversation: null, timezone: "Europe/Berlin" })).toEqual({ action: "cancel", code: "K7P-2QX" });
  });

  test("a choice books, 'Dienstag passt' picks the Tuesday, a new wish searches again, anything else asks back", () => {
    const tz = "Europe/Berlin";
    expect(planReply({ text: "2", parse: parse(), conversation: proposed, timezone: tz })).toEqual({ action: "choose", index: 1 });
    expect(planReply({ text: "Dienstag passt", parse: parse(), conversation: proposed, timezone: tz })).toEqual({ action: "choose", index: 0 });
    const wish = planReply({ text: "lieber nachmittags", parse: parse({ timeRanges: [{ from: 720, to: 1080 }] }), conversation: proposed, timezone: tz });
    expect(wish).toMatchObject({ action: "propose", reason: "new_wish", request: { services: [{ id: "personalausweis", count: 1 }], timeRanges: [{ from: 720, to: 1080 }] } });
    expect(planReply({ text: "hm", parse: parse(), conversation: proposed, timezone: tz })).toEqual({ action: "notice", kind: "choice_unclear" });
  });

  test("empty text is unreadable; a request without service is asked back", () => {
    expect(planReply({ text: " ", parse: parse(), conversation: null, timezone: "Europe/Berlin" })).toEqual({ action: "notice", kind: "unreadable" });
    expect(planReply({ text: "Termin bitte", parse: parse({ intent: "book" }), conversation: null, timezone: "Europe/Berlin" })).toMatchObject({ action: "ask_service" });
  });
});
