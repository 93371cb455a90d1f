/**
 * `terminassistent approvals list | approve <id> [--slot <time>] [--location <id>] | reject <id> --message "…"`
 * Staff decisions on suggested bookings through the core's approvals API; the core enqueues the
 * confirmation or refusal, and the running mail assistant sends it.
 */
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import type { Core } from "../core/core.ts";
import type { Actor, Appointment } from "../core/bookings/types.ts";
import { serviceNames } from "./mail-context.ts";

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export interface ApprovalsDeps {
  core: Core;
  /** Recorded as the deciding staff member. */
  staffId?: string;
}

const USAGE = `Usage:
  terminassistent approvals list [--all]
  terminassistent approvals approve <id> [--slot YYYY-MM-DDTHH:MM] [--location ID]
  terminassistent approvals reject <id> --message "Text an die Bürgerin oder den Bürger"`;

function describe(core: Core, a: Appointment): string {
  const tz = core.config.city.timezone;
  const when = DateTime.fromISO(a.start, { setZone: true }).setZone(tz).toFormat("dd.MM.yyyy HH:mm");
  const who = a.contact ? `${a.contact.name} <${a.contact.email ?? "-"}>` : "-";
  const request = a.request?.text ? `\n    Anfrage: ${a.request.text.replace(/\s+/g, " ").slice(0, 200)}` : "";
  return `${a.id}  ${a.status.padEnd(9)} ${when}  ${a.locationId}  ${serviceNames(core.config, a.services).join(", ")}  ${who}${request}`;
}

/** "2026-12-01T09:00" is a wall-clock time in the city's zone; an instant with offset is taken as is. */
function slotInstant(value: string, timezone: string): string | null {
  const t = DateTime.fromISO(value, { zone: timezone });
  return t.isValid ? t.toISO() : null;
}

async function approve(id: string, values: { slot?: string; location?: string }, io: CommandIo, deps: ApprovalsDeps, actor: Actor): Promise<number> {
  const core = deps.core;
  let slot: { locationId: string; start: string } | undefined;
  if (values.slot) {
    const start = slotInstant(values.slot, core.config.city.timezone);
    const current = await core.bookings.get(id);
    if (!start || !current) return fail(io, start ? "NOT_FOUND" : "INVALID_DATE");
    slot = { locationId: values.location ?? current.locationId, start };
  }
  const r = await core.approvals.approve({ appointmentId: id, actor, ...(slot ? { slot } : {}) });
  if (!r.ok) return fail(io, r.code);
  io.out(`Bestätigt: ${describe(core, r.appointment)}`);
  return 0;
}

function fail(io: CommandIo, code: string): number {
  io.err(`Fehler: ${code}`);
  return 1;
}

export async function runApprovalsCommand(args: string[], io: CommandIo, deps: ApprovalsDeps): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { slot: { type: "string" }, location: { type: "string" }, message: { type: "string" }, all: { type: "boolean" } },
  });
  const [command, id] = positionals;
  const actor: Actor = { kind: "staff", staffId: deps.staffId ?? "cli", locations: "all" };
  if (command === "list") {
    const list = await deps.core.approvals.list({ locations: "all", status: values.all ? "all" : "suggested" });
    if (list.length === 0) io.out("Keine offenen Anfragen.");
    for (const a of list) io.out(describe(deps.core, a));
    return 0;
  }
  if (command === "approve" && id) return approve(id, values, io, deps, actor);
  if (command === "reject" && id && values.message?.trim()) {
    const r = await deps.core.approvals.reject({ appointmentId: id, actor, message: values.message.trim() });
    if (!r.ok) return fail(io, r.code);
    io.out(`Abgelehnt: ${describe(deps.core, r.appointment)}`);
    return 0;
  }
  io.err(USAGE);
  return 2;
}
