/**
 * `npx terminassistent chat`: the same bot in a terminal, through the in-process LocalChatAdapter
 * (no HTTP). Buttons and suggested actions are numbered; typing the number picks one.
 */
import { createInterface } from "node:readline";
import type { Activity, CardAction } from "botbuilder";
import type { Sql } from "postgres";
import { createLogger, type Logger } from "../core/log.ts";
import { createConversationRefStore } from "./conversation-refs.ts";
import { LocalChatAdapter } from "./local-chat.adapter.ts";
import type { ChatBot } from "./server.ts";
import { createTurnLock } from "./turn-lock.ts";
import { useChatPipeline } from "./turn-pipeline.ts";
import { UI_TEXTS } from "./ui-texts.de.ts";

export interface TerminalChatDeps {
  bot: ChatBot;
  /** With a database: cross-process turn leases and stored conversation references, as on the server. */
  sql?: Sql;
  cityName?: string;
  log?: Logger;
}

export interface TerminalIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const QUIT = new Set(["/ende", "/exit", "/quit"]);

export async function runTerminalChat(deps: TerminalChatDeps, io: TerminalIo): Promise<void> {
  const t = UI_TEXTS.terminal;
  const write = (line: string) => io.output.write(`${line}\n`);
  const adapter = useChatPipeline(new LocalChatAdapter(), {
    turnLock: createTurnLock(deps.sql ? { sql: deps.sql } : {}),
    conversationRefs: deps.sql ? createConversationRefStore(deps.sql) : undefined,
    log: deps.log ?? createLogger("terminal-chat"),
  });
  const logic = (context: Parameters<ChatBot["run"]>[0]) => deps.bot.run(context);
  const conversationId = adapter.createConversation();
  let choices: CardAction[] = [];
  adapter.subscribe(conversationId, (activity) => {
    if (activity.from?.role !== "bot" || activity.type !== "message") return;
    const shown = renderActivity(activity);
    if (shown.text) write(`${t.bot}: ${shown.text}`);
    if (shown.choices.length > 0) {
      choices = shown.choices;
      shown.choices.forEach((c, i) => write(`  ${i + 1}) ${c.title ?? c.value}`));
      write(`  (${t.choose})`);
    }
  });

  write(t.welcome(deps.cityName ?? ""));
  await adapter.start(conversationId, logic);
  const lines = createInterface({ input: io.input, terminal: false });
  for await (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (QUIT.has(line.toLowerCase())) break;
    const picked = /^\d{1,2}$/.test(line) ? choices[Number(line) - 1] : undefined;
    const text = picked ? String(picked.value ?? picked.title) : line;
    if (picked) write(`${t.you}: ${text}`);
    choices = [];
    await adapter.receive(conversationId, { type: "message", text }, logic);
  }
  lines.close();
  write(t.bye);
}

/** Text and the numbered choices of one bot activity (suggested actions, then card buttons). */
export function renderActivity(activity: Partial<Activity>): { text: string; choices: CardAction[] } {
  const parts: string[] = [];
  if (activity.text) parts.push(stripMarkdown(activity.text));
  const choices: CardAction[] = [...(activity.suggestedActions?.actions ?? [])];
  for (const attachment of activity.attachments ?? []) {
    const card = attachment.content as { title?: string; subtitle?: string; text?: string; buttons?: CardAction[] } | undefined;
    if (!card || typeof card !== "object") continue;
    for (const field of [card.title, card.subtitle, card.text]) if (field) parts.push(stripMarkdown(field));
    choices.push(...(card.buttons ?? []).filter((b) => b.type === "imBack" || b.type === "postBack" || b.type === "messageBack"));
  }
  return { text: parts.join("\n"), choices };
}

function stripMarkdown(text: string): string {
  // Also drops the two trailing spaces that mark Markdown line breaks (turn-pipeline.ts).
  return text.replace(/\*\*(.+?)\*\*/g, "$1").replace(/\[(.+?)\]\((.+?)\)/g, "$1 <$2>").replace(/ {2}\n/g, "\n");
}
