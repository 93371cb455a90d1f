/**
 * Keeps one IMAP session on the office mailbox: IDLE for new mail, a periodic resync as safety
 * net (EXISTS can go missing), reconnect with capped full-jitter backoff and a NEW client after
 * every close (imapflow instances are single-use), and a lease so only one process consumes.
 */
import { ImapFlow, type ImapFlowOptions } from "imapflow";
import type { Sql } from "postgres";
import type { Logger } from "../core/log.ts";
import { claimLease, releaseLease } from "./consumer-lease.ts";
import type { MailSettings } from "./mail-settings.ts";
import type { MailboxSync } from "./mailbox-sync.ts";

export interface ListenerOptions {
  settings: MailSettings;
  sql: Sql;
  sync: MailboxSync;
  log: Logger;
  owner: string;
  backoff?: { baseMs: number; maxMs: number };
  leaseMs?: number;
  /** Extra imapflow options (tests: TLS settings, timeouts). */
  imap?: Partial<ImapFlowOptions>;
}

const sleep = (ms: number, signal: { wake?: () => void }) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.wake = () => (clearTimeout(timer), resolve());
  });

export class InboxListener {
  private stopped = false;
  private client: ImapFlow | null = null;
  private readonly pause: { wake?: () => void } = {};
  private running: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;
  /** Resolves after the first completed sync (tests and the benchmark wait for it). */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(private readonly o: ListenerOptions) {
    this.ready = new Promise((r) => (this.markReady = r));
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pause.wake?.();
    const c = this.client;
    if (c) await c.logout().catch(() => c.close());
    await this.running;
    await releaseLease(this.o.sql, this.o.settings.mailbox, this.o.owner).catch(() => {});
  }

  /** Ask for a sync pass now (e.g. after EXISTS); passes never overlap. */
  kick(): void {
    const c = this.client;
    if (!c?.usable) return;
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = this.drain(c).finally(() => (this.syncing = null));
  }

  private async drain(c: ImapFlow): Promise<void> {
    do {
      this.syncAgain = false;
      await this.o.sync.run(c).catch((err: { code?: string }) => this.o.log.warn({ action: "sync_failed", code: err.code ?? "UNEXPECTED" }, "sync failed"));
    } while (this.syncAgain && c.usable && !this.stopped);
  }

  private async loop(): Promise<void> {
    const { baseMs, maxMs } = this.o.backoff ?? { baseMs: 1000, maxMs: 60_000 };
    let attempt = 0;
    while (!this.stopped) {
      let healthy = false;
      try {
        healthy = await this.session();
      } catch (err) {
        this.o.log.warn({ action: "imap_session_failed", code: (err as { code?: string }).code ?? "UNEXPECTED" }, "IMAP session failed");
      }
      if (this.stopped) break;
      // Reset only after a session that got through the initial sync; else a server that drops
      // every session right after login would see a reconnect storm.
      attempt = healthy ? 0 : attempt + 1;
      const delay = Math.round(Math.random() * Math.min(maxMs, baseMs * 2 ** attempt));
      this.o.log.info({ action: "imap_reconnect", delayMs: delay, attempt }, "reconnecting");
      await sleep(delay, this.pause);
    }
  }

  private newClient(): ImapFlow {
    const { imap, idleDelayMs } = this.o.settings;
    return new ImapFlow({
      host: imap.host, port: imap.port, secure: imap.secure,
      auth: imap.accessToken ? { user: imap.user, accessToken: imap.accessToken } : { user: imap.user, pass: imap.password ?? "" },
      logger: false, emitLogs: false, autoIdleDelay: idleDelayMs, maxIdleTime: 4 * 60_000, socketTimeout: 5 * 60_000,
      connectionTimeout: 30_000, greetingTimeout: 16_000, maxLiteralSize: 50 * 1024 * 1024, maxResponseSize: 60 * 1024 * 1024,
      clientInfo: { name: "Terminassistent" },
      ...this.o.imap,
    });
  }

  /** Returns true when the session got as far as a completed initial sync. */
  private async session(): Promise<boolean> {
    const leaseMs = this.o.leaseMs ?? 30_000;
    if (!(await claimLease(this.o.sql, this.o.settings.mailbox, this.o.owner, leaseMs))) {
      await sleep(leaseMs / 2, this.pause); // another process consumes this mailbox: stand by
      return true;
    }
    const client = this.newClient();
    this.client = client;
    const closed = new Promise<void>((resolve) => client.once("close", () => resolve()));
    // Without an error listener an 'error' event would crash the process.
    client.on("error", (err: { code?: string }) => this.o.log.warn({ action: "imap_error", code: err.code ?? "UNEXPECTED" }, "IMAP error"));
    const timers = this.startTimers(client, leaseMs);
    try {
      await client.connect();
      await this.prepareFolders(client);
      await client.mailboxOpen(this.o.settings.mailbox);
      client.on("exists", () => this.kick());
      this.kick();
      await this.syncing;
      this.markReady();
      this.o.log.info({ action: "imap_idle" }, "mailbox synced, idling");
      await closed;
      return true;
    } finally {
      timers.forEach(clearInterval);
      client.close();
      this.client = null;
    }
  }

  private startTimers(client: ImapFlow, leaseMs: number): NodeJS.Timeout[] {
    const renew = setInterval(() => {
      claimLease(this.o.sql, this.o.settings.mailbox, this.o.owner, leaseMs)
        .then((mine) => mine || client.close())
        .catch(() => {});
    }, leaseMs / 3);
    const resync = setInterval(() => this.kick(), this.o.settings.resyncSeconds * 1000);
    return [renew, resync];
  }

  private async prepareFolders(client: ImapFlow): Promise<void> {
    for (const folder of [this.o.settings.processedFolder, this.o.settings.failedFolder]) {
      await client.mailboxCreate(folder).catch(() => {}); // exists already
    }
  }
}
