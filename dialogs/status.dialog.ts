/**
 * "Wann ist mein Termin?": identify by code + e-mail, then list the active appointments.
 */
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from "botbuilder-dialogs";
import { appointmentLine } from "../templates/de/bot/appointment.ts";
import { MANAGE, STATUS_WORDS } from "../templates/de/bot/manage.ts";
import { IDENTIFY, IdentifyDialog, type Identified, type IdentifyOptions } from "./identify.dialog.ts";
import { lookupAppointments } from "./lookup.ts";
import { say, type Runtime } from "./runtime.ts";

export const STATUS_DIALOG = "status";
const FLOW = "status.flow";

export class StatusDialog extends ComponentDialog {
  constructor(private readonly rt: Runtime) {
    super(STATUS_DIALOG);
    this.addDialog(new IdentifyDialog(rt));
    this.addDialog(new WaterfallDialog(FLOW, [this.identifyStep.bind(this), this.showStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async identifyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(IDENTIFY, step.options as IdentifyOptions);
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const found = await lookupAppointments(this.rt, step.context, step.result as Identified);
    if (found.length > 0) {
      const lines = found.map((a) => `${appointmentLine(this.rt.config, a)} (${STATUS_WORDS[a.status]}, Code ${a.code})`);
      await step.context.sendActivity(say([MANAGE.statusIntro(found.length), ...lines].join("\n")));
    }
    return step.endDialog(found);
  }
}
