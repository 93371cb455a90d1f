/** Shared frame of every mail: greeting, body, signature, the "automatically created" note. */
import { html, raw, headerSafe, type RawHtml } from "./html.ts";

export interface OfficeSignature {
  name: string;
  phone: string;
  website: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailBody {
  subject: string;
  /** Plain-text paragraphs; blank lines are added between them. */
  text: string[];
  /** The same content as HTML fragments (already escaped via html``). */
  html: RawHtml[];
}

export function renderLayout(body: MailBody, office: OfficeSignature): RenderedMail {
  const text = [
    "Guten Tag,",
    ...body.text,
    `Mit freundlichen Grüßen\n${office.name}\nTelefon ${office.phone} · ${office.website}`,
    "Diese Nachricht wurde automatisch erstellt. Bitte antworten Sie direkt auf diese E-Mail und ändern Sie den Betreff nicht.",
  ].join("\n\n");
  const page = html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${body.subject}</title></head>
<body style="font-family: Arial, sans-serif; line-height: 1.5">
<p>Guten Tag,</p>
${raw(body.html.map((h) => h.value).join("\n"))}
<p>Mit freundlichen Grüßen<br>${office.name}<br>Telefon ${office.phone} · ${office.website}</p>
<p style="color: #666; font-size: small">Diese Nachricht wurde automatisch erstellt. Bitte antworten Sie direkt auf diese E-Mail und ändern Sie den Betreff nicht.</p>
</body></html>`;
  return { subject: headerSafe(body.subject, 200), text: `${text}\n`, html: page.value };
}
