/**
 * Fetch one message from IMAP, bounded in memory: small mails whole; large ones (a 20 MB PDF
 * attached) only as header block plus their text part. Attachments are never read.
 */
import type { ImapFlow, MessageStructureObject } from "imapflow";
import { readMessage, type InboundMail } from "./read-message.ts";

const MAX_TEXT_BYTES = 256 * 1024;

function findTextPart(node: MessageStructureObject | undefined, type: "text/plain" | "text/html"): MessageStructureObject | null {
  if (!node) return null;
  if (node.childNodes?.length) {
    for (const child of node.childNodes) {
      const hit = findTextPart(child, type);
      if (hit) return hit;
    }
    return null;
  }
  return node.type.toLowerCase() === type && node.disposition?.toLowerCase() !== "attachment" ? node : null;
}

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/** imapflow converts declared charsets to UTF-8; undeclared non-UTF-8 bytes are read as Windows-1252. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Header block + the decoded text part, re-wrapped as a small single-part UTF-8 message. */
async function fetchLarge(client: ImapFlow, uid: number): Promise<InboundMail | null> {
  const head = await client.fetchOne(String(uid), { uid: true, headers: true, bodyStructure: true }, { uid: true });
  if (!head || !head.headers) return null;
  const part = findTextPart(head.bodyStructure, "text/plain") ?? findTextPart(head.bodyStructure, "text/html");
  let body = "";
  if (part) {
    const download = await client.download(String(uid), part.part ?? "1", { uid: true, maxBytes: MAX_TEXT_BYTES });
    if (download.content) body = decodeText(await streamToBuffer(download.content));
  }
  const headers = head.headers
    .toString("latin1")
    .replace(/^(content-type|content-transfer-encoding):[^\r\n]*(\r?\n[ \t][^\r\n]*)*\r?\n/gim, "")
    .replace(/(\r?\n)+$/, "");
  const type = part?.type.toLowerCase() === "text/html" ? "text/html" : "text/plain";
  const rebuilt = Buffer.concat([
    Buffer.from(`${headers}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`, "latin1"),
    Buffer.from(body, "utf8"),
  ]);
  return readMessage(rebuilt);
}

/** Returns null when the message vanished meanwhile (moved by someone else). */
export async function fetchMessage(client: ImapFlow, uid: number, size: number, maxBytes: number): Promise<InboundMail | null> {
  if (size > maxBytes) return fetchLarge(client, uid);
  const msg = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
  if (!msg || !msg.source) return null;
  return readMessage(msg.source);
}

/** Cheap header peek for the Message-ID, to skip already handled mails without downloading them. */
export function messageIdFromEnvelope(envelope: { messageId?: string | undefined } | undefined): string | null {
  return envelope?.messageId?.trim() || null;
}
