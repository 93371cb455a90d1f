/**
 * A tiny escaping `html` tagged template: every interpolation is escaped unless wrapped in raw().
 * Everything a citizen wrote passes through here; no template engine needed.
 */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export class RawHtml {
  constructor(readonly value: string) {}
}

export function raw(value: string): RawHtml {
  return new RawHtml(value);
}

export function escapeHtml(value: unknown): string {
  if (value instanceof RawHtml) return value.value;
  if (Array.isArray(value)) return value.map(escapeHtml).join("");
  return String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): RawHtml {
  return raw(strings.reduce((out, part, i) => out + part + (i < values.length ? escapeHtml(values[i]) : ""), ""));
}

/** For header values: no control characters (a decoded subject can contain CRLF), bounded length. */
export function headerSafe(value: string, max = 120): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim().slice(0, max);
}
