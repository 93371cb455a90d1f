/**
 * booking-rush: the 7:00 rush, 2,000 citizens over 32 connections booking "next free Personalausweis
 * anywhere" on a freshly released 14-day horizon. slot-search: next-free searches with filters over
 * 11 locations × 21 days at 70 % occupancy.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadCityConfig, parseCityConfig } from "../core/config/load.ts";
import { createCore, type Core } from "../core/index.ts";
import { openingWindows, counterPools } from "../core/calendar/opening.ts";
import { dayClock } from "../core/calendar/day-clock.ts";
import { addDays } from "../core/calendar/time.ts";
import type { SlotQuery } from "../core/bookings/types.ts";
import { BENCH_DATABASE_URL, freshDatabase, percentile, pool, round } from "./support.ts";

const NOW = new Date("2026-11-23T06:00:00Z"); // Monday 07:00, the release

export async function benchBookingRush(kind: "postgres" | "pglite", citizens = 2000, connections = 32) {
  const db = await freshDatabase(kind, connections);
  try {
    // A server at 07:00 has been running for hours: its code is compiled and its 32 database sessions
    // have prepared their statements. Warm both on this database, then start the rush on empty tables.
    await rush(db.sql, 3000, connections);
    await db.sql`truncate appointment, contact, notification, appointment_event cascade`;
    const { outcomes, ids, latencies, seconds } = await rush(db.sql, citizens, connections);
    const [{ doubles }] = (await db.sql`
      select count(*)::int as doubles from appointment a join appointment b
        on a.id < b.id and a.location_id = b.location_id and a.counter = b.counter and a.during && b.during
      where a.active and b.active`) as unknown as [{ doubles: number }];
    const [{ stored }] = (await db.sql`select count(*)::int as stored from appointment where id = any(${ids}::uuid[]) and status = 'booked'`) as unknown as [{ stored: number }];
    return {
      name: "booking-rush",
      database: kind,
      citizens,
      connections,
      bookingsPerSecond: round(outcomes.booked / seconds, 0),
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      booked: outcomes.booked,
      taken: outcomes.taken,
      doubleBookings: doubles,
      lost: outcomes.booked - stored + outcomes.other,
      ...(kind === "postgres" && !process.env.BENCH_NO_PGBENCH ? pgbench() : {}),
    };
  } finally {
    await db.close();
  }
}

/** `citizens` parallel "next free Personalausweis anywhere" bookings through a fresh core (empty in-process view). */
async function rush(sql: import("postgres").Sql, citizens: number, connections: number) {
  const core = createCore({ config: loadCityConfig(), sql, secret: "bench-secret-0123456789", now: () => NOW });
  await core.slots.search({ services: [{ id: "personalausweis", count: 1 }] });
  const outcomes = { booked: 0, taken: 0, other: 0 };
  const ids: string[] = [];
  const t0 = performance.now();
  const latencies = await pool(citizens, connections, async (i) => {
    const r = await core.bookings.bookNextFree(
      { services: [{ id: "personalausweis", count: 1 }] },
      { contact: { name: `Citizen ${i}`, email: `citizen${i}@example.org` }, actor: { kind: "citizen", channel: "webchat" } },
    );
    if (r.ok) (outcomes.booked++, ids.push(r.appointment.id));
    else if (r.code === "SLOT_TAKEN") outcomes.taken++;
    else outcomes.other++;
  });
  return { outcomes, ids, latencies, seconds: (performance.now() - t0) / 1000 };
}

/** pgbench TPC-B on the same machine (32 clients, 8 s), for the ratio the goal refers to. */
function pgbench(): { pgbenchTps?: number } {
  if (spawnSync("pgbench", ["--version"]).status !== 0) return {};
  const url = new URL(BENCH_DATABASE_URL);
  const args = ["-h", url.hostname, "-p", url.port || "5432", "-U", url.username || "postgres"];
  const db = `ta_pgbench_${randomBytes(4).toString("hex")}`;
  try {
    execFileSync("createdb", [...args, db], { stdio: "ignore" });
    execFileSync("pgbench", [...args, "-i", "-s", "4", "-q", db], { stdio: "ignore" });
    const out = execFileSync("pgbench", [...args, "-c", "32", "-j", "2", "-T", "8", db], { encoding: "utf8" });
    const tps = /tps = ([\d.]+)/.exec(out);
    return tps ? { pgbenchTps: round(Number(tps[1]), 0) } : {};
  } catch {
    return {};
  } finally {
    spawnSync("dropdb", [...args, "--force", db], { stdio: "ignore" });
  }
}

export async function benchSlotSearch(kind: "postgres" | "pglite", searches = 400) {
  const raw = JSON.parse(JSON.stringify(loadCityConfig()));
  raw.bookingRules.horizonDays = 21;
  const config = parseCityConfig(raw);
  const db = await freshDatabase(kind, 8);
  try {
    const rows = await fillTo70Percent(db.sql, config);
    const queries = randomQueries(config, searches);
    const result: Record<string, number> = {};
    for (const [label, ttl] of [["cold", 0], ["warm", 2000]] as const) {
      const core: Core = createCore({ config, sql: db.sql, secret: "bench-secret-0123456789", now: () => NOW, occupancyTtlMs: ttl });
      const latencies = await pool(queries.length, 1, (i) => core.slots.search(queries[i]!).then(() => undefined));
      result[`${label}P50Ms`] = round(percentile(latencies, 50));
      result[`${label}P99Ms`] = round(percentile(latencies, 99));
    }
    return { name: "slot-search", database: kind, locations: config.locations.length, days: 21, occupancy: 0.7, appointments: rows, searches, ...result };
  } finally {
    await db.close();
  }
}

/** 15-minute appointments on 70 % of every counter's open time, written in bulk. */
async function fillTo70Percent(sql: import("postgres").Sql, config: ReturnType<typeof loadCityConfig>): Promise<number> {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows: Record<string, unknown>[] = [];
  for (let d = 0; d <= 21; d++) {
    const date = addDays("2026-11-23", d);
    const clock = dayClock(date, config.city.timezone);
    for (const loc of config.locations) {
      const pools = counterPools(config, loc);
      for (const w of openingWindows(config, loc, date)) {
        for (const counter of [...pools.online, ...pools.staff, ...pools.emergency]) {
          for (let m = w.from; m + 15 <= w.to; m += 15) {
            if (rand() >= 0.7) continue;
            const s = new Date(clock.instantOf(m)).toISOString();
            const e = new Date(clock.instantOf(m + 15)).toISOString();
            rows.push({
              id: crypto.randomUUID(), code: randomBytes(5).toString("hex"), token_hash: randomBytes(12).toString("hex"), status: "booked", active: true,
              location_id: loc.id, counter, during: `[${s},${e})`, local_date: date, services: sql.json([{ id: "personalausweis", count: 1 }]),
              channel: "webchat", pool: "online",
            });
          }
        }
      }
    }
  }
  for (let i = 0; i < rows.length; i += 2000) await sql`insert into appointment ${sql(rows.slice(i, i + 2000) as never)}`;
  await sql`analyze appointment`;
  return rows.length;
}

function randomQueries(config: ReturnType<typeof loadCityConfig>, n: number): SlotQuery[] {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pickOne = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const services = config.services.filter((s) => !s.requiresApproval);
  const dayParts = [[], [{ from: 360, to: 720 }], [{ from: 720, to: 1080 }], [{ from: 840, to: 1440 }], [{ from: 540, to: 540 }]];
  return Array.from({ length: n }, () => {
    const from = addDays("2026-11-23", Math.floor(rand() * 14));
    return {
      services: [((service) => ({ id: service.id, count: Math.min(service.maxCount, 1 + Math.floor(rand() * 2)) }))(pickOne(services))],
      locations: rand() < 0.5 ? [] : [pickOne(config.locations.slice(0, 10)).id],
      dateRanges: rand() < 0.7 ? [{ from, to: addDays(from, 6) }] : [],
      weekdays: rand() < 0.3 ? [1 + Math.floor(rand() * 5)] : [],
      timeRanges: pickOne(dayParts),
    } as SlotQuery;
  });
}
