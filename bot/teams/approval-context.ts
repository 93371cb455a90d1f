/**
 * What the Teams approval parts share, built once from the core: the stores of migration 025,
 * the German formatter in the city's time zone, and the approvers' location rights.
 */
import type { Actor } from "../../core/bookings/types.ts";
import type { Core } from "../../core/core.ts";
import { createLogger, type Logger } from "../../core/log.ts";
import { createFormatter, type Formatter } from "../staff/format.ts";
import { createApprovalCardStore, type ApprovalCardStore } from "./approval-card.store.ts";
import type { TeamsSettings } from "./settings.ts";
import { createStaffChannelStore, type StaffChannelStore } from "./staff-channel.store.ts";

export interface ApprovalContext {
  core: Core;
  settings: TeamsSettings;
  channels: StaffChannelStore;
  cards: ApprovalCardStore;
  fmt: Formatter;
  log: Logger;
}

export function createApprovalContext(core: Core, settings: TeamsSettings, log: Logger = createLogger("teams")): ApprovalContext {
  return {
    core,
    settings,
    channels: createStaffChannelStore(core.sql),
    cards: createApprovalCardStore(core.sql),
    fmt: createFormatter(core.config),
    log,
  };
}

/** The deciding staff member as the core records it: their Entra object id, rights from configuration. */
export function staffActor(ctx: ApprovalContext, from: { id: string; aadObjectId?: string }): Actor {
  return { kind: "staff", staffId: from.aadObjectId ?? from.id, locations: ctx.settings.approverLocations };
}
