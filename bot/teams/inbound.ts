/**
 * What every Teams activity needs before the dialogs see it: the tenant check, @-mentions of the
 * bot removed (group chats and channels put "<at>Terminassistent</at>" into the text), and Adaptive
 * Card submits, which carry `value` and no `text`, turned into the text the dialogs understand.
 */
import { TurnContext, type Activity } from "botbuilder";
import type { TeamsSettings } from "./settings.ts";

export const TEAMS_CHANNEL_ID = "msteams";

export function tenantOf(activity: Partial<Activity>): string | null {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof fromChannelData === "string") return fromChannelData;
  return typeof activity.conversation?.tenantId === "string" ? activity.conversation.tenantId : null;
}

export function tenantAllowed(activity: Partial<Activity>, settings: Pick<TeamsSettings, "allowedTenants">): boolean {
  if (settings.allowedTenants === "any") return true;
  const tenant = tenantOf(activity);
  return tenant !== null && settings.allowedTenants.includes(tenant);
}

/** The text a card submit stands for: a string value, or the `text`/`choice`/`value` field of its data. */
export function submitText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  for (const field of [v.text, v.choice, v.value]) if (typeof field === "string" && field.trim()) return field.trim();
  return null;
}

export function prepareInbound(context: TurnContext): void {
  const a = context.activity;
  if (a.conversation?.isGroup || a.conversation?.conversationType === "channel" || a.conversation?.conversationType === "groupChat") {
    TurnContext.removeRecipientMention(a);
  }
  // Teams also sends entity-encoded leftovers ("&nbsp;") around a removed mention.
  if (typeof a.text === "string") a.text = a.text.replace(/&nbsp;/g, " ").trim();
  if (!a.text) {
    const text = submitText(a.value);
    if (text) a.text = text;
  }
}
