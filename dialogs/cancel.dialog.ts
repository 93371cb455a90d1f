/**
 * Cancelling: identify by code + e-mail, show the appointment, ask once, cancel.
 */
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from "botbuilder-dialogs";
import type { Appointment } from "../core/bookings/types.ts";
import { appointmentLine } from "../templates/de/bot/appointment.ts";
import { MANAGE } from "../templates/de/bot/manage.ts";
import { errorText } from "../templates/de/errors.ts";
import { IDENTIFY, IdentifyDialog, type Identified, type IdentifyOptions } from "./identify.dialog.ts";
import { lookupAppointments } from "./lookup.ts";
import { yesNo } from "./replies.ts";
import { ask, citizenActor, conversationKey, say, type Runtime } from "./runtime.ts";

export const CANCEL_DIALOG = "cancel";
const FLOW = "cancel.flow";
const CONFIRM = "cancel.confirm";

interface CancelState extends IdentifyOptions {
  ref?: Identified;
  appointment?: Appointment;
}

export class CancelDialog extends ComponentDialog {
  constructor(private readonly rt: Runtime) {
    super(CANCEL_DIALOG);
    this.addDialog(new IdentifyDialog(rt));
    this.addDialog(new TextPrompt(CONFIRM, async (pc) => yesNo(pc.recognized.value ?? "", MANAGE.cancelButtons) !== null));
    this.addDialog(new WaterfallDialog(FLOW, [this.identifyStep.bind(this), this.confirmStep.bind(this), this.cancelStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async identifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as CancelState;
    return step.beginDialog(IDENTIFY, { code: s.code ?? null, email: s.email ?? null });
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as CancelState;
    s.ref = step.result as Identified;
    const [appointment] = await lookupAppointments(this.rt, step.context, s.ref);
    if (!appointment) return step.endDialog();
    s.appointment = appointment;
    const text = MANAGE.confirmCancel(appointmentLine(this.rt.config, appointment));
    return step.prompt(CONFIRM, { prompt: ask(text, [...MANAGE.cancelButtons]), retryPrompt: ask(MANAGE.yesNoRetry, [...MANAGE.cancelButtons]) });
  }

  private async cancelStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as CancelState;
    if (!yesNo(String(step.result), MANAGE.cancelButtons)) {
      await step.context.sendActivity(say(MANAGE.kept));
      return step.endDialog();
    }
    // Cancel the appointment that was shown, by its own code (the e-mail check already passed).
    const ref = { code: s.appointment!.code, email: s.ref!.email };
    const r = await this.rt.core.bookings.cancel(ref, citizenActor(step.context), { source: conversationKey(step.context.activity) });
    this.rt.log.info({ action: "cancel", appointmentId: s.appointment!.id, code: r.ok ? null : r.code });
    await step.context.sendActivity(say(r.ok ? MANAGE.cancelled : errorText(r.code)));
    return step.endDialog(r.ok ? r.appointment : undefined);
  }
}
