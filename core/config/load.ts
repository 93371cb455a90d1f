import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cityConfigSchema, type CityConfig } from "./schema.ts";

export const DEMO_CITY_PATH = fileURLToPath(new URL("./demo-city.json", import.meta.url));

/** Thrown for an unreadable or invalid configuration; `issues` name each bad field. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Validate a parsed configuration object; returns a frozen config or throws ConfigError. */
export function parseCityConfig(raw: unknown, source = "configuration"): CityConfig {
  const result = cityConfigSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    throw new ConfigError(`Invalid city configuration in ${source} / Ungültige Stadtkonfiguration:\n  - ${issues.join("\n  - ")}`, issues);
  }
  return deepFreeze(result.data);
}

export function loadCityConfig(path: string = DEMO_CITY_PATH): CityConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new ConfigError(`Cannot read city configuration ${path} / Konfiguration nicht lesbar: ${(err as Error).message}`, []);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`City configuration ${path} is not valid JSON / kein gültiges JSON: ${(err as Error).message}`, []);
  }
  return parseCityConfig(raw, path);
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") || "(root)";
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
