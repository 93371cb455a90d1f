/**
 * Staff sessions in PostgreSQL. The cookie carries 32 random bytes; the table keeps only their
 * SHA-256, so a copy of the database does not yield usable sessions. Each session has its own
 * CSRF token (synchronizer pattern), an idle and an absolute expiry.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Sql } from "postgres";

export interface Session {
  idHash: string;
  staffId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

interface SessionRow {
  id_hash: string;
  staff_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export function hashSessionId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

const toSession = (r: SessionRow): Session => ({
  idHash: r.id_hash,
  staffId: r.staff_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
});

/** A new session; returns the cookie value (never stored) with the session. */
export async function createSession(sql: Sql, staffId: string, now: Date, limits: SessionLimits): Promise<{ id: string; session: Session }> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + limits.maxHours * 3_600_000);
  const csrf = randomBytes(32).toString("base64url");
  // Expired rows of anyone are removed here, so the table does not grow without a separate job.
  await sql`delete from staff_session where expires_at <= ${now} or last_seen_at <= ${new Date(now.getTime() - limits.idleMinutes * 60_000)}`;
  const [row] = await sql<SessionRow[]>`
    insert into staff_session (id_hash, staff_id, csrf_token, created_at, last_seen_at, expires_at)
    values (${hashSessionId(id)}, ${staffId}, ${csrf}, ${now}, ${now}, ${expiresAt}) returning *`;
  return { id, session: toSession(row!) };
}

/** The live session behind a cookie value; an idle or expired one is deleted and null returned. */
export async function resumeSession(sql: Sql, id: string, now: Date, limits: SessionLimits): Promise<Session | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const idHash = hashSessionId(id);
  const [row] = await sql<SessionRow[]>`select * from staff_session where id_hash = ${idHash}`;
  if (!row) return null;
  const idleSince = now.getTime() - row.last_seen_at.getTime();
  if (row.expires_at.getTime() <= now.getTime() || idleSince >= limits.idleMinutes * 60_000) {
    await sql`delete from staff_session where id_hash = ${idHash}`;
    return null;
  }
  // Writing on every request would be wasted work; a minute's precision is enough for the idle limit.
  if (idleSince > 60_000) await sql`update staff_session set last_seen_at = ${now} where id_hash = ${idHash}`;
  return toSession({ ...row, last_seen_at: idleSince > 60_000 ? now : row.last_seen_at });
}

export async function deleteSession(sql: Sql, idHash: string): Promise<void> {
  await sql`delete from staff_session where id_hash = ${idHash}`;
}
