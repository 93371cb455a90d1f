/**
 * One logger vocabulary for every part: `msg`, `action`, `code`, plus ids.
 * Never log names, e-mail addresses or message text (DSGVO); log ids and codes.
 */
import { pino, type Logger } from "pino";

// Logs go to stderr: stdout belongs to CLI output such as `slots --json`.
const root = pino(
  {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" || process.env.VITEST ? "silent" : "info"),
  base: undefined,
  redact: { paths: ["email", "name", "phone", "text", "*.email", "*.name", "*.phone", "*.text"], censor: "[redacted]" },
  },
  pino.destination(2),
);

export function createLogger(name: string): Logger {
  return root.child({ component: name });
}

export type { Logger };
