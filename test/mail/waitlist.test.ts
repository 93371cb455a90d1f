import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createWaitlist } from "../../core/waitlist/waitlist.ts";
import type { Waitlist } from "../../core/waitlist/types.ts";
import { shouldSkipMailSuites } from "../support/dovecot.ts";
import { CITIZEN, OFFICE, STRANGER, citizenMailer, openMailEnv, waitForMails, type MailEnv } from "./mail-env.ts";

const PUBLIC_URL = "https://termine.example";

describe.skipIf(shouldSkipMailSuites())("waiting list by mail", () => {
  let env: MailEnv;
  let waitlist: Waitlist;
  beforeAll(async () => {
    env = await openMailEnv();
    waitlist = createWaitlist({ core: env.db.core, secret: "mail-waitlist-secret-0123456789", publicUrl: PUBLIC_URL });
    await env.start({ waitlist, publicUrl: PUBLIC_URL });
  });
  afterAll(async () => env?.close());

  test("nothing fits → the reply offers the waiting list → 'ja, bitte auf die Warteliste' → wish registered for the sender", async () => {
    const mailer = citizenMailer(env);
    const request = await mailer.sendMail({
      from: `Erika Mustermann <${CITIZEN}>`, to: OFFICE, subject: "Termin",
      text: "Guten Tag,\nich brauche einen Termin für einen Personalausweis am Sonntag.\n\nViele Grüße\nErika Mustermann",
    });
    const [first] = await waitForMails(env, CITIZEN, 1);
    expect(first?.inReplyTo).toBe(request.messageId);
    expect(first?.text).toContain("Antworten Sie dazu einfach mit „Warteliste“.");
    expect(first?.html).toContain("Warteliste");
    expect(await env.db.sql`select 1 from waitlist_wish`).toHaveLength(0);

    await mailer.sendMail({
      from: CITIZEN, to: first!.replyTo!.value[0]!.address!, subject: `AW: ${first!.subject}`,
      inReplyTo: first!.messageId!, references: [request.messageId, first!.messageId!],
      text: `Ja, bitte auf die Warteliste.\n\nAm 23.11.2026 um 10:00 schrieb Bürgerdienste Test <${OFFICE}>:\n> ${first!.text!.split("\n").join("\n> ")}`,
    });
    const mails = await waitForMails(env, CITIZEN, 2);
    const registered = mails[1]!;
    expect(registered.subject).toMatch(/^Warteliste: Sie sind eingetragen \[T-[0-9A-Z]{8}\]$/);
    expect(registered.text).toContain("Sie stehen jetzt auf unserer Warteliste für: Personalausweis beantragen.");
    expect(registered.text).toContain("Sie sind als Erste oder Erster an der Reihe.");
    const wishUrl = /https:\/\/termine\.example\/warteliste\/([A-Za-z0-9_-]{32})/.exec(registered.text!);
    expect(wishUrl).not.toBeNull();

    const wishes = await env.db.sql<{ email: string; channel: string; status: string; conversation_key: string | null; service_ids: string[] }[]>`
      select email, channel, status, conversation_key, service_ids from waitlist_wish`;
    expect(wishes).toEqual([{ email: CITIZEN, channel: "mail", status: "open", conversation_key: null, service_ids: ["personalausweis"] }]);
    const found = await waitlist.getWish(wishUrl![1]!);
    expect(found.ok).toBe(true);
    expect(await env.db.sql`select 1 from appointment where status = 'held'`).toHaveLength(0); // the alternatives' holds were released
  });

  test("a second 'Warteliste' for the same service keeps the place and says so", async () => {
    const mailer = citizenMailer(env);
    const before = (await waitForMails(env, CITIZEN, 2)).length;
    await mailer.sendMail({ from: CITIZEN, to: OFFICE, subject: "Warteliste", text: "Bitte setzen Sie mich für einen Personalausweis auf die Warteliste." });
    const mails = await waitForMails(env, CITIZEN, before + 1);
    expect(mails[before]!.text).toContain("Sie stehen für diese Leistung schon auf unserer Warteliste.");
    expect(await env.db.sql`select 1 from waitlist_wish`).toHaveLength(1);
  });

  test("a waitlist_offer row is rendered and sent to the wish's address with the offer link", async () => {
    const [slot] = (await env.db.core.slots.search({ services: [{ id: "personalausweis", count: 1 }], dateRanges: [{ from: "2026-11-26", to: "2026-11-26" }] })).slots;
    const offer = await waitlist.offerFreedSlot({ locationId: slot!.locationId, start: new Date(slot!.start), end: new Date(slot!.end) });
    expect(offer).not.toBeNull();
    const [row] = await env.db.sql<{ token: string }[]>`select payload->>'token' as token from notification where kind = 'waitlist_offer' and channel = 'mail'`;
    // The core dates the row at the test clock's "now" (23.11.2026); the sender compares with the database's real now().
    await env.db.sql`update notification set available_at = now() where kind = 'waitlist_offer'`;
    const before = (await waitForMails(env, CITIZEN, 3)).length;
    env.assistant!.wakeSender();
    const mails = await waitForMails(env, CITIZEN, before + 1);
    const offerMail = mails[before]!;
    expect(offerMail.subject).toMatch(/^Termin frei: Personalausweis beantragen am Donnerstag, 26\.11\.2026, \d\d:\d\d Uhr$/);
    expect(offerMail.text).toContain(`${PUBLIC_URL}/warteliste/angebot/${row!.token}`);
    expect(offerMail.text).toMatch(/Wir halten den Termin bis Dienstag, 24\.11\.2026, \d\d:\d\d Uhr für Sie frei\./);
    expect(offerMail.html).toContain(`href="${PUBLIC_URL}/warteliste/angebot/${row!.token}"`);
    const [sent] = await env.db.sql<{ status: string }[]>`select status from notification where kind = 'waitlist_offer' and channel = 'mail'`;
    expect(sent!.status).toBe("sent");
  });

  test("a forged sender can only put the claimed address on the list", async () => {
    const mailer = citizenMailer(env);
    await mailer.sendMail({ from: STRANGER, to: OFFICE, subject: "Warteliste", text: "Warteliste für Reisepass bitte" });
    const [reply] = await waitForMails(env, STRANGER, 1);
    expect(reply?.subject).toMatch(/^Warteliste: Sie sind eingetragen/);
    const rows = await env.db.sql<{ email: string }[]>`select email from waitlist_wish where 'reisepass' = any(service_ids)`;
    expect(rows).toEqual([{ email: STRANGER }]);
  });
});
