/**
 * The only reader of process.env: turns the environment into typed settings for every part.
 * Channels export their own `readXxxSettings(env)`; this file calls them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { z } from "zod";
import { DEMO_CITY_PATH } from "./core/config/load.ts";

export type Env = Record<string, string | undefined>;

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("data"),
  CITY_CONFIG: z.string().default(DEMO_CITY_PATH),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default("127.0.0.1"),
  PUBLIC_URL: z.string().url().optional(),
  TERMINASSISTENT_SECRET: z.string().min(16, "TERMINASSISTENT_SECRET must have at least 16 characters").optional(),
  NODE_ENV: z.string().default("development"),
});

export interface CoreSettings {
  databaseUrl: string | undefined;
  dataDir: string;
  cityConfigPath: string;
  port: number;
  host: string;
  publicUrl: string;
  secret: string;
  production: boolean;
}

export function readCoreSettings(env: Env): CoreSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n  - ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n  - ")}`);
  }
  const s = parsed.data;
  const production = s.NODE_ENV === "production";
  const dataDir = resolve(s.DATA_DIR);
  return {
    databaseUrl: s.DATABASE_URL,
    dataDir,
    cityConfigPath: resolve(s.CITY_CONFIG),
    port: s.PORT,
    host: s.HOST,
    publicUrl: (s.PUBLIC_URL ?? `http://localhost:${s.PORT}`).replace(/\/$/, ""),
    secret: s.TERMINASSISTENT_SECRET ?? embeddedSecret(dataDir, production),
    production,
  };
}

/** The embedded default keeps a generated secret beside its data; production must set one. */
function embeddedSecret(dataDir: string, production: boolean): string {
  if (production) throw new Error("TERMINASSISTENT_SECRET must be set when NODE_ENV=production");
  const file = join(dataDir, "secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
