/**
 * The ActivityHandler the channels run: forces German, greets new members, runs the main dialog
 * on every message and saves conversation (and user) state after each turn.
 */
import { ActivityHandler, type BotState, type ConversationState, type StatePropertyAccessor, type TurnContext } from "botbuilder";
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from "botbuilder-dialogs";
import { GENERAL } from "../templates/de/bot/general.ts";
import { ask, type Runtime } from "./runtime.ts";

/** Prompts pick their culture from `activity.locale`, which channels set freely; we answer in German only. */
export const LOCALE = "de-DE";

export class DialogBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly rt: Runtime,
    private readonly conversationState: ConversationState,
    private readonly userState: BotState | undefined,
    private readonly dialog: Dialog,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>("DialogState");
    this.onMessage(async (context, next) => {
      await this.runDialog(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const others = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (others.length > 0) await context.sendActivity(ask(GENERAL.welcome(this.rt.config.city.name), [...GENERAL.startButtons]));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    context.activity.locale = LOCALE;
    context.onSendActivities(async (_ctx, activities, next) => {
      for (const a of activities) a.locale = LOCALE;
      return next();
    });
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState?.saveChanges(context, false);
  }

  private async runDialog(context: TurnContext): Promise<void> {
    const dialogs = new DialogSet(this.dialogState);
    dialogs.add(this.dialog);
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.dialog.id);
  }
}
