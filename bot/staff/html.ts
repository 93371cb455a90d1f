/**
 * The one way the console writes HTML: every interpolation is escaped unless it is already
 * `SafeHtml` (produced by `html` itself or, rarely and visibly, by `unsafeRaw`). Citizens' messages
 * are untrusted, so an un-escaped path must be impossible to take by accident.
 *
 * @example
 *   html`<p>${citizenText}</p>`            // "<script>" arrives as "&lt;script&gt;"
 *   html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Marks trusted markup (our own SVG numbers, static snippets). Never pass user or citizen input. */
export function unsafeRaw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
