/**
 * `terminassistent staff add|list|disable|password`: local accounts for towns without an identity
 * provider. Passwords are read from a hidden prompt or, for scripts, from stdin (--password-stdin),
 * never from the command line (it would end up in the shell history and the process list).
 */
import { parseArgs } from "node:util";
import type { Sql } from "postgres";
import type { CityConfig } from "../../core/config/schema.ts";
import { createLocalAccount, disableAccount, findAccountByUsername, listAccounts, setPassword, USERNAME, type StaffRole } from "./account.store.ts";

export interface StaffCommandIo {
  out(line: string): void;
  err(line: string): void;
  /** All of stdin (for --password-stdin). */
  readStdin(): Promise<string>;
  /** Ask for a password without echo; null when no terminal is attached. */
  promptPassword(question: string): Promise<string | null>;
}

export interface StaffCommandDeps {
  sql: Sql;
  config: Pick<CityConfig, "locations">;
}

const MIN_PASSWORD = 12;

export const STAFF_HELP = `terminassistent staff <command>

  add <username> --role clerk|admin [--locations eving,brackel] [--name "Vorname Name"] [--password-stdin]
  list
  disable <username>
  password <username> [--password-stdin]`;

export async function runStaffCommand(args: string[], io: StaffCommandIo, deps: StaffCommandDeps): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "add":
      return add(rest, io, deps);
    case "list":
      return list(io, deps);
    case "disable":
      return disable(rest, io, deps);
    case "password":
      return password(rest, io, deps);
    default:
      io.err(STAFF_HELP);
      return 2;
  }
}

async function readPassword(io: StaffCommandIo, fromStdin: boolean): Promise<string | null> {
  if (fromStdin) return (await io.readStdin()).replace(/\r?\n$/, "");
  const first = await io.promptPassword("Passwort: ");
  if (first === null) {
    io.err("Kein Terminal: bitte --password-stdin verwenden.");
    return null;
  }
  const second = await io.promptPassword("Passwort wiederholen: ");
  if (first !== second) {
    io.err("Die Passwörter stimmen nicht überein.");
    return null;
  }
  return first;
}

function checkPassword(io: StaffCommandIo, pw: string | null): pw is string {
  if (pw === null) return false;
  if (pw.length < MIN_PASSWORD) {
    io.err(`Das Passwort muss mindestens ${MIN_PASSWORD} Zeichen haben.`);
    return false;
  }
  return true;
}

async function add(args: string[], io: StaffCommandIo, deps: StaffCommandDeps): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: "string" }, locations: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" } },
  });
  const username = (positionals[0] ?? "").toLowerCase();
  if (!USERNAME.test(username)) return fail(io, "Bitte einen Benutzernamen angeben (a–z, 0–9, . _ - @; 2–64 Zeichen).");
  if (values.role !== "clerk" && values.role !== "admin") return fail(io, "--role muss clerk oder admin sein.");
  const locations = (values.locations ?? "").split(",").map((l) => l.trim()).filter(Boolean);
  const unknown = locations.filter((l) => !deps.config.locations.some((c) => c.id === l));
  if (unknown.length) return fail(io, `Unbekannte Standorte: ${unknown.join(", ")}. Bekannt: ${deps.config.locations.map((l) => l.id).join(", ")}`);
  if (values.role === "clerk" && !locations.length) return fail(io, "Sachbearbeitung braucht --locations (z. B. --locations eving,brackel).");
  if (await findAccountByUsername(deps.sql, username)) return fail(io, `Das Konto ${username} gibt es schon.`);
  const pw = await readPassword(io, values["password-stdin"] ?? false);
  if (!checkPassword(io, pw)) return 2;
  const account = await createLocalAccount(deps.sql, { username, password: pw, role: values.role as StaffRole, locations, displayName: values.name ?? null });
  io.out(`Konto ${account.username} angelegt (${account.role}${locations.length ? `: ${locations.join(", ")}` : ""}).`);
  return 0;
}

async function list(io: StaffCommandIo, deps: StaffCommandDeps): Promise<number> {
  const accounts = await listAccounts(deps.sql);
  if (!accounts.length) io.out("Noch keine Konten. Anlegen mit: terminassistent staff add <name> --role admin");
  for (const a of accounts) {
    const where = a.role === "admin" ? "alle Standorte" : a.locations.join(",");
    const login = a.hasPassword ? "lokal" : "OIDC";
    io.out(`${a.username}\t${a.role}\t${where}\t${login}\t${a.disabled ? "gesperrt" : "aktiv"}\t${a.lastLoginAt?.toISOString() ?? "nie angemeldet"}`);
  }
  return 0;
}

async function disable(args: string[], io: StaffCommandIo, deps: StaffCommandDeps): Promise<number> {
  const username = (args[0] ?? "").toLowerCase();
  if (!(await disableAccount(deps.sql, username))) return fail(io, `Das Konto ${username} gibt es nicht.`);
  io.out(`Konto ${username} gesperrt; alle Sitzungen sind beendet.`);
  return 0;
}

async function password(args: string[], io: StaffCommandIo, deps: StaffCommandDeps): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { "password-stdin": { type: "boolean" } } });
  const username = (positionals[0] ?? "").toLowerCase();
  if (!(await findAccountByUsername(deps.sql, username))) return fail(io, `Das Konto ${username} gibt es nicht.`);
  const pw = await readPassword(io, values["password-stdin"] ?? false);
  if (!checkPassword(io, pw)) return 2;
  await setPassword(deps.sql, username, pw);
  io.out(`Passwort von ${username} geändert; alle Sitzungen sind beendet.`);
  return 0;
}

function fail(io: StaffCommandIo, message: string): number {
  io.err(message);
  return 2;
}
