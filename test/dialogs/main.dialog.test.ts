import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../support/db.ts";
import { lastButtons, openChat, type Row } from "./support/chat.ts";

describe("router: greetings, help, info and fallback (real core, PGlite)", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite" });
  });
  afterAll(async () => db.close());

  it("welcomes a new member in German with start buttons", async () => {
    const replies = await openChat(db.core).join();
    expect(replies[0]!.text).toMatch(/^Guten Tag! Ich bin der Terminassistent der Stadt Dortmund \(Demo\)\./);
    expect(replies[0]!.buttons).toEqual(["Termin buchen", "Termin absagen", "Wann ist mein Termin?", "Wann haben Sie geöffnet?"]);
  });

  const oneTurn: [string, ...Row[]][] = [
    ["greeting", ["Hallo", "Guten Tag! Was kann ich für Sie tun?"]],
    ["thanks", ["danke", "Gern geschehen!"]],
    ["help", ["Was kannst du?", "So geht es: Schreiben Sie einfach, was Sie brauchen."]],
    ["opening hours of one location", ["Wann hat Brackel geöffnet?", "Öffnungszeiten:\nBürgerbüro Brackel: Mo 08:00–"]],
    ["documents of a service", ["Was brauche ich für den Reisepass?", "Für „Reisepass beantragen“ bringen Sie bitte mit: Aktuelles biometrisches Passfoto und Bisheriger Reisepass oder Personalausweis."]],
    ["fees of a service", ["Was kostet ein Reisepass?", "„Reisepass beantragen“ kostet: 70,00 €"]],
    ["address and accessibility", ["Wo ist das Bürgerbüro Brackel?", "Bürgerbüro Brackel: Brackeler Hellweg 170, 44309 Dortmund. Barrierefreier Zugang, Aufzug vorhanden."]],
    ["out of scope names the phone number", ["Ich will meinen Hund anmelden", "Dabei kann ich leider nicht helfen. Ich kümmere mich um Termine im Bürgerbüro. Bei anderen Anliegen erreichen Sie uns telefonisch unter 0231 000000 (Demo)."]],
    ["abort with nothing running", ["abbrechen", "Es läuft gerade kein Vorgang."]],
  ];
  it.each(oneTurn)("%s", async (_name, ...rows) => {
    await openChat(db.core).run(rows);
  });

  it("answers an info question in the middle of a booking and repeats the open question", async () => {
    await openChat(db.core).run([
      ["Reisepass", "Wann passt es Ihnen?"],
      [
        "Was muss ich mitbringen?",
        (r) => {
          expect(r[0]!.text).toContain("Für „Reisepass beantragen“ bringen Sie bitte mit");
          expect(r[r.length - 1]!.text).toContain("Wann passt es Ihnen?");
          expect(lastButtons(r)).toContain("Nächste Woche");
        },
      ],
      ["so bald wie möglich", "Ich suche: Reisepass beantragen · so bald wie möglich · alle Standorte"],
    ]);
  });

  it("answers in German (de-DE) even when the channel says en-US", async () => {
    const chat = openChat(db.core);
    const replies = await chat.say("Hallo");
    expect(replies.every((r) => r.locale === "de-DE")).toBe(true);
  });
});
