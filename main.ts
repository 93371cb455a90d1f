/**
 * The composition root: configuration → database → core → channels → jobs.
 * Nothing imports this file; everything else receives its dependencies as parameters.
 */
import { join } from "node:path";
import { loadCityConfig } from "./core/config/load.ts";
import { openDatabase, type Database } from "./core/store/database.ts";
import { migrate } from "./core/store/migrate.ts";
import { createCore, type Core } from "./core/index.ts";
import { createLogger } from "./core/log.ts";
import { parse } from "./core/language/index.ts";
import { readMailSettings } from "./mail/mail-settings.ts";
import { startMailAssistant } from "./mail/start-mail-assistant.ts";
import { readCoreSettings, type CoreSettings, type Env } from "./settings.ts";

const log = createLogger("main");

export interface App {
  settings: CoreSettings;
  db: Database;
  core: Core;
  stop(): Promise<void>;
}

/** Open the database (PGlite in DATA_DIR unless DATABASE_URL is set), apply migrations, build the core. */
export async function openApp(env: Env): Promise<App> {
  const settings = readCoreSettings(env);
  const config = loadCityConfig(settings.cityConfigPath);
  const db = await openDatabase({ url: settings.databaseUrl, dataDir: settings.databaseUrl ? undefined : join(settings.dataDir, "pglite") });
  const applied = await migrate(db.sql);
  if (applied.length) log.info({ action: "migrated", applied }, "migrations applied");
  const core = createCore({ config, sql: db.sql, secret: settings.secret });
  return {
    settings,
    db,
    core,
    async stop() {
      await core.close();
      await db.close();
    },
  };
}

/** `npm start`: everything in one process. */
export async function startAll(env: Env): Promise<App> {
  const app = await openApp(env);
  const stops: (() => Promise<void>)[] = [];
  const mailSettings = readMailSettings(env);
  if (mailSettings) {
    const mail = startMailAssistant({ core: app.core, parse, settings: mailSettings, publicUrl: app.settings.publicUrl });
    stops.push(() => mail.stop());
  }
  log.info({ action: "started", database: app.db.kind, port: app.settings.port, mail: !!mailSettings }, "Terminassistent started");
  return {
    ...app,
    async stop() {
      for (const stop of stops.reverse()) await stop();
      await app.stop();
    },
  };
}
