import { describe, expect, it } from "vitest";
import { loadCityConfig, parseCityConfig } from "../../core/config/load.ts";
import { counterPools, isClosedDay, openingWindows } from "../../core/calendar/opening.ts";
import { easterSunday, holidaysNW } from "../../core/calendar/holidays.ts";
import { dayClock } from "../../core/calendar/day-clock.ts";
import { freeStarts } from "../../core/slots/free-starts.ts";
import { localDate, localMinutes } from "../../core/calendar/time.ts";

const config = loadCityConfig();
const mitte = config.locations.find((l) => l.id === "mitte")!;

describe("calendar", () => {
  it("knows the NRW public holidays of 2026 and 2027", () => {
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(holidaysNW(2026)).toEqual([
      "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-06-04", "2026-10-03", "2026-11-01", "2026-12-25", "2026-12-26",
    ]);
    expect(easterSunday(2027)).toBe("2027-03-28");
  });

  it("closes on holidays, 24.12. and 31.12., and opens by weekday", () => {
    expect(isClosedDay(config, "2026-12-24")).toBe(true);
    expect(isClosedDay(config, "2026-12-31")).toBe(true);
    expect(openingWindows(config, mitte, "2026-12-25")).toEqual([]);
    expect(openingWindows(config, mitte, "2026-11-26")).toEqual([{ from: 480, to: 1080 }]); // Thursday 08–18
    expect(openingWindows(config, mitte, "2026-11-29")).toEqual([]); // Sunday
  });

  it("splits counters into online, staff-only and emergency pools", () => {
    expect(counterPools(config, mitte)).toEqual({ online: [1, 2, 3, 4, 5, 6], staff: [7], emergency: [8] });
    const eving = config.locations.find((l) => l.id === "eving")!;
    expect(counterPools(config, eving)).toEqual({ online: [1, 2], staff: [3], emergency: [] });
  });

  it.each([
    ["2026-03-29", "2026-03-29T06:00:00.000Z"], // spring forward: 08:00 CEST
    ["2026-10-25", "2026-10-25T07:00:00.000Z"], // fall back: 08:00 CET
    ["2026-03-28", "2026-03-28T07:00:00.000Z"],
  ])("maps wall-clock minutes to instants on %s", (date, eight) => {
    const clock = dayClock(date, "Europe/Berlin");
    expect(new Date(clock.instantOf(480)).toISOString()).toBe(eight);
    expect(clock.minuteOf(clock.instantOf(17 * 60 + 55))).toBe(17 * 60 + 55);
  });

  it.each([
    ["2026-03-29T00:59:00Z", "2026-03-29", 1 * 60 + 59], // 01:59 CET
    ["2026-03-29T01:00:00Z", "2026-03-29", 3 * 60], // 03:00 CEST: the hour 02:00 does not exist
    ["2026-10-25T00:59:00Z", "2026-10-25", 2 * 60 + 59], // 02:59 CEST
    ["2026-10-25T01:00:00Z", "2026-10-25", 2 * 60], // 02:00 CET again
    ["2026-12-31T23:30:00Z", "2027-01-01", 30], // New Year in Berlin while UTC is still in 2026
  ])("reads the local date and time of %s across DST and the year end", (instant, date, minutes) => {
    expect(localDate(new Date(instant), "Europe/Berlin")).toBe(date);
    expect(localMinutes(new Date(instant), "Europe/Berlin")).toBe(minutes);
  });

  it("generates slots on the DST Sundays at the right instants for a location open on Sundays", () => {
    const raw = JSON.parse(JSON.stringify(config));
    raw.locations[0].openingHours.sun = [["08:00", "09:00"]];
    const sundayCity = parseCityConfig(raw);
    for (const [date, first] of [["2026-03-29", "2026-03-29T06:00:00.000Z"], ["2026-10-25", "2026-10-25T07:00:00.000Z"]] as const) {
      const windows = openingWindows(sundayCity, sundayCity.locations[0]!, date);
      const clock = dayClock(date, "Europe/Berlin");
      const starts = freeStarts(windows, [], [1], 15, clock, 0, 0);
      expect(starts).toHaveLength(10); // 08:00, 08:05 … 08:45
      expect(starts[0]).toBe(480);
      expect(starts.at(-1)).toBe(525); // last 15-minute start before 09:00
      expect(new Date(clock.instantOf(starts[0]!)).toISOString()).toBe(first);
    }
  });

  it("needs the whole duration free on one counter (multi-service appointments)", () => {
    const clock = dayClock("2026-11-24", "Europe/Berlin");
    const at = (m: number) => clock.instantOf(m);
    const busy = [
      { counter: 1, start: at(495), end: at(510), expiresAt: null }, // 08:15–08:30 on counter 1
      { counter: 2, start: at(480), end: at(490), expiresAt: null }, // 08:00–08:10 on counter 2
    ];
    const windows = [{ from: 480, to: 540 }];
    // 30 minutes (2 × Personalausweis): counter 1 is free 08:30–09:00, counter 2 from 08:10.
    expect(freeStarts(windows, busy, [1, 2], 30, clock, 0, 0)).toEqual([490, 495, 500, 505, 510]);
    // An expired hold blocks nothing.
    const expired = [{ counter: 1, start: at(480), end: at(540), expiresAt: 1 }];
    expect(freeStarts(windows, expired, [1], 60, clock, 0, 2)).toEqual([480]);
  });
});
