/**
 * The staff console under /staff on the shared restify server: sign-in, approval queue, day
 * schedule, booking on behalf, figures and the audit log. Server-rendered German HTML.
 *
 * @example
 *   mountStaffConsole(http.server, { core, sql, settings: readStaffSettings(process.env) });
 */
import type { Server } from "restify";
import type { Sql } from "postgres";
import type { Core } from "../../core/core.ts";
import { createLogger, type Logger } from "../../core/log.ts";
import { mountAssets } from "./assets.routes.ts";
import { mountAudit } from "./audit.routes.ts";
import { mountDelivery } from "./delivery.routes.ts";
import { mountAuth } from "./auth.routes.ts";
import { mountBook } from "./book.routes.ts";
import { createEnv, createRouter } from "./context.ts";
import { mountFigures } from "./figures.routes.ts";
import { createOidcClient, type OidcClient } from "./oidc.ts";
import { mountQueue } from "./queue.routes.ts";
import { mountSchedule } from "./schedule.routes.ts";
import type { StaffSettings } from "./settings.ts";

export interface StaffConsoleDeps {
  core: Core;
  sql: Sql;
  settings: StaffSettings;
  now?: () => Date;
  log?: Logger;
  /** Replaces the OpenID Connect client built from the settings (tests). */
  oidc?: OidcClient | null;
}

export function mountStaffConsole(server: Server, deps: StaffConsoleDeps): void {
  const env = createEnv({ core: deps.core, sql: deps.sql, settings: deps.settings, now: deps.now, log: deps.log ?? createLogger("staff") });
  const oidc = deps.oidc !== undefined ? deps.oidc : deps.settings.oidc ? createOidcClient(deps.settings.oidc) : null;
  const router = createRouter(server, env);
  mountAssets(server);
  mountAuth(server, router, env, oidc);
  mountQueue(router);
  mountSchedule(router);
  mountBook(router);
  mountFigures(router);
  mountDelivery(router);
  mountAudit(router);
}

export { readStaffSettings, type StaffSettings } from "./settings.ts";
export { runStaffCommand, STAFF_HELP } from "./staff.command.ts";
export { terminalStaffIo } from "./staff-io.ts";
