/**
 * "Warteliste" by mail: register a wish for the conversation's request with the sender's address,
 * inside the inbound transaction, and answer with the position and the wish link. A forged sender
 * can only put the claimed address on the list; the offer then goes to that address.
 */
import type { Sql, TransactionSql } from "postgres";
import { waitlistLinks } from "../core/links.ts";
import { wishFromRequest } from "../core/waitlist/wish-from-request.ts";
import type { WaitlistReplyData } from "../templates/de/mail/waitlist.ts";
import type { Conversation, StoredRequest } from "./conversation.store.ts";
import { enqueueReply } from "./enqueue-reply.ts";
import { serviceNames, type MailContext } from "./mail-context.ts";

export interface WaitlistApplyInput {
  tx: TransactionSql;
  ctx: MailContext;
  conversation: Conversation;
}

async function answer(a: WaitlistApplyInput, data: Omit<WaitlistReplyData, "tag" | "timezone">): Promise<void> {
  await enqueueReply(a.tx as unknown as Sql, a.conversation, { template: "waitlist", data });
}

export async function registerWish(a: WaitlistApplyInput, request: StoredRequest): Promise<void> {
  const { ctx, conversation: c } = a;
  if (!ctx.waitlist) return answer(a, { kind: "failed" });
  if (request.services.length === 0) {
    c.request = request;
    c.state = "asked";
    return answer(a, { kind: "no_request" });
  }
  const config = ctx.core.config;
  const r = await ctx.waitlist.register(
    { ...wishFromRequest(config, request, ctx.core.now()), contact: { name: c.citizenName, email: c.citizenAddress }, conversationKey: null, channel: "mail" },
    { tx: a.tx },
  );
  c.request = request;
  c.state = "closed";
  if (!r.ok) {
    ctx.log.info({ action: "waitlist_register", code: r.code, conversation: c.token });
    return answer(a, { kind: r.code === "WAITLIST_DUPLICATE" ? "duplicate" : "failed" });
  }
  ctx.log.info({ action: "waitlist_register", wishId: r.wish.id, conversation: c.token });
  return answer(a, {
    kind: "registered", services: serviceNames(config, request.services), position: r.position, latestDate: r.wish.latestDate,
    wishUrl: waitlistLinks(ctx.publicUrl).wish(r.token),
  });
}
