/**
 * Retention of the staff console's records: audit entries go after AUDIT_RETENTION_DAYS (default
 * 365), expired sessions and sign-in attempts older than a day go in every run, the rest stays.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyRetention } from "../../core/jobs/retention.ts";
import { readJobsSettings } from "../../core/jobs/settings.ts";
import { postgresAvailable } from "../support/db.ts";
import { openJobsDb, type JobsTestDb } from "./helpers.ts";

const kinds = ["pglite", ...((await postgresAvailable()) ? ["postgres" as const] : [])] as const;
const DAY = 86_400_000;

describe("AUDIT_RETENTION_DAYS", () => {
  it("defaults to a year and accepts a number of days", () => {
    expect(readJobsSettings({}).auditRetentionDays).toBe(365);
    expect(readJobsSettings({ AUDIT_RETENTION_DAYS: "90" }).auditRetentionDays).toBe(90);
    expect(() => readJobsSettings({ AUDIT_RETENTION_DAYS: "0" })).toThrow();
  });
});

describe.each(kinds)("staff records retention on %s", (kind) => {
  let db: JobsTestDb;
  let staffId: string;
  beforeAll(async () => {
    db = await openJobsDb(kind);
  });
  afterAll(async () => db?.close());
  beforeEach(async () => {
    await db.sql`truncate staff_audit, staff_session, staff_login_attempt, staff_oidc_flow, staff_account cascade`;
    staffId = randomUUID();
    await db.sql`insert into staff_account (id, username, role) values (${staffId}, 'eva', 'clerk')`;
  });

  const daysAgo = (days: number) => new Date(db.clock.now().getTime() - days * DAY);
  const audit = (days: number, action: string) =>
    db.sql`insert into staff_audit (at, staff_id, staff_username, action, outcome) values (${daysAgo(days)}, ${staffId}, 'eva', ${action}, 'ok')`;
  const session = (idHash: string, expiresInDays: number) =>
    db.sql`insert into staff_session (id_hash, staff_id, csrf_token, created_at, last_seen_at, expires_at)
           values (${idHash}, ${staffId}, 'csrf', ${daysAgo(1)}, ${daysAgo(0)}, ${daysAgo(-expiresInDays)})`;
  const attempt = (key: string, days: number) => db.sql`insert into staff_login_attempt (key, at) values (${key}, ${daysAgo(days)})`;

  it("deletes audit entries older than the setting, expired sessions and old sign-in attempts", async () => {
    await audit(400, "old");
    await audit(366, "just-too-old");
    await audit(364, "kept");
    await audit(1, "recent");
    await session("expired", -0.5);
    await session("live", 0.3);
    await attempt("account:eva", 2);
    await attempt("ip:127.0.0.1", 0.01);
    await db.sql`insert into staff_oidc_flow (state_hash, code_verifier, nonce, created_at) values ('old', 'v', 'n', ${daysAgo(3)}), ('new', 'v', 'n', ${daysAgo(0)})`;

    const result = await applyRetention({ now: db.clock.now() }, db.deps);

    expect(result).toMatchObject({ audit: 2, staffSessions: 1, loginAttempts: 1 });
    expect((await db.sql`select action from staff_audit order by at`).map((r) => r.action)).toEqual(["kept", "recent"]);
    expect((await db.sql`select id_hash from staff_session`).map((r) => r.id_hash)).toEqual(["live"]);
    expect((await db.sql`select key from staff_login_attempt`).map((r) => r.key)).toEqual(["ip:127.0.0.1"]);
    expect((await db.sql`select state_hash from staff_oidc_flow`).map((r) => r.state_hash)).toEqual(["new"]);
  });

  it("follows a shorter AUDIT_RETENTION_DAYS", async () => {
    await audit(31, "older than a month");
    await audit(29, "within a month");
    const settings = { ...db.deps.settings, ...readJobsSettings({ AUDIT_RETENTION_DAYS: "30" }) };
    await applyRetention({ now: db.clock.now() }, { ...db.deps, settings });
    expect((await db.sql`select action from staff_audit`).map((r) => r.action)).toEqual(["within a month"]);
  });
});
