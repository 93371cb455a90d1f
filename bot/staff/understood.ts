/**
 * A readable German summary of the understood request the chat or mailbox stored with a
 * suggestion. The shape is the channels' (`BookingRequest`), so every field is checked, not trusted.
 */
import type { Formatter } from "./format.ts";

const WEEKDAYS = ["", "Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];

const hhmm = (m: unknown) => (typeof m === "number" && m >= 0 && m <= 1440 ? `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}` : "?");
const dmy = (d: unknown) => (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}` : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Pairs of German label and value; empty when nothing usable was stored. */
export function describeUnderstood(understood: unknown, fmt: Formatter): [string, string][] {
  if (!understood || typeof understood !== "object") return [];
  const u = understood as Record<string, unknown>;
  const out: [string, string][] = [];
  const services = arr(u.services).filter((s): s is { id: string; count: number } => !!s && typeof (s as { id?: unknown }).id === "string");
  if (services.length) out.push(["Anliegen", fmt.services(services.map((s) => ({ id: s.id, count: Number(s.count) || 1 })))]);
  const locations = arr(u.locations).filter((l): l is string => typeof l === "string");
  out.push(["Standorte", locations.length ? locations.map(fmt.location).join(", ") : "beliebig"]);
  const ranges = arr(u.dateRanges).map((r) => {
    const { from, to } = (r ?? {}) as { from?: unknown; to?: unknown };
    return `${dmy(from) ?? "?"} – ${dmy(to) ?? "offen"}`;
  });
  if (ranges.length) out.push(["Zeitraum", ranges.join("; ")]);
  const weekdays = arr(u.weekdays).filter((d): d is number => typeof d === "number" && d >= 1 && d <= 7);
  if (weekdays.length) out.push(["Wochentage", weekdays.map((d) => WEEKDAYS[d]).join(", ")]);
  const times = arr(u.timeRanges).map((r) => `${hhmm((r as { from?: unknown })?.from)}–${hhmm((r as { to?: unknown })?.to)} Uhr`);
  if (times.length) out.push(["Uhrzeit", times.join("; ")]);
  if (u.urgent === true) out.push(["Dringend", "ja"]);
  return out;
}
