/**
 * The dialogs on Microsoft Teams: wraps the chat bot so Teams activities are checked and prepared
 * before the dialogs see them, and so approval-card clicks and staff-channel installs never reach
 * the citizen dialogs. Activities of other channels pass through untouched.
 *
 * @example
 *   const ctx = createApprovalContext(core, readTeamsSettings(process.env));
 *   const http = createHttpServer({ ..., bot: withTeams(dialogBot, ctx), teams: ctx.settings });
 *   createApprovalPoster({ ctx, adapter: http.cloudAdapter!, appId }).start();
 */
import { ActivityTypes, TurnContext } from "botbuilder";
import { TEAMS_TEXTS } from "../../templates/de/cards/teams.ts";
import { logId } from "../turn-pipeline.ts";
import type { ApprovalContext } from "./approval-context.ts";
import { handleApprovalSubmit, isApprovalSubmit, readApprovalSubmit } from "./approval-submit.ts";
import { suggestedActionsAsCard } from "./choice-card.ts";
import { prepareInbound, TEAMS_CHANNEL_ID, tenantAllowed, tenantOf } from "./inbound.ts";
import { staffChannelKey } from "./staff-channel.store.ts";

export interface ChatBot {
  run(context: TurnContext): Promise<void>;
}

export function withTeams(inner: ChatBot, ctx: ApprovalContext): ChatBot {
  return {
    async run(context) {
      const a = context.activity;
      if (a.channelId !== TEAMS_CHANNEL_ID) return inner.run(context);
      // The CloudAdapter's gate (tenant-gate.ts) refuses foreign tenants before anything is stored;
      // this second check keeps the bot safe on an adapter built without it.
      if (!tenantAllowed(a, ctx.settings)) {
        ctx.log.warn({ action: "teams_tenant", code: "TENANT_NOT_ALLOWED" }, "activity from another tenant refused");
        if (a.type === ActivityTypes.Message) await context.sendActivity(TEAMS_TEXTS.foreignTenant);
        return;
      }
      if (a.type === ActivityTypes.ConversationUpdate && a.conversation?.conversationType === "channel") return staffChannelUpdate(context, ctx);
      if (a.type === ActivityTypes.Message && isApprovalSubmit(a.value)) return handleApprovalSubmit(context, readApprovalSubmit(a.value), ctx);
      if (a.type === ActivityTypes.Message) prepareInbound(context);
      context.onSendActivities(async (_turn, activities, next) => {
        activities.forEach(suggestedActionsAsCard);
        return next();
      });
      return inner.run(context);
    },
  };
}

/**
 * The bot joined or left a team: that team's channel becomes (or stops being) a staff channel.
 * Members joining the team get no citizen welcome: channel membership events stop here.
 */
async function staffChannelUpdate(context: TurnContext, ctx: ApprovalContext): Promise<void> {
  const a = context.activity;
  const botId = a.recipient?.id;
  const key = staffChannelKey(a.conversation.id);
  if ((a.membersAdded ?? []).some((m) => m.id === botId)) {
    await ctx.channels.add(TurnContext.getConversationReference(a), tenantOf(a));
    ctx.log.info({ action: "teams_staff_channel", code: "ADDED", conversation: logId(key) }, "staff channel registered");
    await context.sendActivity(TEAMS_TEXTS.staffChannelRegistered);
  } else if ((a.membersRemoved ?? []).some((m) => m.id === botId)) {
    await ctx.channels.retire(key);
    ctx.log.info({ action: "teams_staff_channel", code: "REMOVED", conversation: logId(key) }, "staff channel retired");
  }
}
