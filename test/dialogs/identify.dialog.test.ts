import { ConversationState, MemoryStorage } from "botbuilder";
import { DialogTestClient } from "botbuilder-testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdentifyDialog } from "../../dialogs/identify.dialog.ts";
import { createRuntime, type PendingHold } from "../../dialogs/runtime.ts";
import { openTestDb, type TestDb } from "../support/db.ts";
import { cityParser, LINKS } from "./support/chat.ts";

/** The identify step alone, through botbuilder-testing's DialogTestClient (locale de-de). */
describe("identify dialog", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite" });
  });
  afterAll(async () => db.close());

  function client(options: { code?: string | null; email?: string | null } = {}): DialogTestClient {
    const state = new ConversationState(new MemoryStorage());
    const rt = createRuntime({
      core: db.core,
      parse: cityParser(db.core),
      links: LINKS,
      pendingHold: state.createProperty<PendingHold | null>("PendingHold"),
      currentServices: state.createProperty<string[]>("CurrentServices"),
    });
    return new DialogTestClient("test", new IdentifyDialog(rt), options, [], state);
  }

  it.each([
    // [citizen, bot] rows; the dialog ends with the reference
    [[["hallo", "Bitte nennen Sie Ihren Buchungscode."], ["abc", "Ein Buchungscode hat sechs Zeichen"], ["k7p-2qx", "Zur Sicherheit: Mit welcher E-Mail-Adresse"], ["erika@example", "sieht nicht richtig aus"], ["Erika@Example.de", null]]],
    [[["hallo", "Buchungscode"], ["Mein Code ist K7P-2QX, Mail erika@example.de", null]]],
  ])("asks for code and e-mail, validating both (%#)", async (rows) => {
    const c = client();
    for (const [citizen, bot] of rows as [string, string | null][]) {
      const reply = await c.sendActivity(citizen);
      if (bot === null) expect(reply).toBeUndefined();
      else expect(reply.text).toContain(bot);
    }
    expect(c.dialogTurnResult.status).toBe("complete");
    expect(c.dialogTurnResult.result).toEqual({ code: "K7P-2QX", email: "erika@example.de" });
  });

  it("skips the questions answered in the first message", async () => {
    const c = client({ code: "K7P-2QX" });
    const reply = await c.sendActivity("Termin K7P-2QX absagen");
    expect(reply.text).toMatch(/^Zur Sicherheit/);
    await c.sendActivity("erika@example.de");
    expect(c.dialogTurnResult.result).toEqual({ code: "K7P-2QX", email: "erika@example.de" });
  });
});
