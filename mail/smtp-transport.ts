/** nodemailer SMTP pool from the settings: password in the URL, or an OAuth2 access token. */
import nodemailer, { type Transporter } from "nodemailer";
import type { MailSettings } from "./mail-settings.ts";

const POOL = { pool: true, maxConnections: 3, maxMessages: 100, connectionTimeout: 30_000, socketTimeout: 60_000, logger: false };

export function createSmtpTransport(settings: MailSettings): Transporter {
  const url = new URL(settings.smtp.url);
  if (!settings.smtp.accessToken) return nodemailer.createTransport({ ...POOL, url: settings.smtp.url } as never);
  const port = Number(url.port || (url.protocol === "smtps:" ? 465 : 587));
  return nodemailer.createTransport({
    ...POOL,
    host: url.hostname,
    port,
    secure: url.protocol === "smtps:",
    auth: { type: "OAuth2", user: decodeURIComponent(url.username), accessToken: settings.smtp.accessToken },
  });
}
