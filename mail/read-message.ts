/**
 * Raw RFC 5322 source → the few facts the assistant needs. Robust against the usual damage:
 * missing or wrong charsets, HTML-only mails, malformed MIME (never throws for the body).
 */
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";

export interface InboundMail {
  messageId: string | null;
  from: { address: string; name: string } | null;
  /** To, Cc and Delivered-To, lower-cased: the plus address may sit in any of them. */
  recipients: string[];
  subject: string;
  inReplyTo: string[];
  references: string[];
  /** Lower-cased header name → unfolded raw value(s), joined by "\n" when repeated. */
  headers: Map<string, string>;
  contentType: { value: string; params: Record<string, string> };
  /** `method=` of a text/calendar part (iMIP, RFC 6047), upper-cased. */
  calendarMethod: string | null;
  /** The whole readable text (text/plain preferred, else text from HTML); quotes not yet stripped. */
  text: string;
  /** True when a charset had to be guessed (U+FFFD after UTF-8 decoding). */
  guessedCharset: boolean;
  /**
   * Message-IDs of the mails a delivery report returns: the headers in its `message/rfc822` or
   * `text/rfc822-headers` part (RFC 3462 §2, RFC 6533 for the `global` variants). Empty otherwise.
   */
  returnedMessageIds: string[];
}

const PARSE_OPTIONS = { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 };

export async function readMessage(source: Buffer, textOverride?: string): Promise<InboundMail> {
  let parsed = await simpleParser(source, PARSE_OPTIONS);
  let guessedCharset = false;
  if (textOverride === undefined && (parsed.text ?? "").includes("\uFFFD")) {
    const retry = await simpleParser(assumeWindows1252(source), PARSE_OPTIONS);
    if (countReplacement(retry.text) < countReplacement(parsed.text)) {
      parsed = retry;
      guessedCharset = true;
    }
  }
  return toInboundMail(parsed, textOverride ?? parsed.text ?? "", guessedCharset);
}

function countReplacement(text: string | undefined): number {
  return (text ?? "").split("\uFFFD").length - 1;
}

/**
 * Text parts without a declared charset default to UTF-8 in mailparser; German mail clients of old
 * wrote Windows-1252 there (a superset of ISO-8859-1 for printable text). Add the label and re-parse.
 */
export function assumeWindows1252(source: Buffer): Buffer {
  let raw = source.toString("latin1");
  raw = raw.replace(/^(content-type:[ \t]*text\/(?:plain|html)\b[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)/gim, (header) =>
    /charset\s*=/i.test(header) ? header : `${header}; charset=windows-1252`,
  );
  const headerEnd = raw.search(/\r?\n\r?\n/);
  const topHeaders = headerEnd < 0 ? raw : raw.slice(0, headerEnd);
  if (!/^content-type:/im.test(topHeaders)) raw = `Content-Type: text/plain; charset=windows-1252\r\n${raw}`;
  return Buffer.from(raw, "latin1");
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((a) => a.value).map((a) => (a.address ?? "").toLowerCase()).filter(Boolean);
}

function headerMap(parsed: ParsedMail): Map<string, string> {
  const map = new Map<string, string>();
  for (const { key, line } of parsed.headerLines ?? []) {
    const value = line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
    const k = key.toLowerCase();
    map.set(k, map.has(k) ? `${map.get(k)}\n${value}` : value);
  }
  return map;
}

function messageIdList(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const joined = Array.isArray(value) ? value.join(" ") : value;
  return joined.match(/<[^<>\s]+>/g) ?? [];
}

function contentTypeOf(parsed: ParsedMail): InboundMail["contentType"] {
  const ct = parsed.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  return { value: (ct?.value ?? "text/plain").toLowerCase(), params: ct?.params ?? {} };
}

function calendarMethodOf(parsed: ParsedMail): string | null {
  for (const a of parsed.attachments ?? []) {
    if (!/^text\/calendar/i.test(a.contentType)) continue;
    const ct = a.headers?.get("content-type") as { params?: Record<string, string> } | undefined;
    const fromHeader = ct?.params?.method;
    const fromBody = /^METHOD:([A-Z-]+)/m.exec(a.content?.toString("utf8") ?? "")?.[1];
    return (fromHeader ?? fromBody ?? "").toUpperCase() || null;
  }
  return null;
}

const RETURNED_TYPES = new Set(["message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers"]);

function returnedMessageIdsOf(parsed: ParsedMail): string[] {
  const ids: string[] = [];
  for (const a of parsed.attachments ?? []) {
    if (!RETURNED_TYPES.has(a.contentType.toLowerCase())) continue;
    // Only the returned mail's own header block; a folded Message-ID line is unfolded first.
    const raw = a.content.toString("latin1");
    const headerEnd = raw.search(/\r?\n\r?\n/);
    const block = (headerEnd < 0 ? raw : raw.slice(0, headerEnd)).replace(/\r?\n[ \t]+/g, " ");
    const id = /^message-id:[ \t]*(<[^<>\s]+>)/im.exec(block)?.[1];
    if (id) ids.push(id);
  }
  return ids;
}

function toInboundMail(parsed: ParsedMail, text: string, guessedCharset: boolean): InboundMail {
  const headers = headerMap(parsed);
  const sender = parsed.from?.value[0];
  const deliveredTo = (headers.get("delivered-to") ?? "").split("\n").map((s) => s.trim().toLowerCase()).filter(Boolean);
  return {
    messageId: parsed.messageId ?? null,
    from: sender?.address ? { address: sender.address.toLowerCase(), name: sender.name ?? "" } : null,
    recipients: [...deliveredTo, ...addresses(parsed.to), ...addresses(parsed.cc)],
    subject: parsed.subject ?? "",
    inReplyTo: messageIdList(parsed.inReplyTo),
    references: messageIdList(parsed.references),
    headers,
    contentType: contentTypeOf(parsed),
    calendarMethod: calendarMethodOf(parsed),
    text: text.replace(/\r\n?/g, "\n"),
    guessedCharset,
    returnedMessageIds: returnedMessageIdsOf(parsed),
  };
}
