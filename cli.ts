/**
 * `terminassistent <command>`: the admin's entry point (package bin, runs TypeScript via tsx).
 */
import { parseArgs } from "node:util";
import { ConfigError, loadCityConfig } from "./core/config/load.ts";
import { runParseCommand } from "./core/language/index.ts";
import { readCoreSettings } from "./settings.ts";
import type { ServiceRequest } from "./core/index.ts";

// The server stack (restify, botbuilder, mail) loads only for the commands that need it, so
// `parse` and `telegram` start fast and print nothing but their answer.
const openApp: typeof import("./main.ts").openApp = async (env) => (await import("./main.ts")).openApp(env);

const HELP = `Terminassistent – Terminvergabe für Bürgerbüros

Usage: terminassistent <command> [options]

  start                       run everything (web chat, bot endpoint, mailbox, jobs)
  chat                        talk to the assistant in this terminal
  jobs [--once [--force]]     run the background jobs alone (release, reminders, waiting list, retention)
  slots --service ID [--count N] [--location ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--json]
                              next free slots
  parse "text" [--now ISO] [--timezone Europe/Berlin]
                              what the assistant understands, as JSON (schema v1)
  parse --jsonl               JSON lines {"id","text","now","timezone"} on stdin → one result line each
  approvals list [--all] | approve <id> [--slot "YYYY-MM-DD HH:MM" --location ID] | reject <id> --message "…"
                              staff decisions on suggested bookings (e.g. Standesamt)
  staff add <name> --role clerk|admin [--locations a,b] | list | disable <name> | password <name>
                              staff console accounts (password prompted, or --password-stdin)
  telegram set-webhook [--url URL] [--drop-pending] | delete-webhook | info
                              Telegram bot webhook (TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET)
  migrate                     apply database migrations and exit

Environment: DATABASE_URL (default: embedded PGlite in DATA_DIR=./data), CITY_CONFIG (default: demo city), PORT (3978).
`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  async start() {
    const { startAll } = await import("./main.ts");
    const app = await startAll(process.env);
    console.error(`Terminassistent läuft: ${app.url}`);
    const stop = async () => {
      await app.stop();
      process.exit(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    return new Promise<number>(() => {});
  },

  async parse(args) {
    const config = loadCityConfig(readCoreSettings({ ...process.env, TERMINASSISTENT_SECRET: "not-needed-for-parsing" }).cityConfigPath);
    return runParseCommand(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, config);
  },

  async approvals(args) {
    const { runApprovalsCommand } = await import("./mail/approvals-command.ts");
    const app = await openApp(process.env);
    try {
      return await runApprovalsCommand(args, { out: (s) => console.log(s), err: (s) => console.error(s) }, { core: app.core });
    } finally {
      await app.stop();
    }
  },

  async chat() {
    const [{ createChatBot }, { runTerminalChat }] = await Promise.all([import("./main.ts"), import("./bot/terminal-chat.ts")]);
    const app = await openApp(process.env);
    try {
      await runTerminalChat({ bot: createChatBot(app), sql: app.db.sql, cityName: app.core.config.city.name }, { input: process.stdin, output: process.stdout });
      return 0;
    } finally {
      await app.stop();
    }
  },

  async jobs(args) {
    const { runJobsCommand } = await import("./core/jobs/scheduler.ts");
    const app = await openApp(process.env);
    const abort = new AbortController();
    process.once("SIGINT", () => abort.abort());
    process.once("SIGTERM", () => abort.abort());
    try {
      return await runJobsCommand(args, { stdout: process.stdout, stderr: process.stderr, signal: abort.signal }, { core: app.core, waitlist: app.waitlist, settings: app.jobsSettings });
    } finally {
      await app.stop();
    }
  },

  async staff(args) {
    const { runStaffCommand, terminalStaffIo } = await import("./bot/staff/staff-console.ts");
    const app = await openApp(process.env);
    try {
      return await runStaffCommand(args, terminalStaffIo(), { sql: app.db.sql, config: app.core.config });
    } finally {
      await app.stop();
    }
  },

  async telegram(args) {
    const [{ runTelegramCommand }, { readTelegramSettings }] = await Promise.all([
      import("./bot/telegram/telegram-command.ts"), import("./bot/telegram/settings.ts"),
    ]);
    return runTelegramCommand(args, { out: (s) => console.log(s), err: (s) => console.error(s) }, { settings: readTelegramSettings(process.env) });
  },

  async migrate() {
    const app = await openApp(process.env);
    await app.stop();
    console.log("Migrations applied.");
    return 0;
  },

  async slots(args) {
    const { values } = parseArgs({
      args,
      options: {
        service: { type: "string", multiple: true },
        count: { type: "string" },
        location: { type: "string", multiple: true },
        from: { type: "string" },
        to: { type: "string" },
        limit: { type: "string" },
        json: { type: "boolean" },
      },
    });
    if (!values.service?.length) return usage("slots needs --service <id>");
    const count = Number(values.count ?? 1);
    const services: ServiceRequest[] = values.service.map((id) => ({ id, count }));
    const app = await openApp(process.env);
    try {
      const result = await app.core.slots.search({
        services,
        locations: values.location,
        dateRanges: values.from || values.to ? [{ from: values.from ?? "0000-01-01", to: values.to ?? null }] : undefined,
        limit: Number(values.limit ?? 5),
      });
      if (values.json) console.log(JSON.stringify(result, null, 2));
      else if (!result.slots.length) console.log(`Keine freien Termine (${result.explanation?.reason}). Nächste Freigabe: ${result.explanation?.nextRelease}`);
      else for (const s of result.slots) console.log(`${s.start}  ${s.locationId}  (${s.durationMinutes} min)`);
      return 0;
    } finally {
      await app.stop();
    }
  },
};

function usage(message?: string): number {
  if (message) console.error(message + "\n");
  console.error(HELP);
  return 2;
}

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(HELP);
    return 0;
  }
  const command = commands[name];
  if (!command) return usage(`Unknown command: ${name}`);
  try {
    return await command(args);
  } catch (err) {
    if (err instanceof ConfigError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error((err as Error).message);
      return 2;
    }
    if ((err as { code?: string }).code && (err as Error).name === "CoreError") {
      console.error(`${(err as { code: string }).code}: ${(err as Error).message}`);
      return 2;
    }
    throw err;
  }
}

process.exitCode = await run(process.argv.slice(2));
