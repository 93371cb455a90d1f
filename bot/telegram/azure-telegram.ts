/**
 * Telegram through Azure Bot Service instead of the direct adapter: the activities arrive at
 * /api/messages with channelId "telegram" and a Microsoft serviceUrl, and the same dialogs answer.
 * Azure renders Adaptive Cards there as images, which are neither readable nor clickable, so this
 * middleware turns them into text plus suggested actions (which Azure shows as a keyboard).
 *
 * @example
 *   http.cloudAdapter?.use(azureTelegramCards);
 */
import { ActionTypes, type Activity, type CardAction, type Middleware, type TurnContext } from "botbuilder";
import { readAdaptive } from "./render.ts";
import { TELEGRAM_CHANNEL_ID, TELEGRAM_SERVICE_URL } from "./telegram.adapter.ts";

const ADAPTIVE = "application/vnd.microsoft.card.adaptive";

export const azureTelegramCards: Middleware = {
  async onTurn(context: TurnContext, next: () => Promise<void>) {
    const a = context.activity;
    if (a.channelId === TELEGRAM_CHANNEL_ID && a.serviceUrl !== TELEGRAM_SERVICE_URL) {
      context.onSendActivities(async (_ctx, activities, send) => {
        activities.forEach(withoutAdaptiveCards);
        return send();
      });
    }
    await next();
  },
};

/** Replaces Adaptive Card attachments in place by their text and buttons. */
export function withoutAdaptiveCards(activity: Partial<Activity>): void {
  const cards = (activity.attachments ?? []).filter((x) => x.contentType === ADAPTIVE);
  if (!cards.length) return;
  const texts: string[] = activity.text ? [activity.text] : [];
  const actions: CardAction[] = [...(activity.suggestedActions?.actions ?? [])];
  for (const card of cards) {
    const read = readAdaptive((card.content ?? {}) as Record<string, unknown>);
    texts.push(...read.texts);
    for (const b of read.buttons)
      actions.push(b.url ? { type: ActionTypes.OpenUrl, title: b.title, value: b.url } : { type: ActionTypes.ImBack, title: b.title, value: b.value ?? b.title });
  }
  activity.attachments = (activity.attachments ?? []).filter((x) => x.contentType !== ADAPTIVE);
  activity.text = texts.join("\n");
  if (actions.length) activity.suggestedActions = { actions, to: activity.suggestedActions?.to ?? [] };
}
