/**
 * The waiting list (Terminagent) when nothing fits: latest date → name → e-mail or chat only →
 * `waitlist.register`. The chat's conversation key is always stored, so an offer reaches this
 * chat; the e-mail is optional. Ends with the position and the link to view or withdraw the wish.
 */
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from "botbuilder-dialogs";
import type { TurnContext } from "botbuilder";
import type { ISODate } from "../core/bookings/types.ts";
import { describeWishes } from "../templates/de/bot/booking.ts";
import { WAITLIST } from "../templates/de/bot/waitlist.ts";
import { errorText } from "../templates/de/errors.ts";
import type { BookingRequest } from "./booking-request.ts";
import { extractEmail, isPlausibleName } from "./contact.ts";
import { isAnyTime, isOneOf, isYes, pickButton } from "./replies.ts";
import { ask, channelOf, conversationKey, say, type Runtime } from "./runtime.ts";
import { latestDateOf, wishFromRequest } from "../core/waitlist/wish-from-request.ts";

export const WAITLIST_DIALOG = "waitlist";
const FLOW = "waitlist.flow";
const LATEST = "waitlist.latest";
const NAME = "waitlist.name";
const CONTACT = "waitlist.contact";

export interface WaitlistOptions {
  request: BookingRequest;
  /** Known from an earlier step of the booking, so the citizen is not asked twice. */
  name?: string | null;
  email?: string | null;
}

interface WaitlistState extends WaitlistOptions {
  latestDate?: ISODate;
}

export class WaitlistDialog extends ComponentDialog {
  constructor(private readonly rt: Runtime) {
    super(WAITLIST_DIALOG);
    this.addDialog(new TextPrompt(LATEST, async (pc) => this.readLatest(pc.context, (pc.options.validations as { fallback: ISODate }).fallback, pc.recognized.value ?? "") !== null));
    this.addDialog(new TextPrompt(NAME, async (pc) => isPlausibleName(pc.recognized.value ?? "")));
    this.addDialog(new TextPrompt(CONTACT, async (pc: PromptValidatorContext<string>) => this.readContact(pc.recognized.value ?? "") !== undefined));
    const steps = [this.latestStep, this.nameStep, this.contactStep, this.registerStep];
    this.addDialog(new WaterfallDialog(FLOW, steps.map((s) => s.bind(this))));
    this.initialDialogId = FLOW;
  }

  private defaultLatest(s: WaitlistState): ISODate {
    return wishFromRequest(this.rt.config, s.request, this.rt.core.now()).latestDate;
  }

  /** The default (button, "ja", "egal") or a date the citizen names ("bis 20. Dezember"); null when unreadable. */
  private readLatest(context: TurnContext, fallback: ISODate, text: string): ISODate | null {
    if (pickButton(text, [WAITLIST.latestButton(fallback)]) !== null || isYes(text) || isAnyTime(text)) return fallback;
    const parse = this.rt.understandAsBooking(context);
    if (parse.dateRanges.length === 0) return null;
    return latestDateOf(this.rt.config, parse.dateRanges, this.rt.core.now());
  }

  /** An e-mail address, null for "only in this chat", undefined for anything else. */
  private readContact(text: string): string | null | undefined {
    const email = extractEmail(text);
    if (email) return email;
    return pickButton(text, [WAITLIST.chatOnly]) !== null || isOneOf(text, WAITLIST.chatOnlyWords) ? null : undefined;
  }

  private async latestStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as WaitlistState;
    const fallback = this.defaultLatest(s);
    await step.context.sendActivity(say(WAITLIST.intro(describeWishes(this.rt.config, s.request))));
    const button = [WAITLIST.latestButton(fallback)];
    return step.prompt(LATEST, { prompt: ask(WAITLIST.askLatest(fallback), button), retryPrompt: ask(WAITLIST.latestRetry, button), validations: { fallback } });
  }

  private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as WaitlistState;
    s.latestDate = this.readLatest(step.context, this.defaultLatest(s), String(step.result)) ?? this.defaultLatest(s);
    if (s.name) return step.next(s.name);
    return step.prompt(NAME, { prompt: ask(WAITLIST.askName), retryPrompt: ask(WAITLIST.askName) });
  }

  private async contactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as WaitlistState;
    s.name = String(step.result).trim();
    if (s.email) return step.next(s.email);
    const buttons = [WAITLIST.chatOnly];
    return step.prompt(CONTACT, { prompt: ask(WAITLIST.askContact, buttons), retryPrompt: ask(WAITLIST.contactRetry, buttons) });
  }

  private async registerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as WaitlistState;
    const email = this.readContact(String(step.result)) ?? null;
    const waitlist = this.rt.waitlist!;
    const wish = wishFromRequest(this.rt.config, s.request, this.rt.core.now());
    const r = await waitlist.register({
      ...wish,
      latestDate: s.latestDate!,
      contact: { name: s.name!, email },
      conversationKey: conversationKey(step.context.activity),
      channel: channelOf(step.context.activity),
    });
    if (!r.ok) {
      this.rt.log.info({ action: "waitlist_register", code: r.code });
      await step.context.sendActivity(say(r.code === "WAITLIST_DUPLICATE" ? errorText(r.code) : `${WAITLIST.failed} ${errorText(r.code)}`));
      return step.endDialog();
    }
    this.rt.log.info({ action: "waitlist_register", wishId: r.wish.id, position: r.position });
    const lines = [WAITLIST.registered(r.position, r.wish.latestDate), WAITLIST.reachBy(email)];
    if (this.rt.links.wishUrl) lines.push(WAITLIST.wishLink(this.rt.links.wishUrl(r.token)));
    await step.context.sendActivity(say(lines.join("\n")));
    return step.endDialog(r.wish);
  }
}
