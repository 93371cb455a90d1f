/**
 * Moving an appointment: identify it, find a new slot for the same services (slot picker, with
 * the wishes of the first message), ask once, then `core.bookings.reschedule`, which books the
 * new slot and releases the old one in one transaction.
 */
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from "botbuilder-dialogs";
import type { Appointment } from "../core/bookings/types.ts";
import { appointmentDetails, appointmentLine } from "../templates/de/bot/appointment.ts";
import { MANAGE } from "../templates/de/bot/manage.ts";
import { errorText } from "../templates/de/errors.ts";
import { emptyRequest, type BookingRequest } from "./booking-request.ts";
import { IDENTIFY, IdentifyDialog, type Identified } from "./identify.dialog.ts";
import { lookupAppointments } from "./lookup.ts";
import { yesNo } from "./replies.ts";
import { ask, citizenActor, conversationKey, say, type Runtime } from "./runtime.ts";
import { SLOT_PICKER, SlotPickerDialog, type PickerResult } from "./slot-picker.dialog.ts";

export const RESCHEDULE_DIALOG = "reschedule";
const FLOW = "reschedule.flow";
const CONFIRM = "reschedule.confirm";

export interface RescheduleOptions {
  code?: string | null;
  email?: string | null;
  /** Wishes for the new slot from the first message ("auf Freitag nachmittags"). */
  request?: BookingRequest;
  notice?: string | null;
}

interface RescheduleState extends RescheduleOptions {
  ref?: Identified;
  appointment?: Appointment;
  picked?: PickerResult;
}

export class RescheduleDialog extends ComponentDialog {
  constructor(private readonly rt: Runtime) {
    super(RESCHEDULE_DIALOG);
    this.addDialog(new IdentifyDialog(rt));
    this.addDialog(new SlotPickerDialog(rt));
    this.addDialog(new TextPrompt(CONFIRM, async (pc) => yesNo(pc.recognized.value ?? "", MANAGE.rescheduleButtons) !== null));
    const steps = [this.identifyStep, this.pickStep, this.confirmStep, this.finalStep];
    this.addDialog(new WaterfallDialog(FLOW, steps.map((s) => s.bind(this))));
    this.initialDialogId = FLOW;
  }

  private async identifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as RescheduleState;
    return step.beginDialog(IDENTIFY, { code: s.code ?? null, email: s.email ?? null });
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as RescheduleState;
    s.ref = step.result as Identified;
    const [appointment] = await lookupAppointments(this.rt, step.context, s.ref);
    if (!appointment) return step.endDialog();
    s.appointment = appointment;
    s.code = appointment.code;
    s.email = s.ref.email;
    if (!s.notice) await step.context.sendActivity(say(MANAGE.currentAppointment(appointmentLine(this.rt.config, appointment))));
    const wishes = s.request ?? emptyRequest();
    const request: BookingRequest = {
      ...wishes,
      services: appointment.services,
      excludeSlots: [...wishes.excludeSlots, { locationId: appointment.locationId, start: appointment.start }],
    };
    return step.beginDialog(SLOT_PICKER, { request, notice: s.notice ?? null });
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as RescheduleState;
    s.picked = step.result as PickerResult;
    const config = this.rt.config;
    const to = appointmentLine(config, { services: s.appointment!.services, start: s.picked.slot.start, locationId: s.picked.slot.locationId });
    const text = MANAGE.confirmReschedule(appointmentLine(config, s.appointment!), to);
    const buttons = [...MANAGE.rescheduleButtons];
    return step.prompt(CONFIRM, { prompt: ask(text, buttons), retryPrompt: ask(MANAGE.yesNoRetry, buttons) });
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as RescheduleState;
    if (!yesNo(String(step.result), MANAGE.rescheduleButtons)) {
      await step.context.sendActivity(say(MANAGE.notRescheduled));
      return step.endDialog();
    }
    const slot = { locationId: s.picked!.slot.locationId, start: s.picked!.slot.start };
    const ref = { code: s.appointment!.code, email: s.ref!.email };
    const r = await this.rt.core.bookings.reschedule(ref, slot, citizenActor(step.context), { source: conversationKey(step.context.activity) });
    this.rt.log.info({ action: "reschedule", appointmentId: s.appointment!.id, code: r.ok ? null : r.code });
    if (!r.ok && r.code === "SLOT_TAKEN") {
      // Someone was faster: look for another slot with the same wishes, the old appointment stays.
      const request = { ...s.picked!.request, excludeSlots: [...s.picked!.request.excludeSlots, slot] };
      return step.replaceDialog(FLOW, { code: s.code, email: s.email, request, notice: errorText("SLOT_TAKEN") } satisfies RescheduleOptions);
    }
    if (!r.ok) {
      await step.context.sendActivity(say(errorText(r.code)));
      return step.endDialog();
    }
    const appt = r.appointment;
    const links = { ics: this.rt.links.icsUrl(appt.id, appt.token), cancel: this.rt.links.cancelUrl(appt.token) };
    await step.context.sendActivity(say(`${MANAGE.rescheduled}\n${appointmentDetails(this.rt.config, appt, links)}`));
    if (this.rt.onBooked) await this.rt.onBooked(step.context, appt);
    return step.endDialog(appt);
  }
}
