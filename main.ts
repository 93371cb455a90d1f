/**
 * The composition root: configuration → database → core → channels → jobs.
 * Nothing imports this file; everything else receives its dependencies as parameters.
 */
import { join } from "node:path";
import { ConversationState, UserState } from "botbuilder";
import { loadCityConfig } from "./core/config/load.ts";
import { openDatabase, type Database } from "./core/store/database.ts";
import { migrate } from "./core/store/migrate.ts";
import { createCore, type Core } from "./core/index.ts";
import { createLogger } from "./core/log.ts";
import { appointmentLinks, waitlistLinks } from "./core/links.ts";
import { parse } from "./core/language/index.ts";
import { createChatNotificationRenderer, createDialogBot, type DialogLinks } from "./dialogs/index.ts";
import { PgStorage } from "./bot/pg-storage.ts";
import { createHttpServer, type HttpServer, type ProactiveChannel } from "./bot/server.ts";
import { readBotSettings } from "./bot/settings.ts";
import { createChatNotifier } from "./bot/chat-notifier.ts";
import { mountStaffConsole, readStaffSettings } from "./bot/staff/staff-console.ts";
import { mountTelegram } from "./bot/telegram/webhook.route.ts";
import { readTelegramSettings } from "./bot/telegram/settings.ts";
import { azureTelegramCards } from "./bot/telegram/azure-telegram.ts";
import { withTeams } from "./bot/teams/teams-bot.ts";
import { readTeamsSettings } from "./bot/teams/settings.ts";
import { createApprovalContext } from "./bot/teams/approval-context.ts";
import { createApprovalPoster } from "./bot/teams/approval-poster.ts";
import { readMailSettings } from "./mail/mail-settings.ts";
import { startMailAssistant } from "./mail/start-mail-assistant.ts";
import { mountCitizenPages } from "./bot/citizen/citizen-pages.ts";
import { createWaitlist } from "./core/waitlist/waitlist.ts";
import type { Waitlist } from "./core/waitlist/types.ts";
import { readJobsSettings, type JobsSettings } from "./core/jobs/settings.ts";
import { startJobs } from "./core/jobs/scheduler.ts";
import { readCoreSettings, type CoreSettings, type Env } from "./settings.ts";

const log = createLogger("main");

export interface App {
  settings: CoreSettings;
  jobsSettings: JobsSettings;
  db: Database;
  core: Core;
  waitlist: Waitlist;
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
  const jobsSettings = readJobsSettings(env);
  const waitlist = createWaitlist({
    core, secret: settings.secret, publicUrl: settings.publicUrl, offerHours: jobsSettings.offerHours, minOfferMinutes: jobsSettings.minOfferMinutes,
  });
  return {
    settings,
    jobsSettings,
    db,
    core,
    waitlist,
    async stop() {
      await core.close();
      await db.close();
    },
  };
}

export function dialogLinks(publicUrl: string): DialogLinks {
  return {
    icsUrl: (_id, token) => appointmentLinks(publicUrl, token).ics,
    cancelUrl: (token) => appointmentLinks(publicUrl, token).cancel,
    wishUrl: (token) => waitlistLinks(publicUrl).wish(token),
    offerUrl: (token) => waitlistLinks(publicUrl).offer(token),
  };
}

/** The chat bot as every chat channel runs it: dialogs over the Postgres-backed state. */
export function createChatBot(app: App) {
  const storage = new PgStorage(app.db.sql);
  const config = app.core.config;
  return createDialogBot({
    core: app.core,
    parse: (text, now) => parse(text, now, config.city.timezone, config),
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    links: dialogLinks(app.settings.publicUrl),
    waitlist: app.waitlist,
  });
}

/** `npm start`: everything in one process. */
export async function startAll(env: Env): Promise<App & { http: HttpServer; url: string }> {
  const app = await openApp(env);
  const stops: (() => Promise<void>)[] = [];
  try {
    const botSettings = readBotSettings(env);
    const teamsSettings = readTeamsSettings(env);
    const approvals = createApprovalContext(app.core, teamsSettings);
    const bot = withTeams(createChatBot(app), approvals);
    const channels: ProactiveChannel[] = [];
    const http = createHttpServer({ core: app.core, bot, settings: botSettings, sql: app.db.sql, channels, teams: teamsSettings });
    stops.push(() => http.close());
    http.cloudAdapter?.use(azureTelegramCards);
    mountStaffConsole(http.server, { core: app.core, sql: app.db.sql, settings: readStaffSettings(env) });
    mountCitizenPages(http.server, { core: app.core, waitlist: app.waitlist, secret: app.settings.secret, publicUrl: app.settings.publicUrl, trustProxy: botSettings.trustProxy });
    if (app.jobsSettings.enabled) {
      const jobs = startJobs({ core: app.core, waitlist: app.waitlist, settings: app.jobsSettings });
      stops.push(() => jobs.stop());
    }
    const telegram = readTelegramSettings(env);
    if (telegram) channels.push(mountTelegram(http.server, { settings: telegram, bot, sql: app.db.sql, conversationRefs: http.conversationRefs }).channel);
    if (http.cloudAdapter && botSettings.microsoftApp) {
      stops.push(createApprovalPoster({ ctx: approvals, adapter: http.cloudAdapter, appId: botSettings.microsoftApp.id }).start());
    }
    const render = createChatNotificationRenderer(app.core, dialogLinks(app.settings.publicUrl));
    const notifier = createChatNotifier({ sql: app.db.sql, refs: http.conversationRefs, deliver: http.deliver, render, now: app.core.now });
    stops.push(notifier.start());
    const mailSettings = readMailSettings(env);
    if (mailSettings) {
      const mail = startMailAssistant({ core: app.core, parse, settings: mailSettings, publicUrl: app.settings.publicUrl, waitlist: app.waitlist });
      stops.push(() => mail.stop());
    }
    const { url } = await http.listen(app.settings.port, app.settings.host);
    log.info({ action: "started", database: app.db.kind, url, mail: !!mailSettings, telegram: !!telegram, teams: !!botSettings.microsoftApp }, "Terminassistent started");
    return {
      ...app,
      http,
      url,
      async stop() {
        for (const stop of stops.reverse()) await stop();
        await app.stop();
      },
    };
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await app.stop();
    throw err;
  }
}
