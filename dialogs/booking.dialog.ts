/**
 * Booking: find a slot (slot picker) → hold it → name → e-mail → summary → confirm.
 * The hold is the core's short reservation, so nobody takes the slot while the citizen types;
 * a correction after the hold ("lieber nachmittags") releases it and goes back to the picker.
 */
import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from "botbuilder-dialogs";
import type { TurnContext } from "botbuilder";
import type { BookedAppointment, Slot } from "../core/bookings/types.ts";
import { appointmentDetails, appointmentWhen, locationAddress, servicesLabel, slotLabel } from "../templates/de/bot/appointment.ts";
import { BOOKING } from "../templates/de/bot/booking.ts";
import { errorText } from "../templates/de/errors.ts";
import { applyParse, hasBookingWishes, needsApproval, type BookingRequest } from "./booking-request.ts";
import { extractEmail, isPlausibleName, looksLikeSentence } from "./contact.ts";
import { yesNo } from "./replies.ts";
import { ask, citizenActor, conversationKey, say, type PendingHold, type Runtime } from "./runtime.ts";
import { isWaitlistChoice, SLOT_PICKER, SlotPickerDialog, type PickerResult } from "./slot-picker.dialog.ts";
import { WAITLIST_DIALOG, WaitlistDialog, type WaitlistOptions } from "./waitlist.dialog.ts";

export const BOOKING_DIALOG = "booking";
const FLOW = "booking.flow";
const NAME = "booking.name";
const EMAIL = "booking.email";
const CONFIRM = "booking.confirm";

export interface BookingOptions {
  request: BookingRequest;
  notice?: string | null;
  /** Kept across a restart (slot taken, hold expired) so the citizen is not asked twice. */
  name?: string | null;
  email?: string | null;
}

interface BookingState extends BookingOptions {
  slot?: Slot;
  hold?: PendingHold;
}

export class BookingDialog extends ComponentDialog {
  constructor(private readonly rt: Runtime) {
    super(BOOKING_DIALOG);
    this.addDialog(new SlotPickerDialog(rt));
    this.addDialog(new WaitlistDialog(rt));
    this.addDialog(new TextPrompt(NAME, (pc) => this.validate(pc, (t) => isPlausibleName(t) && !this.isCorrection(pc.context, t))));
    this.addDialog(new TextPrompt(EMAIL, (pc) => this.validate(pc, (t) => extractEmail(t) !== null)));
    this.addDialog(new TextPrompt(CONFIRM, (pc) => this.validate(pc, (t) => yesNo(t, BOOKING.confirmButtons) !== null)));
    const steps = [this.pickStep, this.holdStep, this.emailStep, this.summaryStep, this.finalStep];
    this.addDialog(new WaterfallDialog(FLOW, steps.map((s) => s.bind(this))));
    this.initialDialogId = FLOW;
  }

  /** Accepts a valid answer, or any correction of the wishes (handled by the next step). */
  private async validate(pc: PromptValidatorContext<string>, valid: (text: string) => boolean): Promise<boolean> {
    const text = (pc.recognized.value ?? "").trim();
    return valid(text) || this.isCorrection(pc.context, text);
  }

  /**
   * Whether a reply changes the wishes rather than answering. A bare place name could be a surname
   * ("Erika Brackel"), so location-only parses count only when the reply reads like a sentence.
   */
  private isCorrection(context: TurnContext, text: string): boolean {
    if (extractEmail(text)) return false;
    const p = this.rt.understandAsBooking(context);
    if (!hasBookingWishes(p, this.rt.config)) return false;
    const onlyPlace = p.services.length + p.dateRanges.length + p.weekdays.length + p.timeRanges.length === 0 && !p.urgent;
    return !onlyPlace || looksLikeSentence(text);
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as BookingState;
    return step.beginDialog(SLOT_PICKER, { request: s.request, notice: s.notice ?? null, offerWaitlist: this.rt.waitlist !== null });
  }

  private async holdStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as BookingState;
    if (isWaitlistChoice(step.result)) {
      // The waiting list replaces the booking: its dialog ends this one.
      const options: WaitlistOptions = { request: step.result.request, name: s.name ?? null, email: s.email ?? null };
      return step.replaceDialog(WAITLIST_DIALOG, options);
    }
    const picked = step.result as PickerResult;
    s.request = picked.request;
    const held = await this.rt.core.bookings.hold({
      slot: { locationId: picked.slot.locationId, start: picked.slot.start },
      services: s.request.services,
      actor: citizenActor(step.context),
      conversationKey: conversationKey(step.context.activity),
      request: { text: s.request.text, understood: s.request },
    });
    if (!held.ok) {
      this.rt.log.info({ action: "hold", code: held.code });
      const excludeSlots = [...s.request.excludeSlots, { locationId: picked.slot.locationId, start: picked.slot.start }];
      return this.restart(step, s, { ...s.request, excludeSlots }, held.code === "SLOT_TAKEN" ? BOOKING.slotGone : errorText(held.code));
    }
    s.slot = picked.slot;
    s.hold = { appointmentId: held.appointment.id, holdToken: held.holdToken };
    await this.rt.pendingHold.set(step.context, s.hold);
    const label = slotLabel(this.rt.config, picked.slot);
    await step.context.sendActivity(say(BOOKING.held(label, this.rt.config.bookingRules.holdMinutes)));
    if (s.name) return step.next(s.name);
    return step.prompt(NAME, { prompt: ask(BOOKING.askName), retryPrompt: ask(BOOKING.nameRetry) });
  }

  private async emailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as BookingState;
    const text = String(step.result).trim();
    if (text !== s.name && this.isCorrection(step.context, text)) return this.correct(step, s);
    s.name = text;
    if (s.email) return step.next(s.email);
    return step.prompt(EMAIL, { prompt: ask(BOOKING.askEmail), retryPrompt: ask(BOOKING.emailRetry) });
  }

  private async summaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as BookingState;
    const email = extractEmail(String(step.result));
    if (!email) return this.correct(step, s);
    s.email = email;
    const config = this.rt.config;
    const text = BOOKING.summary({
      services: servicesLabel(config, s.request.services),
      when: appointmentWhen(config, s.slot!.start),
      where: locationAddress(config, s.slot!.locationId),
      name: s.name!,
      email,
    });
    const note = needsApproval(s.request.services, config) ? `\n${BOOKING.summaryApprovalNote}` : "";
    return step.prompt(CONFIRM, { prompt: ask(text + note, [...BOOKING.confirmButtons]), retryPrompt: ask(BOOKING.summaryRetry, [...BOOKING.confirmButtons]) });
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as BookingState;
    const answer = yesNo(String(step.result), BOOKING.confirmButtons);
    if (answer === null) return this.correct(step, s);
    if (!answer) {
      await this.rt.releaseHold(step.context);
      await step.context.sendActivity(say(BOOKING.notBooked));
      return step.endDialog();
    }
    return this.confirm(step, s);
  }

  private async confirm(step: WaterfallStepContext, s: BookingState): Promise<DialogTurnResult> {
    const hold = s.hold!;
    const contact = { name: s.name!, email: s.email! };
    const r = await this.rt.core.bookings.confirm({ ...hold, contact, actor: citizenActor(step.context) });
    await this.rt.pendingHold.set(step.context, null);
    if (!r.ok) {
      this.rt.log.info({ action: "confirm", appointmentId: hold.appointmentId, code: r.code });
      if (r.code === "HOLD_EXPIRED" || r.code === "HOLD_NOT_FOUND" || r.code === "SLOT_TAKEN") {
        return this.restart(step, s, s.request, BOOKING.holdLost);
      }
      await step.context.sendActivity(say(errorText(r.code)));
      return step.endDialog();
    }
    this.rt.log.info({ action: "confirm", appointmentId: r.appointment.id, status: r.appointment.status });
    await step.context.sendActivity(say(this.confirmationText(r.appointment)));
    if (this.rt.onBooked) await this.rt.onBooked(step.context, r.appointment);
    return step.endDialog(r.appointment);
  }

  private confirmationText(appt: BookedAppointment): string {
    const config = this.rt.config;
    const links = { ics: this.rt.links.icsUrl(appt.id, appt.token), cancel: this.rt.links.cancelUrl(appt.token) };
    if (appt.status === "suggested") return `${BOOKING.approvalPending}\n${appointmentDetails(config, appt, null)}`;
    return `${BOOKING.booked}\n${appointmentDetails(config, appt, links)}`;
  }

  /** A correction after the hold: release it, apply the new wishes, find a slot again. */
  private async correct(step: WaterfallStepContext, s: BookingState): Promise<DialogTurnResult> {
    await this.rt.releaseHold(step.context);
    return this.restart(step, s, applyParse(s.request, this.rt.understandAsBooking(step.context), this.rt.config), null);
  }

  private restart(step: WaterfallStepContext, s: BookingState, request: BookingRequest, notice: string | null): Promise<DialogTurnResult> {
    const next: BookingOptions = { request, notice, name: s.name ?? null, email: s.email ?? null };
    return step.replaceDialog(FLOW, next);
  }
}
