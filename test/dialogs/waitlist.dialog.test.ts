import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWaitlist } from "../../core/waitlist/waitlist.ts";
import { wishFromRequest } from "../../core/waitlist/wish-from-request.ts";
import type { Waitlist } from "../../core/waitlist/types.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { lastButtons, openChat, type Chat } from "./support/chat.ts";

const SECRET = "dialog-test-secret-0123456789";

interface WishRow {
  services: { id: string; count: number }[];
  locations: string[];
  weekdays: number[];
  latest_date: string;
  email: string | null;
  name: string;
  conversation_key: string;
  channel: string;
  status: string;
}

async function wishes(db: TestDb): Promise<WishRow[]> {
  return db.sql<WishRow[]>`
    select services, locations, weekdays::int[] as weekdays, latest_date::text as latest_date, email, name, conversation_key, channel, status
    from waitlist_wish order by seq`;
}

describe("waiting list in the chat (real core + real waiting list, PGlite)", () => {
  let db: TestDb;
  let waitlist: Waitlist;
  let chat: Chat;
  beforeEach(async () => {
    db = await openTestDb({ kind: "pglite" });
    waitlist = createWaitlist({ core: db.core, secret: SECRET, publicUrl: "https://termine.example" });
    chat = openChat(db.core, "test", { waitlist });
  });
  afterEach(async () => db.close());

  it("nothing fits → 'Auf die Warteliste' → latest date by default → name → e-mail → position and wish link", async () => {
    await chat.run([
      [
        "Personalausweis nächste Woche Samstag in Eving",
        (r) => {
          const text = r.map((x) => x.text).join("\n");
          expect(text).toContain("Ich kann Sie auch auf die Warteliste setzen.");
          expect(lastButtons(r)).toContain("Auf die Warteliste");
        },
      ],
      ["Auf die Warteliste", /Warteliste für: Personalausweis beantragen[^]*Bis wann brauchen Sie den Termin spätestens\? Ohne Angabe warte ich bis Samstag, 5\.12\.2026\./],
      ["Bis Samstag, 5.12.2026", "Auf welchen Namen soll ich Sie eintragen?"],
      ["Erika Mustermann", (r) => expect(lastButtons(r)).toEqual(["Nur hier im Chat"])],
      [
        "erika@example.de",
        (r) => {
          const text = r.map((x) => x.text).join("\n");
          expect(text).toContain("Sie stehen auf der Warteliste.");
          expect(text).toContain("Sie sind als Erste oder Erster an der Reihe.");
          expect(text).toContain("Die Warteliste gilt bis Samstag, 5.12.2026.");
          expect(text).toContain("Das Angebot schicken wir an erika@example.de und hier in den Chat.");
          expect(text).toMatch(/Ihren Eintrag ansehen oder zurückziehen: https:\/\/termine\.example\/warteliste\/[A-Za-z0-9_-]{32}/);
        },
      ],
    ]);
    const [wish] = await wishes(db);
    expect(wish).toMatchObject({
      services: [{ id: "personalausweis", count: 1 }], locations: ["eving"], latest_date: "2026-12-05", email: "erika@example.de",
      name: "Erika Mustermann", conversation_key: `test:${chat.conversationId}`, channel: "webchat", status: "open",
    });
    expect(await db.sql`select 1 from appointment where status = 'held'`).toHaveLength(0);
  });

  it("chat only: the wish keeps the conversation key, and its link token opens the wish", async () => {
    let token = "";
    await chat.run([
      ["Reisepass am Sonntag", (r) => expect(lastButtons(r)).toContain("Auf die Warteliste")],
      ["Warteliste", "Bis wann"],
      ["ja", "Namen"],
      ["Erika Mustermann", "E-Mail-Adresse"],
      [
        "Nur hier im Chat",
        (r) => {
          const text = r.map((x) => x.text).join("\n");
          expect(text).toContain("Das Angebot schicken wir hier in den Chat.");
          token = /\/warteliste\/(\S+)/.exec(text)![1]!;
        },
      ],
    ]);
    const [wish] = await wishes(db);
    expect(wish).toMatchObject({ services: [{ id: "reisepass", count: 1 }], email: null, conversation_key: `test:${chat.conversationId}` });
    const found = await waitlist.getWish(token);
    expect(found.ok && found.wish.services).toEqual([{ id: "reisepass", count: 1 }]);
  });

  it("'nein' at the alternatives leads to the waiting list; a named latest date wins over the default", async () => {
    await chat.run([
      ["Personalausweis am Sonntag", (r) => expect(lastButtons(r)).toContain("Auf die Warteliste")],
      ["Nein", "Bis wann brauchen Sie den Termin spätestens?"],
      ["bis 20. Dezember", "Namen"],
      ["Erika Mustermann", "E-Mail"],
      ["im Chat", "Die Warteliste gilt bis Sonntag, 20.12.2026."],
    ]);
    const [wish] = await wishes(db);
    expect(wish!.latest_date).toBe("2026-12-20");
    expect(wish!.locations).toEqual([]);
  });

  it("a second wish for the same service in the same chat gets the duplicate text of templates/de/errors.ts", async () => {
    const register = (last: string) =>
      chat.run([
        ["Personalausweis am Sonntag", (r) => expect(lastButtons(r)).toContain("Auf die Warteliste")],
        ["Auf die Warteliste", "Bis wann"],
        ["egal", "Namen"],
        ["Erika Mustermann", "E-Mail"],
        ["Nur hier im Chat", last],
      ]);
    await register("Sie stehen auf der Warteliste.");
    await register("Sie stehen für diese Leistung schon auf der Warteliste. Ihr früherer Platz bleibt erhalten.");
    expect(await wishes(db)).toHaveLength(1);
  });

  it("a second citizen sees their place in the queue", async () => {
    await waitlist.register({
      services: [{ id: "personalausweis", count: 1 }], latestDate: "2026-12-31", contact: { name: "Max Muster", email: "max@example.de" }, channel: "mail",
    });
    await chat.run([
      ["Personalausweis am Sonntag", (r) => expect(lastButtons(r)).toContain("Auf die Warteliste")],
      ["Auf die Warteliste", "Bis wann"],
      ["ja", "Namen"],
      ["Erika Mustermann", "E-Mail"],
      ["Nur hier im Chat", "Vor Ihnen wartet eine Person auf diese Leistung."],
    ]);
  });

  it("offers no waiting list when slots fit, or when the channel has none", async () => {
    const replies = await chat.say("Personalausweis nächste Woche vormittags");
    expect(lastButtons(replies)).not.toContain("Auf die Warteliste");
    const plain = openChat(db.core);
    const none = await plain.say("Personalausweis am Sonntag");
    expect(lastButtons(none)).not.toContain("Auf die Warteliste");
    expect(none.map((r) => r.text).join("\n")).not.toContain("Warteliste");
  });

  it("abbrechen during the waiting-list questions registers nothing", async () => {
    await chat.run([
      ["Personalausweis am Sonntag", (r) => expect(lastButtons(r)).toContain("Auf die Warteliste")],
      ["Auf die Warteliste", "Bis wann"],
      ["abbrechen", "Vorgang abgebrochen."],
    ]);
    expect(await wishes(db)).toHaveLength(0);
  });
});

describe("wishFromRequest", () => {
  it("keeps services, places and times; exclusions become the allowed rest; the latest date is the citizen's or the horizon's end", async () => {
    const db = await openTestDb({ kind: "pglite" });
    try {
      const now = db.clock.now(); // Monday 23.11.2026
      const base = { services: [{ id: "personalausweis", count: 2 }], timeRanges: [{ from: 480, to: 720 }] };
      const wish = wishFromRequest(db.config, { ...base, excludedWeekdays: [1, 6], excludedLocations: ["eving"], dateRanges: [{ from: "2026-11-30", to: "2026-12-06" }] }, now);
      expect(wish.services).toEqual([{ id: "personalausweis", count: 2 }]);
      expect(wish.weekdays).toEqual([2, 3, 4, 5, 7]);
      expect(wish.locations).not.toContain("eving");
      expect(wish.locations?.length).toBeGreaterThan(0);
      expect(wish.timeRanges).toEqual([{ from: 480, to: 720 }]);
      expect(wish.latestDate).toBe("2026-12-06");
      const open = wishFromRequest(db.config, { ...base, dateRanges: [{ from: "2026-11-30", to: null }] }, now);
      expect(open.latestDate > "2026-12-06").toBe(true);
      expect(open).toMatchObject({ locations: [], weekdays: [] });
    } finally {
      await db.close();
    }
  });
});
