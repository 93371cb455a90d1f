/**
 * Asks for the booking code and, as a check, the e-mail address used for the booking; skips
 * whatever the first message already contained. Ends with `{ code, email }` (an `AppointmentRef`).
 */
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from "botbuilder-dialogs";
import { MANAGE } from "../templates/de/bot/manage.ts";
import { extractCode, extractEmail } from "./contact.ts";
import { ask, type Runtime } from "./runtime.ts";

export const IDENTIFY = "identify";
const FLOW = "identify.flow";
const CODE = "identify.code";
const EMAIL = "identify.email";

export interface IdentifyOptions {
  code?: string | null;
  email?: string | null;
}

export interface Identified {
  code: string;
  email: string;
}

export class IdentifyDialog extends ComponentDialog {
  constructor(private readonly rt: Runtime) {
    super(IDENTIFY);
    this.addDialog(new TextPrompt(CODE, async (pc) => this.codeIn(pc.context, pc.recognized.value ?? "") !== null));
    this.addDialog(new TextPrompt(EMAIL, async (pc) => extractEmail(pc.recognized.value ?? "") !== null));
    this.addDialog(new WaterfallDialog(FLOW, [this.codeStep.bind(this), this.emailStep.bind(this), this.doneStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private codeIn(context: Parameters<Runtime["understand"]>[0], text: string): string | null {
    return extractCode(text, this.rt.understand(context).code);
  }

  private async codeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = step.options as IdentifyOptions;
    if (o.code) return step.next(o.code);
    return step.prompt(CODE, { prompt: ask(MANAGE.askCode), retryPrompt: ask(MANAGE.codeRetry) });
  }

  private async emailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = step.options as IdentifyOptions;
    o.code = o.code ?? this.codeIn(step.context, String(step.result));
    // The code message may carry the address too ("K7P-2QX, erika@example.de").
    o.email = o.email ?? extractEmail(String(step.result));
    if (o.email) return step.next(o.email);
    return step.prompt(EMAIL, { prompt: ask(MANAGE.askEmail), retryPrompt: ask(MANAGE.emailRetry) });
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = step.options as IdentifyOptions;
    const email = o.email ?? extractEmail(String(step.result))!;
    return step.endDialog({ code: o.code!, email } satisfies Identified);
  }
}
