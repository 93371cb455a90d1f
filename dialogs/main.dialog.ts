/**
 * The root of every conversation: routes a new message by the parser's intent, and handles the
 * interruptions that apply at any step of any process ("abbrechen", "Hilfe", an info question)
 * in one place, so the process dialogs only deal with their own answers.
 */
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from "botbuilder-dialogs";
import { GENERAL, GOODBYE_CUES, THANKS_CUES } from "../templates/de/bot/general.ts";
import { infoText } from "../templates/de/bot/info.ts";
import { applyParse, emptyRequest, hasBookingWishes, knownServices } from "./booking-request.ts";
import { BOOKING_DIALOG, BookingDialog, type BookingOptions } from "./booking.dialog.ts";
import { CANCEL_DIALOG, CancelDialog } from "./cancel.dialog.ts";
import { extractEmail } from "./contact.ts";
import { isAbort, isHelp } from "./replies.ts";
import { RESCHEDULE_DIALOG, RescheduleDialog, type RescheduleOptions } from "./reschedule.dialog.ts";
import { ask, say, textOf, type Runtime } from "./runtime.ts";
import { countNotice } from "./slot-picker.dialog.ts";
import { STATUS_DIALOG, StatusDialog } from "./status.dialog.ts";
import type { ParseResult } from "./understanding.ts";

export const MAIN_DIALOG = "main";

const ENDED: DialogTurnResult = { status: DialogTurnStatus.complete };

/** Intents that start a process of their own, even in the middle of another. */
const PROCESS_OF: Partial<Record<ParseResult["intent"], string>> = {
  cancel: CANCEL_DIALOG,
  reschedule: RESCHEDULE_DIALOG,
  status: STATUS_DIALOG,
};

export class MainDialog extends ComponentDialog {
  constructor(private readonly rt: Runtime) {
    super(MAIN_DIALOG);
    this.addDialog(new BookingDialog(rt));
    this.addDialog(new CancelDialog(rt));
    this.addDialog(new RescheduleDialog(rt));
    this.addDialog(new StatusDialog(rt));
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const text = textOf(innerDc.context);
    await this.rt.currentServices.set(innerDc.context, []);
    if (isAbort(text)) {
      await innerDc.context.sendActivity(ask(GENERAL.nothingToAbort));
      return ENDED;
    }
    if (isHelp(text)) return this.reply(innerDc, GENERAL.help);
    return this.route(innerDc, this.rt.understand(innerDc.context), text);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const text = textOf(innerDc.context);
    if (isAbort(text)) {
      await this.rt.releaseHold(innerDc.context);
      await innerDc.cancelAllDialogs();
      await innerDc.context.sendActivity(ask(GENERAL.aborted));
      return ENDED;
    }
    const parse = this.rt.understand(innerDc.context);
    if (isHelp(text) || (parse.intent === "help" && !hasBookingWishes(parse, this.rt.config))) {
      await innerDc.context.sendActivity(say(GENERAL.help));
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    // An answer carrying an e-mail address ("meine Adresse ist …") is never an info question.
    if (parse.intent === "info" && parse.infoTopics.length > 0 && extractEmail(text) === null) {
      const current = await this.rt.currentServices.get(innerDc.context, []);
      await innerDc.context.sendActivity(say(this.info(parse, current)));
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (this.switchesProcess(innerDc, parse)) {
      // "Ich möchte doch meinen Termin absagen" in the middle of a booking: start what is asked for now.
      await this.rt.releaseHold(innerDc.context);
      await innerDc.cancelAllDialogs();
      return this.route(innerDc, parse, text);
    }
    return innerDc.continueDialog();
  }

  /** Whether the message asks for another process than the running one (cancel, move, status). */
  private switchesProcess(dc: DialogContext, parse: ParseResult): boolean {
    const target = PROCESS_OF[parse.intent];
    return target !== undefined && dc.activeDialog !== undefined && dc.activeDialog.id !== target;
  }

  private async route(dc: DialogContext, parse: ParseResult, text: string): Promise<DialogTurnResult> {
    const config = this.rt.config;
    switch (parse.intent) {
      case "book":
        return dc.beginDialog(BOOKING_DIALOG, { request: applyParse(emptyRequest(text), parse, config), notice: countNotice(parse, config) } satisfies BookingOptions);
      case "cancel":
        return dc.beginDialog(CANCEL_DIALOG, { code: parse.code });
      case "reschedule":
        return dc.beginDialog(RESCHEDULE_DIALOG, { code: parse.code, request: applyParse(emptyRequest(text), parse, config) } satisfies RescheduleOptions);
      case "status":
        return dc.beginDialog(STATUS_DIALOG, { code: parse.code });
      case "info":
        if (!parse.secondaryIntents.includes("book")) return this.reply(dc, this.info(parse));
        // "Was kostet ein Pass? Ich brauche nächste Woche einen Termin.": answer, then book.
        await dc.context.sendActivity(say(this.info(parse)));
        return dc.beginDialog(BOOKING_DIALOG, { request: applyParse(emptyRequest(text), parse, config) } satisfies BookingOptions);
      case "help":
        return this.reply(dc, GENERAL.help);
      case "greeting":
        return this.reply(dc, this.greeting(text));
      default:
        // "nächste Woche vormittags" alone still starts a booking; anything else is out of scope.
        if (hasBookingWishes(parse, config)) return dc.beginDialog(BOOKING_DIALOG, { request: applyParse(emptyRequest(text), parse, config) } satisfies BookingOptions);
        return this.reply(dc, GENERAL.fallback(config));
    }
  }

  /** Answer from the configuration; `current` = services of the running process when the question names none. */
  private info(parse: ParseResult, current: string[] = []): string {
    const topics = parse.infoTopics.length > 0 ? parse.infoTopics : (["other"] as const);
    const named = knownServices(parse.services, this.rt.config).services.map((s) => s.id);
    const services = named.length > 0 ? named : current;
    return infoText(this.rt.config, [...topics], services, parse.locations);
  }

  private greeting(text: string): string {
    const t = text.toLowerCase();
    if (THANKS_CUES.some((c) => t.includes(c))) return GENERAL.thanks;
    if (GOODBYE_CUES.some((c) => t.includes(c))) return GENERAL.goodbye;
    return GENERAL.greeting;
  }

  private async reply(dc: DialogContext, text: string): Promise<DialogTurnResult> {
    await dc.context.sendActivity(say(text));
    return ENDED;
  }
}
