/**
 * A bot activity as Telegram messages: text (escaped, HTML parse mode) split within the message
 * limit, and buttons (suggested actions, hero card buttons, Adaptive Card actions) as an inline
 * keyboard under the last chunk. Button values go into callback_data through `encode`, which maps
 * values over Telegram's 64-byte limit to a short id.
 */
import { ActionTypes, type Activity, type Attachment, type CardAction } from "botbuilder";
import { TELEGRAM_TEXTS } from "../../templates/de/cards/telegram.ts";
import { escapeHtml, splitText } from "./text.ts";

export type InlineButton = { text: string; callback_data: string } | { text: string; url: string };

export interface OutgoingMessage {
  /** HTML for parse_mode "HTML". */
  html: string;
  keyboard?: InlineButton[][];
}

export interface Button {
  title: string;
  value?: string;
  url?: string;
}

const HERO = "application/vnd.microsoft.card.hero";
const ADAPTIVE = "application/vnd.microsoft.card.adaptive";

export async function renderActivity(activity: Partial<Activity>, encode: (value: string) => Promise<string>): Promise<OutgoingMessage[]> {
  const { title, body, buttons } = collect(activity);
  const plain = [title, body].filter(Boolean).join("\n");
  const chunks = plain.trim() ? splitText(plain) : [buttons.length ? TELEGRAM_TEXTS.chooseOne : ""];
  if (!chunks[0]) return [];
  const messages: OutgoingMessage[] = chunks.map((chunk, i) => ({ html: i === 0 && title ? boldFirstLine(chunk, title) : escapeHtml(chunk) }));
  if (buttons.length) messages[messages.length - 1]!.keyboard = layout(await Promise.all(buttons.map((b) => toInline(b, encode))));
  return messages;
}

function boldFirstLine(chunk: string, title: string): string {
  if (!chunk.startsWith(title)) return escapeHtml(chunk);
  return `<b>${escapeHtml(title)}</b>${escapeHtml(chunk.slice(title.length))}`;
}

function collect(activity: Partial<Activity>): { title: string; body: string; buttons: Button[] } {
  const texts: string[] = [];
  let title = "";
  const buttons: Button[] = [];
  for (const attachment of activity.attachments ?? []) {
    const card = readCard(attachment);
    if (!card) continue;
    if (card.title && !title) title = card.title;
    else if (card.title) texts.push(card.title);
    texts.push(...card.texts);
    buttons.push(...card.buttons);
  }
  if (activity.text) texts.push(activity.text);
  buttons.push(...(activity.suggestedActions?.actions ?? []).map(fromCardAction).filter((b): b is Button => b !== null));
  return { title, body: texts.filter(Boolean).join("\n"), buttons };
}

function readCard(attachment: Attachment): { title: string; texts: string[]; buttons: Button[] } | null {
  const c = (attachment.content ?? {}) as Record<string, unknown>;
  if (attachment.contentType === HERO) {
    const texts = [c.subtitle, c.text].filter((t): t is string => typeof t === "string" && t.length > 0);
    const buttons = ((c.buttons as CardAction[] | undefined) ?? []).map(fromCardAction).filter((b): b is Button => b !== null);
    return { title: typeof c.title === "string" ? c.title : "", texts, buttons };
  }
  if (attachment.contentType === ADAPTIVE) return readAdaptive(c);
  return null;
}

/** Adaptive Cards do not exist on Telegram: their text blocks and submit/URL actions carry over. */
export function readAdaptive(card: Record<string, unknown>): { title: string; texts: string[]; buttons: Button[] } {
  const texts: string[] = [];
  const walk = (items: unknown): void => {
    for (const item of Array.isArray(items) ? (items as Record<string, unknown>[]) : []) {
      if (item.type === "TextBlock" && typeof item.text === "string") texts.push(item.text);
      walk(item.items);
      walk(item.columns);
    }
  };
  walk(card.body);
  if (!texts.length && typeof card.fallbackText === "string") texts.push(card.fallbackText);
  const buttons: Button[] = [];
  for (const action of (card.actions as Record<string, unknown>[] | undefined) ?? []) {
    const title = String(action.title ?? "");
    if (action.type === "Action.OpenUrl" && typeof action.url === "string") buttons.push({ title, url: action.url });
    else if (action.type === "Action.Submit") buttons.push({ title, value: submitText(action.data, title) });
  }
  return { title: "", texts, buttons };
}

function submitText(data: unknown, title: string): string {
  if (typeof data === "string") return data;
  const d = (data ?? {}) as Record<string, unknown>;
  const imBack = (d.msteams as Record<string, unknown> | undefined)?.value;
  for (const v of [d.text, d.choice, d.value, imBack]) if (typeof v === "string" && v) return v;
  return title;
}

function fromCardAction(action: CardAction): Button | null {
  const title = String(action.title ?? action.value ?? "");
  if (action.type === ActionTypes.OpenUrl) return typeof action.value === "string" ? { title, url: action.value } : null;
  const value = typeof action.value === "string" ? action.value : typeof action.text === "string" ? action.text : title;
  return title || value ? { title: title || value, value } : null;
}

async function toInline(button: Button, encode: (value: string) => Promise<string>): Promise<InlineButton> {
  const text = button.title.slice(0, 120);
  if (button.url) return { text, url: button.url };
  return { text, callback_data: await encode(button.value ?? button.title) };
}

/** Short labels side by side (up to 3 a row), long ones (times with a location) one per row. */
function layout(buttons: InlineButton[]): InlineButton[][] {
  const rows: InlineButton[][] = [];
  let row: InlineButton[] = [];
  let width = 0;
  for (const b of buttons) {
    const w = b.text.length;
    if (row.length && (row.length === 3 || width + w > 30)) {
      rows.push(row);
      row = [];
      width = 0;
    }
    row.push(b);
    width += w;
  }
  if (row.length) rows.push(row);
  return rows;
}
