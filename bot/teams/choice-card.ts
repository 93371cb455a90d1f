/**
 * Suggested actions as Teams cards. Teams shows at most three suggested actions, and none in group
 * chats and channels, while the dialogs offer up to a handful of answers. So: up to six answers as a
 * hero card with imBack buttons (a press posts the answer as the user's message); more as an
 * Adaptive Card drop-down whose submit carries `{ choice }` (inbound.ts makes it text again).
 */
import { ActionTypes, CardFactory, type Activity, type CardAction } from "botbuilder";
import { TEAMS_TEXTS } from "../../templates/de/cards/teams.ts";

export const MAX_HERO_BUTTONS = 6;

export function suggestedActionsAsCard(activity: Partial<Activity>): void {
  const actions = activity.suggestedActions?.actions ?? [];
  if (activity.type !== "message" || actions.length === 0) return;
  const answers = actions.filter((a) => a.type !== ActionTypes.OpenUrl);
  const links = actions.filter((a) => a.type === ActionTypes.OpenUrl);
  const card =
    answers.length <= MAX_HERO_BUTTONS
      ? CardFactory.heroCard("", undefined, [...answers.map(asImBack), ...links])
      : CardFactory.adaptiveCard(dropDown(answers, links));
  activity.attachments = [...(activity.attachments ?? []), card];
  activity.suggestedActions = undefined;
}

function asImBack(action: CardAction): CardAction {
  const value = typeof action.value === "string" ? action.value : String(action.title ?? "");
  return { type: ActionTypes.ImBack, title: action.title || value, value };
}

function dropDown(answers: CardAction[], links: CardAction[]): Record<string, unknown> {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.4",
    body: [
      {
        type: "Input.ChoiceSet",
        id: "choice",
        style: "compact",
        label: TEAMS_TEXTS.choose,
        isRequired: true,
        value: String(answers[0]?.value ?? ""),
        choices: answers.map((a) => ({ title: String(a.title || a.value), value: String(a.value ?? a.title) })),
      },
    ],
    actions: [
      { type: "Action.Submit", title: TEAMS_TEXTS.chooseSubmit },
      ...links.map((l) => ({ type: "Action.OpenUrl", title: l.title, url: l.value })),
    ],
  };
}
