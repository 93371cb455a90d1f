/**
 * The smallest bot: repeats each message. The baseline of the chat-turn benchmark and the bot of the
 * HTTP and browser tests until a test needs real dialogs.
 */
import { ActivityHandler, MessageFactory } from "botbuilder";

export class EchoBot extends ActivityHandler {
  constructor(greeting = "Willkommen beim Terminassistenten!") {
    super();
    this.onMessage(async (context, next) => {
      const reply = MessageFactory.suggestedActions(["Hallo", "Hilfe"], `Echo: ${context.activity.text ?? ""}`);
      await context.sendActivity(reply);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity(greeting);
      }
      await next();
    });
  }
}
