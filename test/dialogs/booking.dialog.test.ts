import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../support/db.ts";
import { lastButtons, openChat, type Chat, type Reply } from "./support/chat.ts";

const proposalsOf = (replies: Reply[]) => lastButtons(replies).filter((b) => b !== "Andere Zeiten" && b !== "Anderer Standort");

async function statuses(db: TestDb): Promise<string[]> {
  const rows = await db.sql<{ status: string }[]>`select status from appointment order by created_at`;
  return rows.map((r) => r.status);
}

/** Someone else books every online counter of a slot. */
async function fillSlot(db: TestDb, slot: { locationId: string; start: string }, services: { id: string; count: number }[]): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const r = await db.core.bookings.book({ slot, services, actor: { kind: "citizen", channel: "cli" }, contact: { name: "Max Muster", email: `max${i}@example.de` } });
    if (!r.ok) return;
  }
  throw new Error("slot never filled up");
}

/** Someone else takes the slot the chat holds (possible once the hold ran out). */
async function takeHeldSlot(db: TestDb): Promise<void> {
  const [held] = await db.sql<{ id: string }[]>`select id from appointment where status = 'held'`;
  const appt = (await db.core.bookings.get(held!.id))!;
  await fillSlot(db, { locationId: appt.locationId, start: appt.start }, appt.services);
}

describe("booking dialog (real core, PGlite)", () => {
  let db: TestDb;
  let chat: Chat;
  beforeEach(async () => {
    db = await openTestDb({ kind: "pglite" });
    chat = openChat(db.core);
  });
  afterEach(async () => db.close());

  it("books from one sentence: understood → proposals → hold → name → e-mail → summary → confirmation", async () => {
    await chat.run([
      [
        "Personalausweis nächste Woche vormittags",
        (r) => {
          expect(r[0]!.text).toContain("Ich suche: Personalausweis beantragen · 30.11.–6.12. · vormittags · alle Standorte");
          expect(proposalsOf(r)).toHaveLength(3);
          expect(lastButtons(r).slice(-2)).toEqual(["Andere Zeiten", "Anderer Standort"]);
          expect(proposalsOf(r)[0]).toMatch(/^Mo, 30\.11\., 08:00 Uhr · /);
        },
      ],
      ["1", /Ich halte diesen Termin 10 Minuten für Sie frei: Mo, 30\.11\., 08:00 Uhr[^]*Auf welchen Namen/],
      ["Erika Mustermann", "An welche E-Mail-Adresse"],
      ["Meine Adresse ist Erika.Mustermann@Example.de", /Name: Erika Mustermann\nE-Mail: erika\.mustermann@example\.de\nSoll ich den Termin verbindlich buchen\?/],
      [
        "Ja, buchen",
        (r) => {
          const text = r.map((x) => x.text).join("\n");
          expect(text).toMatch(/^Ihr Termin ist gebucht\./);
          expect(text).toMatch(/Ihr Buchungscode: [A-Z0-9]{3}-[A-Z0-9]{3}/);
          expect(text).toContain("Termin: Montag, 30.11.2026, 08:00 Uhr");
          expect(text).toContain("Ort: Bürgerdienste Mitte, Südwall 2–4, 44137 Dortmund");
          expect(text).toContain("Bitte bringen Sie mit: Aktuelles biometrisches Passfoto");
          expect(text).toContain("Gebühr: 37,00 €");
          expect(text).toMatch(/In Ihren Kalender eintragen: https:\/\/termine\.example\/ics\/[0-9a-f-]{36}\?t=\S+/);
          expect(text).toMatch(/Termin absagen: https:\/\/termine\.example\/absagen\/\S+/);
        },
      ],
    ]);
    expect(chat.booked).toHaveLength(1);
    const [appt] = chat.booked;
    expect(appt!.status).toBe("booked");
    expect(appt!.services).toEqual([{ id: "personalausweis", count: 1 }]);
    const [row] = await db.sql<{ conversationKey: string; channel: string }[]>`select conversation_key as "conversationKey", channel from appointment where id = ${appt!.id}`;
    expect(row).toEqual({ conversationKey: `test:${chat.conversationId}`, channel: "webchat" });
  });

  it("asks only for what is missing: service by category, then a time", async () => {
    await chat.run([
      ["Ich brauche einen Termin", (r) => expect(lastButtons(r)).toContain("Ausweise und Pässe")],
      [
        "Ausweise und Pässe",
        (r) => {
          expect(lastButtons(r)).toEqual(expect.arrayContaining(["Personalausweis beantragen", "Reisepass beantragen", "Kinderreisepass"]));
          expect(lastButtons(r)).not.toContain("Wohnsitz anmelden oder ummelden");
        },
      ],
      ["Reisepass beantragen", (r) => expect(lastButtons(r)).toEqual(["So bald wie möglich", "Diese Woche", "Nächste Woche", "Vormittags", "Nachmittags"])],
      ["Nächste Woche", (r) => expect(r[0]!.text).toContain("Ich suche: Reisepass beantragen · 30.11.–6.12. · alle Standorte")],
    ]);
  });

  it("does not ask for a time when the first message had one, and takes a typed service instead of a button", async () => {
    await chat.run([
      ["Termin nächste Woche", "Welche Leistung"],
      ["Personalausweis", "Ich suche: Personalausweis beantragen · 30.11.–6.12. · alle Standorte"],
    ]);
  });

  it("accepts 'egal' as an answer to the time question", async () => {
    await chat.run([
      ["Reisepass", "Wann passt es Ihnen?"],
      ["egal", "Ich suche: Reisepass beantragen · nächstmöglich · alle Standorte"],
    ]);
  });

  it.each([["den zweiten"], ["zwei"], ["2."], ["Nr. 2 bitte"]])("picks the second proposal with «%s»", async (pick) => {
    const first = await chat.say("Personalausweis nächste Woche vormittags");
    const second = proposalsOf(first)[1]!;
    const replies = await chat.say(pick);
    expect(replies[0]!.text).toContain(`frei: ${second}.`);
  });

  it("adapts to corrections typed instead of a button: time of day, place and count", async () => {
    await chat.run([
      ["Personalausweis nächste Woche vormittags", "vormittags · alle Standorte"],
      [
        "lieber nachmittags",
        (r) => {
          expect(r[0]!.text).toContain("Ich suche: Personalausweis beantragen · 30.11.–6.12. · nachmittags · alle Standorte");
          for (const p of proposalsOf(r)) expect(Number(/, (\d\d):/.exec(p)![1])).toBeGreaterThanOrEqual(12);
        },
      ],
      [
        "doch in Brackel",
        (r) => {
          expect(r[0]!.text).toContain("· nachmittags · Bürgerbüro Brackel");
          for (const p of proposalsOf(r)) expect(p).toMatch(/· Bürgerbüro Brackel$/);
        },
      ],
      ["zwei Ausweise", "Ich suche: 2 × Personalausweis beantragen · 30.11.–6.12. · nachmittags · Bürgerbüro Brackel"],
    ]);
  });

  it("clamps a count above the service's maximum and says so", async () => {
    await chat.run([["acht Ausweise nächste Woche", /höchstens 4 Personen[^]*Ich suche: 4 × Personalausweis beantragen/]]);
  });

  it("shows other times without repeating the proposals already shown", async () => {
    const first = proposalsOf(await chat.say("Personalausweis nächste Woche vormittags in Brackel"));
    const second = proposalsOf(await chat.say("Andere Zeiten"));
    expect(second).toHaveLength(3);
    for (const p of second) expect(first).not.toContain(p);
  });

  it("lets the citizen choose another location from the list", async () => {
    await chat.run([
      ["Reisepass nächste Woche", "alle Standorte"],
      ["Anderer Standort", (r) => expect(lastButtons(r)).toEqual(expect.arrayContaining(["Bürgerbüro Eving", "Alle Standorte"]))],
      ["Bürgerbüro Eving", (r) => proposalsOf(r).forEach((p) => expect(p).toMatch(/· Bürgerbüro Eving$/))],
    ]);
  });

  it("re-asks with a hint and the same buttons when a reply fits nothing", async () => {
    const first = await chat.say("Personalausweis nächste Woche");
    const retry = await chat.say("blubb");
    expect(retry[0]!.text).toMatch(/^Bitte wählen Sie einen Termin/);
    expect(lastButtons(retry)).toEqual(lastButtons(first));
  });

  it("validates name and e-mail address", async () => {
    await chat.run([
      ["Personalausweis nächste Woche", "Ich suche"],
      ["1", "Auf welchen Namen"],
      ["12345", "Bitte nennen Sie Vor- und Nachnamen"],
      ["Erika Mustermann", "E-Mail-Adresse"],
      ["erika at example", "sieht nicht richtig aus"],
      ["erika@example.de", "Bitte prüfen Sie Ihre Angaben"],
    ]);
  });

  it("releases the hold and searches again when the citizen corrects the wishes after choosing", async () => {
    await chat.run([
      ["Personalausweis nächste Woche vormittags", "vormittags"],
      ["1", "Auf welchen Namen"],
      ["lieber nachmittags", "Ich suche: Personalausweis beantragen · 30.11.–6.12. · nachmittags · alle Standorte"],
    ]);
    const after = await statuses(db);
    expect(after).toHaveLength(1);
    expect(after).not.toContain("held");
  });

  it("keeps name and e-mail when a correction at the summary leads to a new slot", async () => {
    await chat.run([
      ["Personalausweis nächste Woche vormittags", "vormittags"],
      ["1", "Namen"],
      ["Erika Mustermann", "E-Mail"],
      ["erika@example.de", "Bitte prüfen Sie"],
      ["doch in Brackel", "Bürgerbüro Brackel"],
      ["1", /frei: .*Brackel[^]*Bitte prüfen Sie Ihre Angaben[^]*Name: Erika Mustermann/],
      ["ja", "Ihr Termin ist gebucht."],
    ]);
    expect(chat.booked[0]!.locationId).toBe("brackel");
    expect((await statuses(db)).filter((s) => s === "held")).toEqual([]);
  });

  it("'abbrechen' at any step ends the process and releases the hold", async () => {
    await chat.run([
      ["Personalausweis nächste Woche", "Ich suche"],
      ["1", "Namen"],
      ["abbrechen", "Vorgang abgebrochen."],
      ["1", (r) => expect(r[0]!.text).not.toContain("frei:")],
    ]);
    expect((await statuses(db)).filter((s) => s === "held")).toEqual([]);
  });

  it("'Hilfe' explains and repeats the open question", async () => {
    await chat.run([
      ["Reisepass", "Wann passt es Ihnen?"],
      ["Hilfe", (r) => {
        expect(r[0]!.text).toMatch(/^So geht es:/);
        expect(r[r.length - 1]!.text).toContain("Wann passt es Ihnen?");
      }],
      ["nächste Woche", "Ich suche: Reisepass beantragen · 30.11.–6.12."],
    ]);
  });

  it("'Nein' at the summary books nothing", async () => {
    await chat.run([
      ["Personalausweis nächste Woche", "Ich suche"],
      ["1", "Namen"],
      ["Erika Mustermann", "E-Mail"],
      ["erika@example.de", "Bitte prüfen Sie"],
      ["nein", "Es wurde nichts gebucht."],
    ]);
    expect(chat.booked).toEqual([]);
    expect((await statuses(db)).filter((s) => s === "held" || s === "booked")).toEqual([]);
  });

  it("services that need approval end with 'Ihre Anfrage wird geprüft'", async () => {
    await chat.run([
      ["Geburtsurkunde nächste Woche", "Ich suche: Geburtsurkunde"],
      ["1", "Namen"],
      ["Erika Mustermann", "E-Mail"],
      ["erika@example.de", "Diese Leistung prüft das Amt vorher."],
      ["ja", /^Vielen Dank\. Ihre Anfrage wird geprüft\./],
    ]);
    expect(chat.booked[0]!.status).toBe("suggested");
  });

  it("explains why nothing fits and offers the nearest alternatives", async () => {
    await chat.run([
      [
        "Personalausweis im Januar",
        (r) => {
          expect(r[0]!.text).toContain("Termine für diese Zeit sind noch nicht freigegeben.");
          expect(r[0]!.text).toMatch(/Neue Termine gibt es ab Di, 24\.11\., 07:00 Uhr\./);
          expect(r[0]!.text).toContain("Die nächsten freien Termine:");
          expect(proposalsOf(r).length).toBeGreaterThan(0);
        },
      ],
      ["1", "Ich halte diesen Termin"],
    ]);
  });

  it("starts over with new proposals when the hold ran out before the confirmation", async () => {
    await chat.run([
      ["Personalausweis nächste Woche", "Ich suche"],
      ["1", "Namen"],
      ["Erika Mustermann", "E-Mail"],
      ["erika@example.de", "Bitte prüfen Sie"],
    ]);
    db.clock.advance(11 * 60_000);
    await takeHeldSlot(db);
    await chat.run([
      ["ja", /Ihre Reservierung ist leider abgelaufen\.[^]*Ich suche: Personalausweis/],
      ["1", /Bitte prüfen Sie Ihre Angaben[^]*Name: Erika Mustermann/],
      ["ja", "Ihr Termin ist gebucht."],
    ]);
    expect(chat.booked).toHaveLength(1);
  });

  it("says so and proposes again when the chosen slot was taken a moment earlier", async () => {
    const first = proposalsOf(await chat.say("Personalausweis nächste Woche in Brackel"));
    const search = await db.core.slots.search({ services: [{ id: "personalausweis", count: 1 }], locations: ["brackel"], dateRanges: [{ from: "2026-11-30", to: "2026-12-06" }], limit: 1 });
    await fillSlot(db, search.slots[0]!, [{ id: "personalausweis", count: 1 }]);
    const replies = await chat.say("1");
    expect(replies[0]!.text).toMatch(/^Dieser Termin wurde gerade vergeben\. Ich suche neue Termine für Sie\.\nIch suche:/);
    expect(proposalsOf(replies)).not.toContain(first[0]);
  });

  it("stores the channel and the conversation key for proactive messages on Telegram", async () => {
    const telegram = openChat(db.core, "telegram");
    await telegram.run([
      ["Reisepass nächste Woche", "Ich suche"],
      ["1", "Namen"],
      ["Erika Mustermann", "E-Mail"],
      ["erika@example.de", "Bitte prüfen Sie"],
      ["ja", "Ihr Termin ist gebucht."],
    ]);
    const [row] = await db.sql<{ key: string; channel: string }[]>`select conversation_key as key, channel from appointment where id = ${telegram.booked[0]!.id}`;
    expect(row).toEqual({ key: `telegram:${telegram.conversationId}`, channel: "telegram" });
  });

  it("switches to cancelling when asked in the middle of a booking, and releases the hold", async () => {
    await chat.run([
      ["Personalausweis nächste Woche", "Ich suche"],
      ["1", "Namen"],
      ["Ich möchte doch lieber meinen Termin absagen", "Bitte nennen Sie Ihren Buchungscode."],
    ]);
    expect((await statuses(db)).filter((s) => s === "held")).toEqual([]);
  });
});
