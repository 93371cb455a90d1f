import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runStaffCommand, type StaffCommandIo } from "../../bot/staff/staff.command.ts";
import { verifyLocalLogin } from "../../bot/staff/account.store.ts";
import { openTestDb, type TestDb } from "../support/db.ts";

function io(stdin = "", prompts: (string | null)[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const api: StaffCommandIo = {
    out: (l) => void out.push(l),
    err: (l) => void err.push(l),
    readStdin: async () => stdin,
    promptPassword: async () => (prompts.length ? prompts.shift()! : null),
  };
  return { api, out, err };
}

describe("terminassistent staff …", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite" });
  });
  afterAll(async () => db?.close());

  const run = (args: string[], x: ReturnType<typeof io>) => runStaffCommand(args, x.api, { sql: db.sql, config: db.config });

  it("adds a clerk with the password from stdin, stored as an argon2id hash", async () => {
    const x = io("ein-sicheres-passwort\n");
    expect(await run(["add", "Eva", "--role", "clerk", "--locations", "eving,brackel", "--password-stdin"], x)).toBe(0);
    expect(x.out[0]).toBe("Konto eva angelegt (clerk: eving, brackel).");
    const [row] = await db.sql`select password_hash, locations from staff_account where username = 'eva'`;
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.locations).toEqual(["eving", "brackel"]);
    expect(await verifyLocalLogin(db.sql, "eva", "ein-sicheres-passwort")).not.toBeNull();
  });

  it("prompts twice for the password and refuses a mismatch or a short one", async () => {
    expect(await run(["add", "ada", "--role", "admin"], io("", ["passwort-eins-123", "passwort-zwei-123"]))).toBe(2);
    expect(await run(["add", "ada", "--role", "admin"], io("", ["kurz", "kurz"]))).toBe(2);
    const x = io("", ["passwort-eins-123", "passwort-eins-123"]);
    expect(await run(["add", "ada", "--role", "admin"], x)).toBe(0);
  });

  it("refuses unknown locations, a clerk without locations and duplicates", async () => {
    const a = io("ein-sicheres-passwort");
    expect(await run(["add", "x1", "--role", "clerk", "--locations", "atlantis", "--password-stdin"], a)).toBe(2);
    expect(a.err[0]).toMatch(/Unbekannte Standorte: atlantis/);
    expect(await run(["add", "x2", "--role", "clerk", "--password-stdin"], io("ein-sicheres-passwort"))).toBe(2);
    expect(await run(["add", "eva", "--role", "admin", "--password-stdin"], io("ein-sicheres-passwort"))).toBe(2);
    expect(await run(["add", "x3", "--role", "chef", "--password-stdin"], io("ein-sicheres-passwort"))).toBe(2);
  });

  it("lists and disables accounts; a disabled account cannot sign in", async () => {
    const list = io();
    expect(await run(["list"], list)).toBe(0);
    expect(list.out.join("\n")).toMatch(/^eva\tclerk\teving,brackel\tlokal\taktiv/m);
    expect(await run(["disable", "eva"], io())).toBe(0);
    expect(await verifyLocalLogin(db.sql, "eva", "ein-sicheres-passwort")).toBeNull();
    expect(await run(["disable", "niemand"], io())).toBe(2);
  });

  it("changes a password", async () => {
    expect(await run(["password", "ada", "--password-stdin"], io("ganz-neues-passwort"))).toBe(0);
    expect(await verifyLocalLogin(db.sql, "ada", "ganz-neues-passwort")).not.toBeNull();
    expect(await verifyLocalLogin(db.sql, "ada", "passwort-eins-123")).toBeNull();
  });
});
