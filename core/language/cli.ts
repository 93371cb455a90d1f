// `terminassistent parse`: one request as pretty JSON, or JSON lines from stdin (--jsonl).
import { createInterface } from "node:readline";
import { parse } from "./parse.ts";
import type { LanguageConfig } from "./types.ts";

interface Io { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }

const USAGE = 'usage: parse "text" [--now 2026-11-23T10:00:00+01:00] [--timezone Europe/Berlin] | parse --jsonl';

function readOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline ? inline.slice(name.length + 1) : i >= 0 ? args[i + 1] : undefined;
}

function toInstant(value: unknown, fallback: () => Date): Date | null {
  if (value === undefined || value === null || value === "") return fallback();
  const d = new Date(String(value));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The CLI is the one place allowed to read the clock: "now" defaults to the current time. */
const currentTime = (): Date => new Date();

async function runJsonl(io: Io, config: LanguageConfig): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    let out: Record<string, unknown>;
    try {
      const row = JSON.parse(line) as { id?: unknown; text?: unknown; now?: unknown; timezone?: unknown };
      if (row === null || typeof row !== "object" || typeof row.text !== "string") throw new Error("expected an object with a string \"text\"");
      const now = toInstant(row.now, currentTime);
      if (!now) throw new Error(`invalid "now": ${String(row.now)}`);
      const timeZone = typeof row.timezone === "string" && row.timezone ? row.timezone : "Europe/Berlin";
      out = { id: row.id ?? null, ...parse(row.text, now, timeZone, config) };
    } catch (err) {
      let id: unknown = null;
      try {
        id = (JSON.parse(line) as { id?: unknown })?.id ?? null;
      } catch {
        id = null;
      }
      out = { id, error: err instanceof Error ? err.message : String(err) };
    }
    io.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return 0;
}

export async function runParseCommand(args: string[], io: Io, config: LanguageConfig): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.includes("--jsonl")) return runJsonl(io, config);
  const valueFlags = new Set(["--now", "--timezone"]);
  const positional = args.filter((a, i) => !a.startsWith("--") && !valueFlags.has(args[i - 1] ?? ""));
  const text = positional.join(" ");
  if (!text) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const now = toInstant(readOption(args, "--now"), currentTime);
  if (!now) {
    io.stderr.write(`invalid --now value; expected ISO 8601 like 2026-11-23T10:00:00+01:00\n`);
    return 2;
  }
  const timeZone = readOption(args, "--timezone") ?? "Europe/Berlin";
  io.stdout.write(`${JSON.stringify(parse(text, now, timeZone, config), null, 2)}\n`);
  return 0;
}
