/**
 * Shared setup of the staff console tests: a restify server like production (JSON body reader
 * in front), accounts, suggestions made the way the chat makes them, and a tiny cookie-keeping client.
 */
import restify from "restify";
import type { AddressInfo } from "node:net";
import { loadCityConfig, type CityConfig } from "../../core/index.ts";
import type { Appointment } from "../../core/bookings/types.ts";
import { createLocalAccount, type StaffRole } from "../../bot/staff/account.store.ts";
import { readStaffSettings, type StaffSettings } from "../../bot/staff/settings.ts";
import { mountStaffConsole, type StaffConsoleDeps } from "../../bot/staff/staff-console.ts";
import type { TestDb } from "../support/db.ts";

export const PASSWORD = "richtig-langes-passwort";

/** The demo city, with the registry-office certificate (needs approval) also offered in Eving and Brackel. */
export function testCity(): CityConfig {
  const config = structuredClone(loadCityConfig());
  for (const l of config.locations) if (l.id === "eving" || l.id === "brackel") l.services.push("geburtsurkunde");
  return config;
}

export function staffSettings(env: Record<string, string> = {}): StaffSettings {
  return readStaffSettings({ PUBLIC_URL: "http://127.0.0.1", ...env });
}

export interface Console {
  url: string;
  close(): Promise<void>;
}

export async function startConsole(db: TestDb, settings = staffSettings(), extra: Partial<StaffConsoleDeps> = {}): Promise<Console> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.jsonBodyParser({ maxBodySize: 64 * 1024, mapParams: false } as restify.plugins.JsonBodyParserOptions));
  mountStaffConsole(server, { core: db.core, sql: db.sql, settings, now: db.clock.now, ...extra });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function addAccount(db: TestDb, username: string, role: StaffRole, locations: string[] = []) {
  return createLocalAccount(db.sql, { username, password: PASSWORD, role, locations });
}

/** A suggestion as the chat creates it: hold, then confirm by a citizen, for a service that needs approval. */
let citizens = 0;

export async function suggest(db: TestDb, locationId: string, text: string, email: string | null = `erika${++citizens}@example.org`): Promise<Appointment> {
  const services = [{ id: "geburtsurkunde", count: 1 }];
  const { slots } = await db.core.slots.search({ services, locations: [locationId], limit: 1 });
  const slot = slots[0]!;
  const actor = { kind: "citizen" as const, channel: "webchat" as const };
  const held = await db.core.bookings.hold({ slot, services, actor, request: { text, understood: { services, locations: [locationId] } } });
  if (!held.ok) throw new Error(`hold failed: ${held.code}`);
  const done = await db.core.bookings.confirm({ appointmentId: held.appointment.id, holdToken: held.holdToken, contact: { name: "Erika Mustermann", email }, actor });
  if (!done.ok) throw new Error(`confirm failed: ${done.code}`);
  if (done.appointment.status !== "suggested") throw new Error(`expected a suggestion, got ${done.appointment.status}`);
  return done.appointment;
}

export interface Reply {
  status: number;
  text: string;
  headers: Headers;
}

/** A browser-like client: keeps cookies, does not follow redirects, reads the page's CSRF token. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async get(path: string): Promise<Reply> {
    return this.send(path, { method: "GET" });
  }

  async post(path: string, form: Record<string, string>): Promise<Reply> {
    return this.send(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form).toString() });
  }

  private async send(path: string, init: RequestInit): Promise<Reply> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(this.base + path, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/Max-Age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  async login(username: string, password = PASSWORD): Promise<Reply> {
    const page = await this.get("/staff/login");
    const token = /name="_login" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
    return this.post("/staff/login", { _login: token, next: "/staff/queue", username, password });
  }

  /** The CSRF token of the signed-in session, as the pages embed it. */
  async csrf(): Promise<string> {
    const page = await this.get("/staff/queue");
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    if (!token) throw new Error(`no CSRF token on the page (status ${page.status})`);
    return token;
  }
}
