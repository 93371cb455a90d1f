/**
 * Staff accounts: local ones with argon2id password hashes, and OpenID Connect ones keyed by
 * issuer + subject. Role and locations decide what the console shows and the core allows.
 */
import { createHash, randomUUID } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { Sql } from "postgres";
import type { Actor } from "../../core/bookings/types.ts";

export type StaffRole = "clerk" | "admin";

export interface StaffAccount {
  id: string;
  username: string;
  displayName: string | null;
  role: StaffRole;
  locations: string[];
  disabled: boolean;
  hasPassword: boolean;
  lastLoginAt: Date | null;
}

interface AccountRow {
  id: string;
  username: string;
  display_name: string | null;
  password_hash: string | null;
  role: StaffRole;
  locations: string[];
  disabled: boolean;
  last_login_at: Date | null;
}

export const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

// Verifying against a throw-away hash when the account is unknown keeps response times alike,
// so the sign-in form does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

function toAccount(row: AccountRow): StaffAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    locations: row.locations ?? [],
    disabled: row.disabled,
    hasPassword: row.password_hash !== null,
    lastLoginAt: row.last_login_at,
  };
}

/** The core's view of a staff member: admins act everywhere, clerks on their own locations. */
export function staffActor(account: Pick<StaffAccount, "id" | "role" | "locations">): Extract<Actor, { kind: "staff" }> {
  return { kind: "staff", staffId: account.id, locations: account.role === "admin" ? "all" : account.locations };
}

export function mayAccess(account: Pick<StaffAccount, "role" | "locations">, locationId: string): boolean {
  return account.role === "admin" || account.locations.includes(locationId);
}

export async function createLocalAccount(
  sql: Sql,
  input: { username: string; password: string; role: StaffRole; locations: string[]; displayName?: string | null },
): Promise<StaffAccount> {
  const passwordHash = await hash(input.password);
  const [row] = await sql<AccountRow[]>`
    insert into staff_account (id, username, display_name, password_hash, role, locations)
    values (${randomUUID()}, ${input.username}, ${input.displayName ?? null}, ${passwordHash}, ${input.role}, ${input.locations})
    returning *`;
  return toAccount(row!);
}

export async function setPassword(sql: Sql, username: string, password: string): Promise<boolean> {
  const rows = await sql`update staff_account set password_hash = ${await hash(password)} where username = ${username} returning id`;
  if (rows.length) await sql`delete from staff_session where staff_id = ${rows[0]!.id}`;
  return rows.length > 0;
}

/** The account behind a username and password, or null (unknown, wrong password, disabled). */
export async function verifyLocalLogin(sql: Sql, username: string, password: string): Promise<StaffAccount | null> {
  const [row] = await sql<AccountRow[]>`select * from staff_account where username = ${username.toLowerCase()}`;
  if (!row?.password_hash) {
    dummyHash ??= hash("not-a-password-" + randomUUID());
    await verify(await dummyHash, password).catch(() => false);
    return null;
  }
  const ok = await verify(row.password_hash, password).catch(() => false);
  return ok && !row.disabled ? toAccount(row) : null;
}

export async function findAccount(sql: Sql, id: string): Promise<StaffAccount | null> {
  const [row] = await sql<AccountRow[]>`select * from staff_account where id = ${id}`;
  return row ? toAccount(row) : null;
}

export async function findAccountByUsername(sql: Sql, username: string): Promise<StaffAccount | null> {
  const [row] = await sql<AccountRow[]>`select * from staff_account where username = ${username.toLowerCase()}`;
  return row ? toAccount(row) : null;
}

export async function listAccounts(sql: Sql): Promise<StaffAccount[]> {
  return (await sql<AccountRow[]>`select * from staff_account order by username`).map(toAccount);
}

/** Disabling also ends every session of the account at once. */
export async function disableAccount(sql: Sql, username: string): Promise<boolean> {
  const rows = await sql`update staff_account set disabled = true where username = ${username} returning id`;
  if (rows.length) await sql`delete from staff_session where staff_id = ${rows[0]!.id}`;
  return rows.length > 0;
}

/**
 * Create or refresh an OIDC account: role and locations follow the provider's claims on every sign-in.
 * A username already taken by a local account gets a suffix instead of taking that account over.
 */
export async function upsertOidcAccount(
  sql: Sql,
  input: { subject: string; username: string; displayName: string | null; role: StaffRole; locations: string[] },
): Promise<StaffAccount> {
  const upsert = (username: string) => sql<AccountRow[]>`
    insert into staff_account (id, username, display_name, role, locations, oidc_subject)
    values (${randomUUID()}, ${username}, ${input.displayName}, ${input.role}, ${input.locations}, ${input.subject})
    on conflict (oidc_subject) do update set display_name = excluded.display_name, role = excluded.role, locations = excluded.locations
    returning *`;
  try {
    return toAccount((await upsert(input.username))[0]!);
  } catch (err) {
    if ((err as { code?: string }).code !== "23505") throw err;
    const suffix = createHash("sha256").update(input.subject).digest("hex").slice(0, 6);
    return toAccount((await upsert(`${input.username}~${suffix}`))[0]!);
  }
}

export async function touchLogin(sql: Sql, id: string, at: Date): Promise<void> {
  await sql`update staff_account set last_login_at = ${at} where id = ${id}`;
}

/** Usernames of staff ids, for "bereits entschieden von …". */
export async function usernamesOf(sql: Sql, ids: string[]): Promise<Map<string, string>> {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!valid.length) return new Map();
  const rows = await sql<{ id: string; username: string; display_name: string | null }[]>`
    select id, username, display_name from staff_account where id = any(${valid}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.display_name ?? r.username]));
}
