/**
 * One inbound mail, exactly once: classify → bind to a conversation → plan → (read-only prepare)
 * → ONE transaction with the inbound record, the booking effects and our answer.
 */
import type { Sql } from "postgres";
import { emptyParseResult } from "../core/language/types.ts";
import { classifyInbound, type InboundKind } from "./classify.ts";
import { extractReply } from "./extract-reply.ts";
import { answeredSince, recordInbound, setOutcome, type InboundKey, type InboundOutcome } from "./inbound.store.ts";
import {
  findConversation,
  findConversationByNotifications,
  saveConversation,
  type Conversation,
} from "./conversation.store.ts";
import { applyPlan } from "./apply-plan.ts";
import { bouncedNotificationIds, markBounced } from "./bounce.ts";
import { planReply } from "./plan-reply.ts";
import { preparePlan } from "./prepare-plan.ts";
import { findReplyToken, newReplyToken, notificationIdsIn } from "./reply-token.ts";
import type { MailContext } from "./mail-context.ts";
import type { InboundMail } from "./read-message.ts";

export type HandleResult = "duplicate" | InboundOutcome;

const HOUR = 3_600_000;

function ownAddresses(ctx: MailContext): string[] {
  return [ctx.settings.from.address, ctx.settings.replyTo, ctx.settings.imap.user.toLowerCase()];
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1);
}

/** A reply belongs to a conversation only when token or thread AND the sender match. */
async function bindConversation(ctx: MailContext, mail: InboundMail, sender: string): Promise<Conversation | null> {
  const token = findReplyToken({ subject: mail.subject, recipients: mail.recipients });
  let found = token ? await findConversation(ctx.sql, token) : null;
  if (!found) {
    const ids = notificationIdsIn([...mail.inReplyTo, ...mail.references], domainOf(ctx.settings.from.address));
    found = await findConversationByNotifications(ctx.sql, ids);
  }
  return found && found.citizenAddress === sender ? found : null;
}

function newConversation(ctx: MailContext, mail: InboundMail, sender: string): Conversation {
  const name = (mail.from?.name ?? "").replace(/[\u0000-\u001f]/g, " ").trim().slice(0, 100) || sender.split("@")[0] || "Bürgerin oder Bürger";
  return {
    token: newReplyToken(), mailbox: ctx.settings.mailbox, citizenAddress: sender, citizenName: name, state: "asked",
    request: { services: [] }, proposals: [], rescheduleCode: null, appointmentId: null, thread: [],
  };
}

async function overRateLimit(ctx: MailContext, tx: Sql, sender: string, now: Date): Promise<boolean> {
  const { perHour, perDay } = ctx.settings.rate;
  if ((await answeredSince(tx, sender, new Date(now.getTime() - HOUR))) >= perHour) return true;
  return (await answeredSince(tx, sender, new Date(now.getTime() - 24 * HOUR))) >= perDay;
}

/** Never answered. A bounce of one of our mails marks its outbox row, in the same transaction as the record. */
async function recordOnly(ctx: MailContext, key: InboundKey, mail: InboundMail, kind: InboundKind): Promise<HandleResult> {
  const record = { ...key, messageId: mail.messageId, sender: mail.from?.address ?? null, kind, outcome: "ignored" as const, conversationToken: null, receivedAt: ctx.core.now() };
  const bounced = kind === "bounce" ? bouncedNotificationIds(mail, domainOf(ctx.settings.from.address)) : [];
  if (bounced.length === 0) return (await recordInbound(ctx.sql, record)) ? "ignored" : "duplicate";
  const marked = await ctx.sql.begin(async (tx) => {
    const t = tx as unknown as Sql;
    return (await recordInbound(t, record)) ? markBounced(t, bounced) : null;
  });
  if (marked === null) return "duplicate";
  ctx.log.info({ action: "mail_bounced", uid: key.uid, notifications: marked }, "bounce mapped to the outbox");
  return "ignored";
}

export async function handleIncoming(ctx: MailContext, key: InboundKey, mail: InboundMail): Promise<HandleResult> {
  const kind = classifyInbound(mail, { addresses: ownAddresses(ctx) });
  const sender = mail.from?.address;
  if (kind !== "human" || !sender) return recordOnly(ctx, key, mail, kind);
  const now = ctx.core.now();
  const config = ctx.core.config;
  const bound = await bindConversation(ctx, mail, sender);
  const text = extractReply(mail.text);
  const parse = text ? ctx.parse(text, now, config.city.timezone, config) : emptyParseResult();
  const plan = planReply({ text, parse, conversation: bound, timezone: config.city.timezone });
  const prepared = await preparePlan(ctx, plan, bound, sender);
  const conversation = bound ?? newConversation(ctx, mail, sender);
  if (mail.messageId) conversation.thread = [...conversation.thread, mail.messageId].slice(-10);
  const result = await ctx.sql.begin(async (tx) => {
    const t = tx as unknown as Sql;
    const limited = await overRateLimit(ctx, t, sender, now);
    const base = { ...key, messageId: mail.messageId, sender, kind, receivedAt: now, conversationToken: conversation.token };
    if (!(await recordInbound(t, { ...base, outcome: limited ? "rate_limited" : "answered" }))) return "duplicate" as const;
    if (limited) return "rate_limited" as const;
    const acted = await applyPlan({ tx, ctx, conversation, text }, prepared);
    if (acted || bound) await saveConversation(t, conversation, now);
    if (!acted) await setOutcome(t, key, "no_action", conversation.token);
    return acted ? ("answered" as const) : ("no_action" as const);
  });
  if (result === "answered") ctx.wakeSender();
  ctx.log.info({ action: "mail_handled", uid: key.uid, outcome: result, plan: prepared.action, conversation: conversation.token }, "mail handled");
  return result;
}
