/**
 * Cut quoted history and signatures off a reply, so "2" is read as "2" and not together with the
 * three proposals quoted below it. planer (a talon port) does most of the work; German client
 * patterns (Outlook/OWA, Gmail, GMX/WEB.DE, Apple, Thunderbird) follow as a safety net.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// planer ships no types; its text mode needs no DOM.
const planer = require("planer") as { extractFrom(body: string, contentType: "text/plain"): string };

/** Characters handed to the request parser; the answer we look for is at the top. */
export const MAX_REPLY_CHARS = 1000;

const CUT_LINES: RegExp[] = [
  /^\s*>?\s*(Am|On)\s.{0,200}?(schrieb|wrote)\b/i,
  /^\s*-{2,}\s*(Ursprüngliche Nachricht|Original Message|Weitergeleitete Nachricht|Forwarded message)\s*-{2,}/i,
  /^\s*[_-]{10,}\s*$/,
  /^\s*\*?(Von|From)\s*:\*?\s.+/i,
  /^\s*\*?(Gesendet|Sent)\s*:\*?\s.+/i,
  /^\s*(Von meinem (iPhone|iPad|Android|Samsung|Smartphone|Mobiltelefon)|Gesendet (von|mit) (meinem|Outlook|der|Mail)|Sent from my)\b/i,
  /^-- ?$/, // RFC 3676 §4.3 signature separator
  // Sign-offs: nothing after "Mit freundlichen Grüßen" matters for the request.
  /^\s*((mit )?(freundlichen|besten|vielen|lieben|herzlichen|schönen) (grüßen|grüsse|grüssen|grüße|gruß|dank)|viele grüße|beste grüße|liebe grüße|gruß|grüße|mfg|lg|vg|best regards|kind regards|regards)\s*[,!.]?\s*$/i,
];
const HEADER_LIKE = /^\s*\*?(Von|From|An|To|Gesendet|Sent|Datum|Date|Betreff|Subject|Cc)\s*:/i;
// "Von:", "Gesendet:" and separators only cut when a header block follows ("Von: mir aus gern" stays).
const NEEDS_HEADER_BLOCK = /^(\s*\*?(Von|From|Gesendet|Sent)\s*:|\s*[_-]{10,}\s*$)/i;
const DANGLING_TAIL = /^\s*\*?(Von|From|Gesendet|Sent|Datum|Date)\s*:\*?\s.*(\d{1,2}:\d{2}|@)/i;

/** Gmail wraps long attribution lines: "Am … schrieb Name <" + "user@x>:" → join before matching. */
function joinWrappedAttribution(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const next = lines[i + 1];
    if (/^\s*(Am|On)\s/i.test(line) && !/(schrieb|wrote)/i.test(line) && next !== undefined && /(schrieb|wrote)|^\S+@\S+>?:\s*$/i.test(next)) {
      out.push(`${line} ${next}`);
      i++;
    } else out.push(line);
  }
  return out;
}

function cutIndex(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*>/.test(line)) return i;
    for (const re of CUT_LINES) {
      if (!re.test(line)) continue;
      if (NEEDS_HEADER_BLOCK.test(line) && !lines.slice(i + 1, i + 5).some((l) => HEADER_LIKE.test(l))) continue;
      return i;
    }
  }
  return lines.length;
}

function runPlaner(body: string): string {
  try {
    const cut = planer.extractFrom(body, "text/plain");
    // planer can over-cut ("Von: mir aus …"): an empty result means keep the original.
    return cut.trim() ? cut : body;
  } catch {
    return body;
  }
}

export function extractReply(text: string): string {
  const body = runPlaner(text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " "));
  const lines = joinWrappedAttribution(body.split("\n"));
  const kept = lines.slice(0, cutIndex(lines));
  while (kept.length) {
    const last = kept[kept.length - 1] ?? "";
    const dangling = /^\s*$/.test(last) || /^\s*[_-]{10,}\s*$/.test(last) || (kept.length > 1 && DANGLING_TAIL.test(last));
    if (!dangling) break;
    kept.pop();
  }
  return kept.join("\n").replace(/\n{3,}/g, "\n\n").trim().slice(0, MAX_REPLY_CHARS);
}
