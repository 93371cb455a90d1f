/**
 * mail-roundtrip: 200 citizen mails appended to the office inbox of a real Dovecot at once; the
 * assistant answers each with proposals through the office MTA. Measures mails/s until every
 * proposal reply is delivered, append→reply latency (p50/p99), lost and duplicated answers.
 */
import { ImapFlow } from "imapflow";
import { hasDovecot } from "../test/support/dovecot.ts";
import { OFFICE, PASSWORD, openMailEnv } from "../test/mail/mail-env.ts";

const MAILS = 200;
const SERVICES = ["Personalausweis", "Reisepass", "Meldebescheinigung", "Führungszeugnis", "Wohnsitz anmelden"];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

function citizen(i: number): string {
  return `buerger${i}@example.test`;
}

function rawRequest(i: number): string {
  return [
    `From: Bürger ${i} <${citizen(i)}>`, `To: ${OFFICE}`, "Subject: Terminanfrage", `Message-ID: <bench-${i}@example.test>`,
    "Content-Type: text/plain; charset=utf-8", "", `Guten Tag, ich brauche einen Termin: ${SERVICES[i % SERVICES.length]}. Danke!`, "",
  ].join("\r\n");
}

export async function benchMailRoundtrip(database: "pglite" | "postgres" = "pglite"): Promise<object> {
  if (!hasDovecot()) return { name: "mail-roundtrip", skipped: "Dovecot not installed (apt-get install dovecot-imapd dovecot-lmtpd)" };
  const env = await openMailEnv(Array.from({ length: MAILS }, (_, i) => citizen(i)), database);
  try {
    await env.start();
    const appendedAt = new Map<string, number>();
    const client = new ImapFlow({ host: "127.0.0.1", port: env.dovecot.imapPort, secure: false, auth: { user: OFFICE, pass: PASSWORD }, logger: false });
    await client.connect();
    const t0 = Date.now();
    for (let i = 0; i < MAILS; i++) {
      await client.append("INBOX", rawRequest(i));
      appendedAt.set(`<bench-${i}@example.test>`, Date.now());
    }
    await client.logout();
    const replies = () => env.relay.received.filter((r) => r.to.some((t) => t.startsWith("buerger")));
    const deadline = Date.now() + 120_000;
    while (new Set(replies().map((r) => r.to[0])).size < MAILS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1000)); // late duplicates would arrive here
    const proposals = replies().filter((r) => /^Subject: =\?UTF-8\?Q\?Terminvorschl|^Subject: Terminvorschl/im.test(r.raw.toString("utf8"))).length;
    const latencies: number[] = [];
    const answered = new Map<string, number>();
    for (const r of replies()) {
      const inReplyTo = /^In-Reply-To: (.+)$/im.exec(r.raw.toString("utf8"))?.[1]?.trim() ?? "";
      answered.set(inReplyTo, (answered.get(inReplyTo) ?? 0) + 1);
      const sent = appendedAt.get(inReplyTo);
      if (sent !== undefined && answered.get(inReplyTo) === 1) latencies.push((r.deliveredAt - sent) / 1000);
    }
    latencies.sort((a, b) => a - b);
    const lastDelivery = Math.max(...replies().map((r) => r.deliveredAt));
    return {
      name: "mail-roundtrip",
      mails: MAILS,
      mailsPerSecond: Number((answered.size / ((lastDelivery - t0) / 1000)).toFixed(1)),
      p50Seconds: Number(quantile(latencies, 0.5).toFixed(2)),
      p99Seconds: Number(quantile(latencies, 0.99).toFixed(2)),
      lost: [...appendedAt.keys()].filter((id) => !answered.has(id)).length,
      duplicated: [...answered.values()].reduce((sum, n) => sum + n - 1, 0),
      proposalReplies: proposals,
      database,
    };
  } finally {
    await env.close();
  }
}
