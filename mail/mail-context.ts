/** What the mail handlers need; built once by startMailAssistant. */
import type { Sql } from "postgres";
import type { Core } from "../core/core.ts";
import type { CityConfig } from "../core/config/schema.ts";
import type { ParseResult } from "../core/language/types.ts";
import type { Logger } from "../core/log.ts";
import type { Waitlist } from "../core/waitlist/types.ts";
import type { MailSettings } from "./mail-settings.ts";

/** The German request parser (core/language): `parse(text, now, timezone, config)`. */
export type ParseFn = (text: string, now: Date, timezone: string, config: CityConfig) => ParseResult;

export interface MailContext {
  core: Core;
  sql: Sql;
  parse: ParseFn;
  settings: MailSettings;
  log: Logger;
  /** The waiting list; null = no-fit answers do not offer it. */
  waitlist: Waitlist | null;
  /** Base of the citizen's links (core/links.ts), e.g. the wish page. */
  publicUrl: string;
  /** Called after a transaction enqueued mail, so the sender does not wait for its next poll. */
  wakeSender(): void;
}

export function serviceNames(config: CityConfig, services: { id: string; count: number }[]): string[] {
  return services.map((s) => {
    const name = config.services.find((c) => c.id === s.id)?.name ?? s.id;
    return s.count > 1 ? `${s.count} × ${name}` : name;
  });
}

export function locationName(config: CityConfig, locationId: string): string {
  return config.locations.find((l) => l.id === locationId)?.name ?? locationId;
}

export function needsApproval(config: CityConfig, services: { id: string }[]): boolean {
  return services.some((s) => config.services.find((c) => c.id === s.id)?.requiresApproval === true);
}
