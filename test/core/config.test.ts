import { describe, expect, it } from "vitest";
import { ConfigError, loadCityConfig, parseCityConfig } from "../../core/config/load.ts";

const demo = () => JSON.parse(JSON.stringify(loadCityConfig()));

describe("city configuration", () => {
  it("ships a valid demo city with 11 locations and the 20 catalogue services", () => {
    const config = loadCityConfig();
    expect(config.locations.map((l) => l.id)).toEqual([
      "mitte", "aplerbeck", "brackel", "eving", "hoerde", "hombruch", "huckarde", "luetgendortmund", "mengede", "scharnhorst", "standesamt",
    ]);
    expect(config.services).toHaveLength(20);
    expect(config.services.filter((s) => s.requiresApproval).map((s) => s.id)).toContain("eheschliessung");
  });

  it.each([
    ["a service duration off the 5-minute grid", (c: any) => (c.services[0].durationMinutes = 7), "services[0].durationMinutes"],
    ["an unknown service at a location", (c: any) => (c.locations[1].services = ["zauberei"]), "locations[1].services[0]"],
    ["opening hours that end before they start", (c: any) => (c.locations[0].openingHours.mon = [["16:00", "08:00"]]), "locations[0].openingHours.mon[0]"],
    ["a malformed release time", (c: any) => (c.bookingRules.releaseTime = "7 Uhr"), "bookingRules.releaseTime"],
    ["shares above 100 %", (c: any) => (c.bookingRules.emergencyShare = 0.5), "bookingRules.emergencyShare"],
    ["a duplicate location id", (c: any) => c.locations.push(c.locations[0]), "locations"],
    ["an unknown field", (c: any) => (c.bookingRules.horizont = 3), "bookingRules"],
  ])("rejects %s and names the field", (_name, mutate, path) => {
    const config = demo();
    mutate(config);
    let error: unknown;
    try {
      parseCityConfig(config);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.some((i) => i.startsWith(path))).toBe(true);
  });

  it("explains an unreadable file in German and English", () => {
    expect(() => loadCityConfig("/nonexistent/city.json")).toThrow(/Cannot read city configuration .* Konfiguration nicht lesbar/);
  });
});
