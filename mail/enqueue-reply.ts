/**
 * The assistant's own answers (proposals, questions) go into the core's outbox in the same
 * transaction as the inbound record: a crash can neither lose nor double them.
 */
import type { Sql } from "postgres";
import { enqueueNotification } from "../core/notifications/outbox.ts";
import type { Conversation } from "./conversation.store.ts";
import type { ProposalsData } from "../templates/de/mail/proposals.ts";
import type { NoticeData } from "../templates/de/mail/notice.ts";
import type { WaitlistReplyData } from "../templates/de/mail/waitlist.ts";

export type ReplyContent =
  | { template: "proposals"; data: Omit<ProposalsData, "tag" | "timezone"> }
  | { template: "notice"; data: Omit<NoticeData, "tag" | "timezone"> }
  | { template: "waitlist"; data: Omit<WaitlistReplyData, "tag" | "timezone"> };

/** Payload of a `mail_reply` notification row; everything the renderer needs. */
export type MailReplyPayload = ReplyContent & {
  token: string;
  to: string;
  /** The citizen's Message-IDs this answers (RFC 5322 §3.6.4). */
  inReplyTo: string | null;
  references: string[];
};

export async function enqueueReply(tx: Sql, conversation: Conversation, content: ReplyContent): Promise<number> {
  const payload: MailReplyPayload = {
    ...content,
    token: conversation.token,
    to: conversation.citizenAddress,
    inReplyTo: conversation.thread.at(-1) ?? null,
    references: conversation.thread.slice(-10),
  };
  return enqueueNotification(tx, { kind: "mail_reply", channel: "mail", payload: payload as unknown as Record<string, unknown> });
}
