/**
 * waitlist-match: 10,000 open wishes, 500 appointments cancelled and past their delay at once.
 * Measures the time until every freed slot is offered (held) to the earliest matching wish, with
 * `workers` job runners claiming cancellations in parallel (FOR UPDATE SKIP LOCKED), then checks
 * that no slot was offered twice and that no earlier open wish would have matched an offered slot.
 */
import { randomBytes } from "node:crypto";
import type { Sql } from "postgres";
import { createCore, loadCityConfig, type CityConfig } from "../core/index.ts";
import { createWaitlist } from "../core/waitlist/waitlist.ts";
import { freeSlots } from "../core/jobs/free-slots.ts";
import { DEFAULT_JOBS_SETTINGS } from "../core/jobs/settings.ts";
import { isoWeekday, localDate, localMinutes } from "../core/calendar/time.ts";
import { freshDatabase, round, serverAvailable } from "./support.ts";

const NOW = new Date("2026-11-23T09:00:00Z"); // Monday 10:00 in Berlin
const SERVICES = ["personalausweis", "reisepass", "anmeldung", "kinderreisepass"];
/** The cancelled appointments are single Personalausweis bookings. */
const FREED_MINUTES = 15;

export async function benchWaitlistMatch(kind?: "postgres" | "pglite", options: { wishes?: number; slots?: number; workers?: number } = {}): Promise<object> {
  const db = await freshDatabase(kind ?? ((await serverAvailable()) ? "postgres" : "pglite"));
  const wishes = options.wishes ?? 10_000;
  const slots = options.slots ?? 500;
  const workers = db.kind === "pglite" ? 1 : (options.workers ?? 4);
  try {
    const config = loadCityConfig();
    const secret = randomBytes(16).toString("hex");
    const core = createCore({ config, sql: db.sql, secret, now: () => NOW });
    const waitlist = createWaitlist({ core, secret, offerHours: 24, minOfferMinutes: 60 });
    await seedWishes(db.sql, config, wishes);
    const booked = await bookAndCancel(core, slots);
    await db.sql`analyze`; // as autovacuum would after a bulk of registrations
    const deps = { core, waitlist, settings: DEFAULT_JOBS_SETTINGS };
    const t0 = performance.now();
    const runs = await Promise.all(Array.from({ length: workers }, () => freeSlots({ now: NOW }, deps)));
    const ms = performance.now() - t0;
    const check = await verify(db.sql, config);
    return {
      name: "waitlist-match", db: db.kind, wishes, slotsFreed: booked, workers, ms: round(ms, 0),
      released: runs.reduce((n, r) => n + Number(r.cancellationsReleased), 0),
      offered: check.offered, unmatched: booked - check.offered, offeredTwice: check.duplicates, fifoViolations: check.violations,
      goalMs: 2000, withinGoal: ms <= 2000,
    };
  } finally {
    await db.close();
  }
}

/** Wishes with varied services, locations, weekdays and time windows; about a third take anything. */
async function seedWishes(sql: Sql, config: CityConfig, n: number): Promise<void> {
  const rng = seeded(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rng() * xs.length)]!;
  const rows = Array.from({ length: n }, (_, i) => {
    const service = pick(SERVICES);
    const offering = config.locations.filter((l) => l.services.includes(service)).map((l) => l.id);
    const open = rng() < 0.35;
    const from = 480 + 60 * Math.floor(rng() * 6);
    return {
      id: crypto.randomUUID(), token: randomBytes(12).toString("hex"), service,
      duration: config.services.find((s) => s.id === service)!.durationMinutes,
      locations: open ? "" : [pick(offering), pick(offering)].join(","),
      weekdays: open ? "" : [1 + Math.floor(rng() * 5), 1 + Math.floor(rng() * 5)].join(","),
      windows: open ? "" : `{[${from},${from + 180})}`,
      person: `p${i}`, email: `w${i}@example.org`,
    };
  });
  for (let i = 0; i < rows.length; i += 2000) {
    const c = rows.slice(i, i + 2000);
    await sql`
      insert into waitlist_wish (id, token_hash, status, services, service_ids, duration_minutes, locations, weekdays, time_windows,
        latest_date, channel, name, email, person_hash, created_at, updated_at)
      select id, tok, 'open', jsonb_build_array(jsonb_build_object('id', svc, 'count', 1)), array[svc], dur,
        coalesce(string_to_array(nullif(loc, ''), ','), '{}'), coalesce(string_to_array(nullif(wd, ''), ',')::smallint[], '{}'),
        nullif(tw, '')::int4multirange, '2026-12-31', 'mail', 'Bench', mail, person, ${NOW}, ${NOW}
      from unnest(${c.map((r) => r.id)}::uuid[], ${c.map((r) => r.token)}::text[], ${c.map((r) => r.service)}::text[], ${c.map((r) => r.duration)}::int[],
        ${c.map((r) => r.locations)}::text[], ${c.map((r) => r.weekdays)}::text[], ${c.map((r) => r.windows)}::text[], ${c.map((r) => r.email)}::text[],
        ${c.map((r) => r.person)}::text[]) with ordinality as t(id, tok, svc, dur, loc, wd, tw, mail, person, ord)
      order by ord`;
  }
}

/** Book `n` appointments spread over locations and days, then cancel them all with the delay already over. */
async function bookAndCancel(core: ReturnType<typeof createCore>, n: number): Promise<number> {
  const ids: string[] = [];
  const service = [{ id: "personalausweis", count: 1 }];
  for (let day = 1; ids.length < n && day <= 13; day++) {
    const date = localDate(new Date(NOW.getTime() + day * 86_400_000), core.config.city.timezone);
    for (const location of core.config.locations) {
      if (!location.services.includes("personalausweis") || ids.length >= n) continue;
      const { slots } = await core.slots.search({ services: service, locations: [location.id], dateRanges: [{ from: date, to: date }], limit: 12 });
      for (const slot of slots.slice(0, n - ids.length)) {
        const r = await core.bookings.book({ slot, services: service, contact: { name: "Bench", email: `b${ids.length}@example.org` }, actor: { kind: "staff", staffId: "bench", locations: "all" } });
        if (r.ok) ids.push(r.appointment.id);
      }
    }
  }
  await core.sql`update appointment set status = 'cancelled', release_at = ${NOW} where id = any(${ids}::uuid[])`;
  return ids.length;
}

/** Every offer is for a distinct slot, and no open wish registered earlier would have fitted it. */
async function verify(sql: Sql, config: CityConfig) {
  const offers = await sql<{ seq: string; location_id: string; starts_at: Date; appointment_id: string }[]>`
    select w.seq::text as seq, o.location_id, o.starts_at, o.appointment_id from waitlist_offer o join waitlist_wish w on w.id = o.wish_id`;
  const open = await sql<{ seq: string; service_ids: string[]; duration_minutes: number; locations: string[]; weekdays: number[]; time_windows: string | null }[]>`
    select seq::text as seq, service_ids, duration_minutes, locations, weekdays, time_windows::text as time_windows from waitlist_wish where status = 'open'`;
  const zone = config.city.timezone;
  const keys = new Set(offers.map((o) => `${o.location_id}|${o.starts_at.getTime()}`));
  let violations = 0;
  for (const o of offers) {
    const location = config.locations.find((l) => l.id === o.location_id)!;
    const date = localDate(o.starts_at, zone);
    const minute = localMinutes(o.starts_at, zone);
    const fits = (w: (typeof open)[number]) =>
      (!w.locations.length || w.locations.includes(o.location_id)) && w.service_ids.every((s) => location.services.includes(s)) && w.duration_minutes <= FREED_MINUTES &&
      (!w.weekdays.length || w.weekdays.map(Number).includes(isoWeekday(date))) &&
      (!w.time_windows || [...w.time_windows.matchAll(/\[(\d+),(\d+)\)/g)].some((m) => minute >= Number(m[1]) && minute < Number(m[2])));
    if (open.some((w) => BigInt(w.seq) < BigInt(o.seq) && fits(w))) violations++;
  }
  return { offered: offers.length, duplicates: offers.length - keys.size, violations };
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchWaitlistMatch()));
