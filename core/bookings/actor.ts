/** Who acts, as written to history and audit, and what a staff member may touch. */
import type { Actor } from "./types.ts";

export function actorLabel(actor: Actor): string {
  if (actor.kind === "staff") return `staff:${actor.staffId}`;
  if (actor.kind === "system") return `system:${actor.job}`;
  return `citizen:${actor.channel}`;
}

/** Staff act only on their own locations; jobs on all; citizens prove ownership by code or token instead. */
export function mayActOn(actor: Actor, locationId: string): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind === "staff") return actor.locations === "all" || actor.locations.includes(locationId);
  return false;
}
