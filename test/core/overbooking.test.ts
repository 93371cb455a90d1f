/**
 * Overbooking only where the measured no-show rate is above the threshold: one extra appointment
 * per hour per virtual counter, at most `hardCapPerDay` per location and day, enforced by the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { openTestDb, type TestDb } from "../support/db.ts";
import { loadCityConfig, parseCityConfig } from "../../core/config/load.ts";

const raw = JSON.parse(JSON.stringify(loadCityConfig()));
raw.bookingRules.overbooking = { enabled: true, extraPerHour: 1, noShowThreshold: 0.15, hardCapPerDay: 2 };
const config = parseCityConfig(raw);
const ausweis = [{ id: "personalausweis", count: 1 }];
const tuesday = [{ from: "2026-11-24", to: "2026-11-24" }];

describe("overbooking", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb({ kind: "pglite", config });
    // History: Eving 6 no-shows of 20 (30 %), Brackel 1 of 20 (5 %).
    for (const [location, noShows] of [["eving", 6], ["brackel", 1]] as const) {
      for (let i = 0; i < 20; i++) {
        const start = new Date(Date.UTC(2026, 9, 1 + i, 8));
        await db.sql`insert into appointment (id, code, token_hash, status, active, location_id, counter, during, local_date, services, channel, pool)
          values (${randomUUID()}, ${`H${location}${i}`}, ${randomUUID()}, ${i < noShows ? "no_show" : "attended"}, true, ${location}, 1,
            tstzrange(${start}, ${new Date(start.getTime() + 900_000)}), ${start.toISOString().slice(0, 10)}::date, '[]', 'webchat', 'online')`;
      }
    }
  });
  afterAll(async () => db?.close());

  const fill = async (locationId: string, start: string) => {
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await db.core.bookings.book({ slot: { locationId, start }, services: ausweis, contact: { name: `P${i}`, email: `p${i}-${locationId}@example.org` }, actor: { kind: "citizen", channel: "webchat" } }));
    }
    return results.map((r) => (r.ok ? r.appointment.counter : r.code));
  };

  it("adds one extra appointment per hour where no-shows are frequent, none where they are rare", async () => {
    // Eving has 2 online counters; the virtual counter 4 (after its 3 real ones) takes a third booking.
    expect(await fill("eving", "2026-11-24T09:00:00.000+01:00")).toEqual([1, 2, 4, "SLOT_TAKEN"]);
    expect(await fill("brackel", "2026-11-24T09:00:00.000+01:00")).toEqual([1, 2, 3, "SLOT_TAKEN"]);
    // Same hour, another start: the virtual counter already has its one appointment this hour.
    const sameHour = await db.core.slots.search({ services: ausweis, locations: ["eving"], dateRanges: tuesday, timeRanges: [{ from: 540, to: 540 }] });
    expect(sameHour.slots).toEqual([]);
  });

  it("stops at the daily hard cap, also in the database", async () => {
    expect(await fill("eving", "2026-11-24T10:00:00.000+01:00")).toEqual([1, 2, 4, "SLOT_TAKEN"]);
    expect(await fill("eving", "2026-11-24T11:00:00.000+01:00")).toEqual([1, 2, "SLOT_TAKEN", "SLOT_TAKEN"]);
    const [{ n }] = (await db.sql`select count(*)::int as n from appointment where overbook_hour is not null`) as unknown as [{ n: number }];
    expect(n).toBe(2);
    // A direct second insert into the same virtual hour is refused by the unique index.
    const [row] = await db.sql`select location_id, counter, overbook_hour, local_date from appointment where overbook_hour is not null limit 1`;
    await expect(db.sql`insert into appointment (id, code, token_hash, status, active, location_id, counter, during, local_date, services, channel, pool, overbook_hour)
      values (${randomUUID()}, 'ZZZ-ZZZ', ${randomUUID()}, 'booked', true, ${row!.location_id}, ${row!.counter},
        tstzrange('2026-11-24T09:40:00+01:00', '2026-11-24T09:55:00+01:00'), ${row!.local_date}, '[]', 'webchat', 'online', ${row!.overbook_hour})`).rejects.toMatchObject({ code: "23505" });
  });
});
