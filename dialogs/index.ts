/**
 * Entry point of the chat conversations for the channels (bot/): `createDialogBot(deps)` returns
 * the botbuilder ActivityHandler to run on every turn.
 *
 * @example
 * const bot = createDialogBot({
 *   core, parse: (text, now) => parse(text, now, config.city.timezone, config),
 *   conversationState, userState,
 *   links: { icsUrl: (_id, token) => appointmentLinks(base, token).ics, cancelUrl: (token) => appointmentLinks(base, token).cancel,
 *            wishUrl: waitlistLinks(base).wish },
 *   waitlist, // createWaitlist(...): offers "Auf die Warteliste" when nothing fits
 * });
 * await adapter.process(req, res, (context) => bot.run(context));
 */
import type { BotState, ConversationState, TurnContext } from "botbuilder";
import type { BookedAppointment } from "../core/bookings/types.ts";
import type { Core } from "../core/core.ts";
import type { Waitlist } from "../core/waitlist/types.ts";
import { DialogBot } from "./dialog-bot.ts";
import { MainDialog } from "./main.dialog.ts";
import { createRuntime, type DialogLinks, type PendingHold } from "./runtime.ts";
import type { ParseFn } from "./understanding.ts";

export interface DialogBotDeps {
  core: Core;
  /** The German request parser with time zone and city configuration bound. */
  parse: ParseFn;
  /** Holds the dialog stack and the pending hold; back it with the Postgres Storage in production. */
  conversationState: ConversationState;
  /** Saved after each turn when given; the dialogs keep no user-scoped data themselves. */
  userState?: BotState;
  links: DialogLinks;
  /** The waiting list; without it nothing-fits ends with the alternatives (set `links.wishUrl` too). */
  waitlist?: Waitlist | null;
  /** Called after a booking or a move succeeded, e.g. to store the conversation reference for reminders. */
  onBooked?: (context: TurnContext, appointment: BookedAppointment) => Promise<void>;
}

export function createDialogBot(deps: DialogBotDeps): DialogBot {
  const pendingHold = deps.conversationState.createProperty<PendingHold | null>("PendingHold");
  const currentServices = deps.conversationState.createProperty<string[]>("CurrentServices");
  const rt = createRuntime({ core: deps.core, parse: deps.parse, links: deps.links, waitlist: deps.waitlist ?? null, pendingHold, currentServices, onBooked: deps.onBooked });
  return new DialogBot(rt, deps.conversationState, deps.userState, new MainDialog(rt));
}

export { DialogBot, LOCALE } from "./dialog-bot.ts";
export type { DialogLinks } from "./runtime.ts";
export type { ParseFn, ParseResult } from "./understanding.ts";
export { createChatNotificationRenderer, type ChatNotificationRow } from "./chat-notifications.ts";
