/**
 * Finds a slot with the citizen: asks only for what is missing (service, then a time), repeats
 * back what it understood, proposes up to three slots and adapts to free-text corrections at
 * every step. Ends with `{ request, slot }`. Used by booking and by rescheduling.
 *
 * A two-step loop: `ask` sends the question the state calls for, `answer` reads the reply and
 * either ends or loops with the changed state (the BotBuilder "replaceDialog" loop pattern).
 */
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from "botbuilder-dialogs";
import type { Slot } from "../core/bookings/types.ts";
import type { CityConfig } from "../core/config/schema.ts";
import { slotLabel } from "../templates/de/bot/appointment.ts";
import { BOOKING, categories, describeWishes, noSlotText, servicesOf } from "../templates/de/bot/booking.ts";
import { WAITLIST } from "../templates/de/bot/waitlist.ts";
import { applyParse, hasBookingWishes, hasTimeWish, locationsOffering, overLimit, toSlotQuery, type BookingRequest } from "./booking-request.ts";
import { normalizeReply } from "../templates/de/bot/lexicon.ts";
import { isAnyTime, isNo, isOneOf, pickButton } from "./replies.ts";
import { ask, type Runtime } from "./runtime.ts";
import type { ParseResult } from "./understanding.ts";

export const SLOT_PICKER = "slotPicker";
const LOOP = "slotPicker.loop";
const TEXT = "slotPicker.text";

type Awaiting = "category" | "service" | "time" | "slot" | "location";

export interface PickerOptions {
  request: BookingRequest;
  /** Said before the next question (e.g. "Dieser Termin wurde gerade vergeben."). */
  notice?: string | null;
  /** When nothing fits, offer "Auf die Warteliste" next to the alternatives (booking only). */
  offerWaitlist?: boolean;
}

interface PickerState extends PickerOptions {
  awaiting?: Awaiting;
  category?: string | null;
  proposals?: Slot[] | null;
  retry?: boolean;
  /** The proposals are alternatives: nothing fit the wishes. */
  noFit?: boolean;
}

export interface PickerResult {
  request: BookingRequest;
  slot: Slot;
}

/** The citizen chose the waiting list instead of a slot (only when `offerWaitlist`). */
export interface WaitlistChoice {
  request: BookingRequest;
  waitlist: true;
}

export function isWaitlistChoice(result: unknown): result is WaitlistChoice {
  return typeof result === "object" && result !== null && (result as WaitlistChoice).waitlist === true;
}

const RETRY: Record<Awaiting, string> = {
  category: BOOKING.serviceRetry,
  service: BOOKING.serviceRetry,
  time: BOOKING.timeRetry,
  slot: BOOKING.proposalsRetry,
  location: BOOKING.locationRetry,
};

export class SlotPickerDialog extends ComponentDialog {
  constructor(private readonly rt: Runtime) {
    super(SLOT_PICKER);
    this.addDialog(new TextPrompt(TEXT));
    this.addDialog(new WaterfallDialog(LOOP, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = LOOP;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as PickerState;
    const lead = [s.notice ?? null, s.retry && s.awaiting ? RETRY[s.awaiting] : null].filter((x): x is string => !!x);
    s.notice = null;
    s.retry = false;
    const config = this.rt.config;
    await this.rt.currentServices.set(step.context, s.request.services.map((x) => x.id));
    if (s.request.services.length === 0 && !s.category) {
      return this.prompt(step, s, "category", [...lead, BOOKING.askCategory], categories(config));
    }
    if (s.request.services.length === 0) {
      return this.prompt(step, s, "service", [...lead, BOOKING.askService(s.category!)], servicesOf(config, s.category!));
    }
    if (!hasTimeWish(s.request) && !s.request.timeAsked) {
      return this.prompt(step, s, "time", [...lead, BOOKING.askTime], [...BOOKING.timeButtons]);
    }
    if (s.awaiting === "location") {
      const names = locationsOffering(s.request.services, config).map((l) => l.name);
      return this.prompt(step, s, "location", [...lead, BOOKING.askLocation], [...names, BOOKING.allLocations]);
    }
    if (s.proposals && lead.length > 0) return this.showProposals(step, s, lead, s.proposals);
    return this.search(step, s, lead);
  }

  private async search(step: WaterfallStepContext, s: PickerState, lead: string[]): Promise<DialogTurnResult> {
    const config = this.rt.config;
    const result = await this.rt.core.slots.search(toSlotQuery(s.request));
    const lines = [...lead, BOOKING.understood(describeWishes(config, s.request))];
    let slots = result.slots;
    s.noFit = false;
    if (slots.length === 0 && result.explanation) {
      // NOT_OFFERED has no location for these services: a wish could never match.
      s.noFit = result.explanation.reason !== "NOT_OFFERED";
      lines.push(noSlotText(config, result.explanation, s.request, this.waitlistOffered(s)));
      slots = result.explanation.alternatives.slice(0, 3);
    } else {
      lines.push(BOOKING.proposals(slots.length));
    }
    s.proposals = slots;
    return this.showProposals(step, s, lines, slots);
  }

  private waitlistOffered(s: PickerState): boolean {
    return !!s.offerWaitlist && !!s.noFit;
  }

  private showProposals(step: WaterfallStepContext, s: PickerState, lines: string[], slots: Slot[]): Promise<DialogTurnResult> {
    const labels = slots.map((slot) => slotLabel(this.rt.config, slot));
    if (!this.waitlistOffered(s)) return this.prompt(step, s, "slot", lines, [...labels, BOOKING.otherTimes, BOOKING.otherLocation]);
    return this.prompt(step, s, "slot", lines, [...labels, WAITLIST.button, BOOKING.otherTimes, BOOKING.otherLocation]);
  }

  private prompt(step: WaterfallStepContext, s: PickerState, awaiting: Awaiting, lines: string[], buttons: string[]): Promise<DialogTurnResult> {
    s.awaiting = awaiting;
    return step.prompt(TEXT, { prompt: ask(lines.join("\n"), buttons) });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as PickerState;
    const text = String(step.result ?? "");
    switch (s.awaiting) {
      case "category":
        return this.onCategory(step, s, text);
      case "service":
        return this.onService(step, s, text);
      case "time":
        return this.onTime(step, s, text);
      case "location":
        return this.onLocation(step, s, text);
      default:
        return this.onSlot(step, s, text);
    }
  }

  private async onCategory(step: WaterfallStepContext, s: PickerState, text: string): Promise<DialogTurnResult> {
    const list = categories(this.rt.config);
    const i = pickButton(text, list);
    if (i !== null) return this.loop(step, { ...s, category: list[i]! });
    const service = this.rt.config.services.find((c) => c.name.toLowerCase() === text.trim().toLowerCase());
    if (service) return this.loop(step, { ...s, request: { ...s.request, services: [{ id: service.id, count: 1 }] } });
    return this.correctOrRetry(step, s);
  }

  private async onService(step: WaterfallStepContext, s: PickerState, text: string): Promise<DialogTurnResult> {
    const names = servicesOf(this.rt.config, s.category!);
    const i = pickButton(text, names);
    const service = i === null ? undefined : this.rt.config.services.find((c) => c.name === names[i]);
    if (service) return this.loop(step, { ...s, request: { ...s.request, services: [{ id: service.id, count: 1 }] } });
    return this.correctOrRetry(step, s);
  }

  private async onTime(step: WaterfallStepContext, s: PickerState, text: string): Promise<DialogTurnResult> {
    if (isAnyTime(text)) return this.loop(step, { ...s, request: { ...s.request, timeAsked: true } });
    const parse = this.rt.understandAsBooking(step.context);
    if (!hasBookingWishes(parse, this.rt.config)) return this.loop(step, { ...s, retry: true });
    const next = this.corrected(s, step);
    return this.loop(step, { ...next, request: { ...next.request, timeAsked: true } });
  }

  private async onLocation(step: WaterfallStepContext, s: PickerState, text: string): Promise<DialogTurnResult> {
    const offering = locationsOffering(s.request.services, this.rt.config);
    const i = pickButton(text, [...offering.map((l) => l.name), BOOKING.allLocations]);
    if (i === null) return this.correctOrRetry(step, s);
    const locations = i < offering.length ? [offering[i]!.id] : [];
    return this.loop(step, { ...s, awaiting: undefined, proposals: null, request: { ...s.request, locations, excludedLocations: [], excludeSlots: [] } });
  }

  private async onSlot(step: WaterfallStepContext, s: PickerState, text: string): Promise<DialogTurnResult> {
    const proposals = s.proposals ?? [];
    const labels = proposals.map((slot) => slotLabel(this.rt.config, slot));
    const i = pickButton(text, labels);
    if (i !== null) return step.endDialog({ request: s.request, slot: proposals[i]! } satisfies PickerResult);
    if (this.waitlistOffered(s) && choosesWaitlist(text)) return step.endDialog({ request: s.request, waitlist: true } satisfies WaitlistChoice);
    if (pickButton(text, [BOOKING.otherTimes]) !== null) {
      const excludeSlots = [...s.request.excludeSlots, ...proposals.map(({ locationId, start }) => ({ locationId, start }))];
      return this.loop(step, { ...s, proposals: null, request: { ...s.request, excludeSlots } });
    }
    if (pickButton(text, [BOOKING.otherLocation]) !== null) return this.loop(step, { ...s, awaiting: "location" });
    return this.correctOrRetry(step, s);
  }

  /** A reply that is no answer to the question: a correction ("lieber nachmittags") or else a retry. */
  private async correctOrRetry(step: WaterfallStepContext, s: PickerState): Promise<DialogTurnResult> {
    const parse = this.rt.understandAsBooking(step.context);
    if (!hasBookingWishes(parse, this.rt.config)) return this.loop(step, { ...s, retry: true });
    return this.loop(step, this.corrected(s, step));
  }

  private corrected(s: PickerState, step: WaterfallStepContext): PickerState {
    const parse = this.rt.understandAsBooking(step.context);
    const notice = countNotice(parse, this.rt.config);
    return { ...s, awaiting: undefined, proposals: null, notice, request: applyParse(s.request, parse, this.rt.config) };
  }

  private loop(step: WaterfallStepContext, next: PickerState): Promise<DialogTurnResult> {
    return step.replaceDialog(LOOP, next);
  }
}

/** The waiting-list button or a reply naming it ("ja, bitte auf die Warteliste"), or "none of these" / "nein" at the alternatives. */
function choosesWaitlist(text: string): boolean {
  if (isOneOf(text, WAITLIST.noneWords) || isNo(text)) return true;
  const words = normalizeReply(text).split(/[\s,.!]+/u);
  return words.includes(WAITLIST.cue) && !words.some((w) => WAITLIST.negations.includes(w));
}

/** "Höchstens 4 Personen pro Termin" when the message asked for more than a service allows, else null. */
export function countNotice(parse: ParseResult, config: CityConfig): string | null {
  const over = overLimit(parse.services, config);
  return over ? BOOKING.countClamped(over.name, over.maxCount) : null;
}
