/**
 * In-process channel for the website chat and the terminal chat: no serviceUrl, no outbound HTTP.
 * Each conversation keeps a bounded transcript in memory, indexed by watermark for Direct Line polling.
 */
import { randomUUID } from "node:crypto";
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from "botbuilder";

/** Reuse a known channel id: ChoicePrompt's ListStyle.auto renders suggested actions only for known ids. */
export const LOCAL_CHANNEL_ID = "webchat";
export const LOCAL_SERVICE_URL = "urn:terminassistent:local";
const BOT = { id: "terminassistent", name: "Terminassistent", role: "bot" };

export type Logic = (context: TurnContext) => Promise<void>;
export type TranscriptListener = (activity: Partial<Activity>) => void;

interface LocalConversation {
  id: string;
  activities: Partial<Activity>[];
  /** Watermark of activities[0]; grows as old activities are dropped. */
  base: number;
  started: boolean;
  lastUsed: number;
  listeners: Set<TranscriptListener>;
}

export interface LocalChatOptions {
  maxActivitiesPerConversation?: number;
  /** Conversations unused this long are forgotten (bot state stays in the database). */
  idleMinutes?: number;
  now?: () => number;
}

/** Fields a client may set on its own activity; everything else comes from the server. */
const CLIENT_TYPES = new Set<string>([ActivityTypes.Message, ActivityTypes.Event]);

export class LocalChatAdapter extends BotAdapter {
  private readonly conversations = new Map<string, LocalConversation>();
  private readonly maxActivities: number;
  private readonly idleMs: number;
  private readonly clock: () => number;

  constructor(options: LocalChatOptions = {}) {
    super();
    this.maxActivities = options.maxActivitiesPerConversation ?? 500;
    this.idleMs = (options.idleMinutes ?? 120) * 60_000;
    this.clock = options.now ?? Date.now;
  }

  createConversation(): string {
    this.sweep();
    return this.open(randomUUID()).id;
  }

  has(id: string): boolean {
    return this.conversations.has(id);
  }

  /** The id was authenticated by a signed token; recreate its transcript after a restart. */
  open(id: string): LocalConversation {
    let c = this.conversations.get(id);
    if (!c) {
      c = { id, activities: [], base: 0, started: false, lastUsed: this.clock(), listeners: new Set() };
      this.conversations.set(id, c);
    }
    c.lastUsed = this.clock();
    return c;
  }

  get size(): number {
    return this.conversations.size;
  }

  /** Activities after `watermark`. A watermark from before a restart starts over at 0. */
  activitiesSince(id: string, watermark: number): { activities: Partial<Activity>[]; watermark: string } {
    const c = this.open(id);
    const end = c.base + c.activities.length;
    const from = watermark > end ? c.base : Math.max(watermark, c.base);
    return { activities: c.activities.slice(from - c.base), watermark: String(end) };
  }

  subscribe(id: string, listener: TranscriptListener): () => void {
    const c = this.open(id);
    c.listeners.add(listener);
    return () => c.listeners.delete(listener);
  }

  /** A citizen's activity: echo it into the transcript (Web Chat needs the echo), then run the bot. */
  async receive(id: string, incoming: Partial<Activity>, logic: Logic): Promise<string> {
    const c = this.open(id);
    const activity = this.inbound(c, incoming);
    this.push(c, activity);
    await this.runMiddleware(new TurnContext(this, activity as Activity), logic);
    return activity.id!;
  }

  /** Tell the bot the citizen joined, once per conversation (what Azure Direct Line does on connect). */
  async start(id: string, logic: Logic): Promise<void> {
    const c = this.open(id);
    if (c.started) return;
    c.started = true;
    const activity: Partial<Activity> = { ...this.inbound(c, {}), type: ActivityTypes.ConversationUpdate, text: undefined };
    activity.membersAdded = [{ ...activity.from! }, { ...BOT }];
    await this.runMiddleware(new TurnContext(this, activity as Activity), logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const c = this.open(context.activity.conversation.id);
    const out: ResourceResponse[] = [];
    for (const a of activities) {
      if (a.type === "delay") {
        await new Promise((r) => setTimeout(r, Math.min(Number(a.value) || 1000, 5000)));
        out.push({ id: "" });
      } else if (a.type === ActivityTypes.Trace || a.type === ActivityTypes.InvokeResponse) {
        out.push({ id: "" });
      } else {
        const sent: Partial<Activity> = { ...a, id: randomUUID(), timestamp: new Date(this.clock()), from: { ...BOT } };
        this.push(c, sent);
        out.push({ id: sent.id! });
      }
    }
    return out;
  }

  async updateActivity(): Promise<void> {
    throw new Error("LocalChatAdapter: updateActivity is not supported");
  }

  async deleteActivity(): Promise<void> {
    throw new Error("LocalChatAdapter: deleteActivity is not supported");
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: "continueConversation" },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity as Activity), logic);
  }

  /** Proactive messages (reminders, approvals): the app id is irrelevant in-process. */
  override async continueConversationAsync(_botAppIdOrClaims: unknown, reference: Partial<ConversationReference>, a: unknown, b?: unknown): Promise<void> {
    const logic = (typeof a === "function" ? a : b) as Logic;
    return this.continueConversation(reference, logic);
  }

  private inbound(c: LocalConversation, incoming: Partial<Activity>): Partial<Activity> {
    const type = incoming.type && CLIENT_TYPES.has(incoming.type) ? incoming.type : ActivityTypes.Message;
    return {
      type,
      text: typeof incoming.text === "string" ? incoming.text : undefined,
      value: incoming.value,
      name: type === ActivityTypes.Event ? incoming.name : undefined,
      channelData: sanitizeChannelData(incoming.channelData),
      id: randomUUID(),
      channelId: LOCAL_CHANNEL_ID,
      serviceUrl: LOCAL_SERVICE_URL,
      conversation: { id: c.id, isGroup: false, conversationType: "personal", name: "" },
      // The user id is bound to the token's conversation, so one client cannot reach another's user state.
      from: { id: `citizen-${c.id}`, name: "", role: "user" },
      recipient: { ...BOT },
      timestamp: new Date(this.clock()),
      locale: "de-DE",
    };
  }

  private push(c: LocalConversation, activity: Partial<Activity>): void {
    const seq = c.base + c.activities.length;
    activity.channelData = { ...(activity.channelData ?? {}), "webchat:sequence-id": seq };
    c.activities.push(activity);
    if (c.activities.length > this.maxActivities) {
      c.activities.shift();
      c.base += 1;
    }
    for (const listener of c.listeners) listener(activity);
  }

  private sweep(): void {
    const cutoff = this.clock() - this.idleMs;
    for (const [id, c] of this.conversations) if (c.lastUsed < cutoff && c.listeners.size === 0) this.conversations.delete(id);
  }
}

/** Keep only the client bookkeeping Web Chat relies on (clientActivityID, clientTimestamp). */
function sanitizeChannelData(data: unknown): Record<string, unknown> {
  if (!data || typeof data !== "object") return {};
  const d = data as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (typeof d.clientActivityID === "string") out.clientActivityID = d.clientActivityID.slice(0, 100);
  if (typeof d.clientTimestamp === "string") out.clientTimestamp = d.clientTimestamp.slice(0, 40);
  return out;
}
