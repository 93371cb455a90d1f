import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../support/db.ts";
import { addAccount, Client, startConsole, suggest, testCity, type Console } from "./helpers.ts";

describe("approval queue through the console", () => {
  let db: TestDb;
  let web: Console;

  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite", config: testCity() });
    web = await startConsole(db);
    await addAccount(db, "eva", "clerk", ["eving"]);
    await addAccount(db, "emil", "clerk", ["eving"]);
    await addAccount(db, "bruno", "clerk", ["brackel"]);
    await addAccount(db, "ada", "admin");
  });
  afterAll(async () => {
    await web?.close();
    await db?.close();
  });

  it("shows the citizen's message escaped, so markup and script stay inert", async () => {
    const evil = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"`;
    const s = await suggest(db, "eving", evil);
    const eva = new Client(web.url);
    expect((await eva.login("eva")).status).toBe(303);
    const page = await eva.get("/staff/queue");
    expect(page.status).toBe(200);
    expect(page.text).toContain(s.code);
    expect(page.text).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;");
    expect(page.text).not.toContain("<script>alert");
    expect(page.text).not.toContain("<img src=x");
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(page.headers.get("cache-control")).toBe("no-store");
  });

  it("approves a suggestion; the second clerk learns who was faster and when", async () => {
    const s = await suggest(db, "eving", "Ich brauche eine Geburtsurkunde.");
    const eva = new Client(web.url);
    const emil = new Client(web.url);
    await eva.login("eva");
    await emil.login("emil");
    const [evaToken, emilToken] = [await eva.csrf(), await emil.csrf()];
    const first = await eva.post(`/staff/queue/${s.id}/approve`, { _csrf: evaToken });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/staff/queue?ok=approved");
    const second = await emil.post(`/staff/queue/${s.id}/reject`, { _csrf: emilToken, message: "Bitte melden Sie sich telefonisch." });
    expect(second.status).toBe(409);
    expect(second.text).toMatch(/Bereits entschieden von eva um \d\d:\d\d Uhr \(freigegeben\)/);
    expect((await db.core.bookings.get(s.id))!.status).toBe("booked");
    const notes = await db.sql`select kind from notification where appointment_id = ${s.id} and kind like 'approval_%'`;
    expect(notes.map((n) => n.kind)).toEqual(["approval_approved"]);
  });

  it("approves with another slot chosen from the alternatives", async () => {
    const s = await suggest(db, "eving", "Geburtsurkunde bitte");
    const eva = new Client(web.url);
    await eva.login("eva");
    const page = await eva.get("/staff/queue");
    const value = new RegExp(`action="/staff/queue/${s.id}/approve" class="alternatives">[\\s\\S]*?name="slot" value="([^"]+)"`).exec(page.text)?.[1];
    expect(value).toMatch(/^eving\|/);
    const res = await eva.post(`/staff/queue/${s.id}/approve`, { _csrf: await eva.csrf(), slot: value!.replace(/&#39;/g, "'") });
    expect(res.status).toBe(303);
    const [moved] = await db.sql`select status, lower(during) as start from appointment where rescheduled_from = ${s.id}`;
    expect(moved!.status).toBe("booked");
    expect(new Date(moved!.start as Date).toISOString()).toBe(new Date(value!.split("|")[1]!).toISOString());
  });

  it("rejects with a message that is kept for the citizen's notification", async () => {
    const s = await suggest(db, "eving", "Sterbeurkunde?");
    const eva = new Client(web.url);
    await eva.login("eva");
    const res = await eva.post(`/staff/queue/${s.id}/reject`, { _csrf: await eva.csrf(), message: "Bitte kommen Sie ins Standesamt Mitte." });
    expect(res.status).toBe(303);
    const a = await db.core.bookings.get(s.id);
    expect(a!.status).toBe("rejected");
    expect(a!.decisionMessage).toBe("Bitte kommen Sie ins Standesamt Mitte.");
  });
});
