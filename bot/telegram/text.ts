/**
 * Text for Telegram's HTML parse mode: escaping and splitting into messages.
 * Bot API: in HTML mode only `&`, `<` and `>` must be escaped; a message holds 1–4096 characters
 * after entity parsing. We measure the escaped text, which is never shorter, so every chunk fits.
 */

export const MESSAGE_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Length of a character once escaped. */
function cost(ch: string): number {
  return ch === "&" ? 5 : ch === "<" || ch === ">" ? 4 : ch.length;
}

function costOf(text: string): number {
  let n = 0;
  for (const ch of text) n += cost(ch);
  return n;
}

/**
 * Splits plain text into chunks whose escaped form fits `limit`: at line breaks where possible,
 * else at spaces, else between characters (never inside a surrogate pair).
 */
export function splitText(text: string, limit = MESSAGE_LIMIT): string[] {
  if (costOf(text) <= limit) return [text];
  const chunks: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim()) chunks.push(current.replace(/\n+$/, ""));
    current = "";
  };
  for (const line of text.split("\n")) {
    const candidate = current ? `${current}\n${line}` : line;
    if (costOf(candidate) <= limit) {
      current = candidate;
      continue;
    }
    flush();
    if (costOf(line) <= limit) current = line;
    else for (const piece of splitLine(line, limit)) chunks.push(piece);
  }
  flush();
  return chunks;
}

/** One over-long line: fill up word by word; a single over-long word is cut by characters. */
function splitLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of line.split(/(?<= )/)) {
    if (costOf(current + word) <= limit) {
      current += word;
      continue;
    }
    if (current) out.push(current.trimEnd());
    current = "";
    for (const ch of word) {
      if (costOf(current) + cost(ch) > limit) {
        out.push(current);
        current = "";
      }
      current += ch;
    }
  }
  if (current.trim()) out.push(current.trimEnd());
  return out;
}
