/**
 * A chat with the whole dialog bot over botbuilder-testing's TestAdapter (locale de-de), on the
 * real core of a test database. `say` returns every bot reply of the turn; `run` plays a
 * transcript table of [citizen, expected reply] rows.
 */
import { ConversationState, MemoryStorage, TestAdapter, type Activity } from "botbuilder";
import { expect } from "vitest";
import type { BookedAppointment } from "../../../core/bookings/types.ts";
import type { Core } from "../../../core/core.ts";
import type { Waitlist } from "../../../core/waitlist/types.ts";
import { parse } from "../../../core/language/index.ts";
import { createDialogBot, type ParseFn } from "../../../dialogs/index.ts";

export interface Reply {
  text: string;
  buttons: string[];
  locale: string | undefined;
}

/** What a row expects: a substring, a pattern, or a check of the replies. */
export type Expect = string | RegExp | ((replies: Reply[]) => void);
export type Row = [citizen: string, expected: Expect];

export interface Chat {
  say(text: string): Promise<Reply[]>;
  /** Sends a conversationUpdate as a new member joins. */
  join(): Promise<Reply[]>;
  run(rows: Row[]): Promise<void>;
  booked: BookedAppointment[];
  conversationId: string;
}

export const LINKS = {
  icsUrl: (id: string, token: string) => `https://termine.example/ics/${id}?t=${token}`,
  cancelUrl: (token: string) => `https://termine.example/absagen/${token}`,
  wishUrl: (token: string) => `https://termine.example/warteliste/${token}`,
  offerUrl: (token: string) => `https://termine.example/warteliste/angebot/${token}`,
};

let counter = 0;

/** The real German parser, bound to the city's time zone and configuration as the composition root does. */
export function cityParser(core: Core): ParseFn {
  return (text, now) => parse(text, now, core.config.city.timezone, core.config);
}

export function openChat(core: Core, channelId = "test", options: { waitlist?: Waitlist } = {}): Chat {
  const conversationState = new ConversationState(new MemoryStorage());
  const booked: BookedAppointment[] = [];
  const bot = createDialogBot({
    core,
    parse: cityParser(core),
    conversationState,
    links: LINKS,
    waitlist: options.waitlist ?? null,
    onBooked: async (_ctx, appointment) => void booked.push(appointment),
  });
  const conversationId = `conv-${++counter}`;
  const adapter = new TestAdapter((context) => bot.run(context), {
    locale: "de-de",
    channelId,
    conversation: { id: conversationId, isGroup: false, name: "", conversationType: "personal" },
  } as Partial<Activity>);

  const drain = (): Reply[] =>
    adapter.activeQueue.splice(0).map((a) => ({
      text: a.text ?? "",
      buttons: (a.suggestedActions?.actions ?? []).map((x) => String(x.title)),
      locale: a.locale,
    }));

  const chat: Chat = {
    booked,
    conversationId,
    async say(text) {
      await adapter.receiveActivity(text);
      return drain();
    },
    async join() {
      await adapter.receiveActivity({ type: "conversationUpdate", membersAdded: [{ id: "citizen", name: "Bürgerin" }] });
      return drain();
    },
    async run(rows) {
      for (const [citizen, expected] of rows) {
        const replies = await chat.say(citizen);
        check(citizen, replies, expected);
      }
    },
  };
  return chat;
}

function check(citizen: string, replies: Reply[], expected: Expect): void {
  const all = replies.map((r) => r.text).join("\n");
  const where = `after «${citizen}» the bot said:\n${all}`;
  if (typeof expected === "function") expected(replies);
  else if (typeof expected === "string") expect(all, where).toContain(expected);
  else expect(all, where).toMatch(expected);
}

/** Buttons of the last reply of a turn. */
export function lastButtons(replies: Reply[]): string[] {
  return replies[replies.length - 1]?.buttons ?? [];
}
