/**
 * The Teams tenant check as the first middleware of the CloudAdapter. It runs before the turn lock
 * (a lease row), the stored conversation references and the bot state, so an activity from a
 * foreign tenant leaves no trace in the database: it gets one refusal (messages only) and stops.
 * Activities of other channels pass through untouched.
 */
import { ActivityTypes, type Middleware, type TurnContext } from "botbuilder";
import type { Logger } from "../../core/log.ts";
import { TEAMS_TEXTS } from "../../templates/de/cards/teams.ts";
import { TEAMS_CHANNEL_ID, tenantAllowed } from "./inbound.ts";
import type { TeamsSettings } from "./settings.ts";

/** The gate runs before forceGermanLocale, so the refusal carries the locale itself. */
const LOCALE = "de-DE";

export function teamsTenantGate(settings: Pick<TeamsSettings, "allowedTenants">, log: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      const a = context.activity;
      if (a.channelId !== TEAMS_CHANNEL_ID || tenantAllowed(a, settings)) return next();
      log.warn({ action: "teams_tenant", code: "TENANT_NOT_ALLOWED" }, "activity from another tenant refused");
      if (a.type === ActivityTypes.Message) await context.sendActivity({ type: ActivityTypes.Message, text: TEAMS_TEXTS.foreignTenant, locale: LOCALE });
    },
  };
}
