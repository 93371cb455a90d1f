/**
 * What every dialog of the bot shares: the core, the parser (memoised per turn), links, the
 * pending hold of the conversation, and how a turn maps to the core's actor and conversation key.
 */
import { ActionTypes, InputHints, MessageFactory, type Activity, type StatePropertyAccessor, type TurnContext } from "botbuilder";
import type { Actor, BookedAppointment, Channel } from "../core/bookings/types.ts";
import type { CityConfig } from "../core/config/schema.ts";
import type { Core } from "../core/core.ts";
import type { Waitlist } from "../core/waitlist/types.ts";
import { createLogger, type Logger } from "../core/log.ts";
import type { ParseFn, ParseResult } from "./understanding.ts";

export interface DialogLinks {
  /** Public URL of the appointment's calendar file. */
  icsUrl(appointmentId: string, token: string): string;
  /** Public URL where the citizen can cancel with the link token. */
  cancelUrl(token: string): string;
  /** Public URL of a waiting-list wish (view, withdraw); e.g. `waitlistLinks(publicUrl).wish`. */
  wishUrl?(token: string): string;
  /** Public URL of a waiting-list offer; used when an offer row carries no URL of its own. */
  offerUrl?(token: string): string;
}

/** A slot reserved while the citizen types name and e-mail; released on abort or correction. */
export interface PendingHold {
  appointmentId: string;
  holdToken: string;
}

export interface Runtime {
  core: Core;
  config: CityConfig;
  links: DialogLinks;
  /** The waiting list; null = nothing fits ends with the alternatives, no waiting list is offered. */
  waitlist: Waitlist | null;
  log: Logger;
  onBooked?: (context: TurnContext, appointment: BookedAppointment) => Promise<void>;
  /** The parse of this turn's message text (parsed once per turn, however many dialogs ask). */
  understand(context: TurnContext): ParseResult;
  /**
   * The parse of a reply inside a booking conversation. Fragments like "lieber nachmittags" or
   * "doch in Brackel" carry no request of their own, so the parser calls them out of scope and
   * drops their slots (nlu.md §5.2); read in the booking context they are wishes.
   */
  understandAsBooking(context: TurnContext): ParseResult;
  pendingHold: StatePropertyAccessor<PendingHold | null>;
  /** Services the current process is about, so "Was muss ich mitbringen?" mid-booking needs no service name. */
  currentServices: StatePropertyAccessor<string[]>;
  /** Releases the conversation's pending hold, if any (idempotent). */
  releaseHold(context: TurnContext): Promise<void>;
}

const PARSE_KEY = Symbol("terminassistent.parse");
const BOOKING_PARSE_KEY = Symbol("terminassistent.parse.booking");
/** Prefix that puts a reply into the booking context for the parser. */
const BOOKING_CONTEXT = "Termin";

export function createRuntime(input: {
  core: Core;
  parse: ParseFn;
  links: DialogLinks;
  waitlist?: Waitlist | null;
  pendingHold: StatePropertyAccessor<PendingHold | null>;
  currentServices: StatePropertyAccessor<string[]>;
  onBooked?: Runtime["onBooked"];
}): Runtime {
  const log = createLogger("dialogs");
  const rt: Runtime = {
    core: input.core,
    config: input.core.config,
    links: input.links,
    waitlist: input.waitlist ?? null,
    log,
    onBooked: input.onBooked,
    pendingHold: input.pendingHold,
    currentServices: input.currentServices,
    understand(context) {
      const cached = context.turnState.get(PARSE_KEY) as ParseResult | undefined;
      if (cached) return cached;
      const result = input.parse(context.activity.text ?? "", input.core.now());
      context.turnState.set(PARSE_KEY, result);
      return result;
    },
    understandAsBooking(context) {
      const direct = rt.understand(context);
      if (direct.intent !== "unknown" && direct.intent !== "greeting") return direct;
      const cached = context.turnState.get(BOOKING_PARSE_KEY) as ParseResult | undefined;
      if (cached) return cached;
      const result = input.parse(`${BOOKING_CONTEXT} ${context.activity.text ?? ""}`, input.core.now());
      context.turnState.set(BOOKING_PARSE_KEY, result);
      return result;
    },
    async releaseHold(context) {
      const hold = await input.pendingHold.get(context, null);
      if (!hold) return;
      await input.pendingHold.set(context, null);
      const r = await input.core.bookings.releaseHold(hold);
      log.info({ action: "release_hold", appointmentId: hold.appointmentId, code: r.ok ? null : r.code });
    },
  };
  return rt;
}

/** The core's channel name for a Bot Framework channel id. */
export function channelOf(activity: Partial<Activity>): Channel {
  switch (activity.channelId) {
    case "msteams":
      return "teams";
    case "telegram":
      return "telegram";
    case "terminal":
    case "cli":
      return "cli";
    default:
      return "webchat";
  }
}

/** Key of the conversation for proactive messages, e.g. "telegram:12345". */
export function conversationKey(activity: Partial<Activity>): string {
  return `${activity.channelId ?? "unknown"}:${activity.conversation?.id ?? "unknown"}`;
}

export function citizenActor(context: TurnContext): Actor {
  return { kind: "citizen", channel: channelOf(context.activity), conversationId: conversationKey(context.activity) };
}

/** A question, with the answers as buttons (imBack: a press sends the label as text on every channel). */
export function ask(text: string, buttons: string[] = []): Partial<Activity> {
  if (buttons.length === 0) return MessageFactory.text(text, undefined, InputHints.ExpectingInput);
  const actions = buttons.map((b) => ({ type: ActionTypes.ImBack, title: b, value: b }));
  return MessageFactory.suggestedActions(actions, text, undefined, InputHints.ExpectingInput);
}

/** A statement that expects no answer. */
export function say(text: string): Partial<Activity> {
  return MessageFactory.text(text, undefined, InputHints.IgnoringInput);
}

/** Text of the turn's message, or "" for activities without text. */
export function textOf(context: TurnContext): string {
  return (context.activity.text ?? "").trim();
}
