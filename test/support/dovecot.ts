/**
 * A real mail environment on loopback for the mail tests and the benchmark:
 *  - Dovecot 2.3 (Debian `dovecot-imapd dovecot-lmtpd`) in the foreground, config and maildirs in a temp dir;
 *  - an SMTP server (npm `smtp-server`) playing the office MTA: every accepted mail is delivered into
 *    Dovecot over LMTP, so nodemailer's output really lands in IMAP mailboxes.
 * Nothing is installed or changed system-wide. Dovecot refuses to run its login processes as root,
 * so as root the whole instance runs as `nobody` (setpriv from util-linux).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import nodemailer from "nodemailer";

const DOVECOT = "/usr/sbin/dovecot";
const DOVEADM = "/usr/bin/doveadm";

export const DOVECOT_INSTALL_HINT =
  "Dovecot is not installed: the mail suites are skipped. Install it with\n" +
  "  apt-get update && apt-get install -y --no-install-recommends dovecot-imapd dovecot-lmtpd";

export function hasDovecot(): boolean {
  return fs.existsSync(DOVECOT) && fs.existsSync(DOVEADM);
}

/** Outside CI a missing Dovecot skips the mail suites; in CI (`CI=true`) they must run and fail. */
export function shouldSkipMailSuites(): boolean {
  if (hasDovecot()) return false;
  if (process.env.CI === "true" || process.env.CI === "1") return false;
  console.warn(DOVECOT_INSTALL_HINT);
  return true;
}

export interface DovecotHandle {
  dir: string;
  imapPort: number;
  lmtpPort: number;
  /** End every IMAP session (what a server restart looks like to clients). */
  kick(): void;
  stop(): Promise<void>;
}

export interface SmtpRelayHandle {
  port: number;
  /** Every mail accepted and delivered into Dovecot, with the delivery time (ms since epoch). */
  received: { from: string; to: string[]; raw: Buffer; deliveredAt: number }[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`dovecot did not listen on port ${port} within ${timeoutMs} ms`);
}

function runAs(): { user: string; group: string; root: boolean } {
  if (process.getuid?.() === 0) return { user: "nobody", group: "nogroup", root: true };
  const gid = String(process.getgid?.());
  const group = fs.readFileSync("/etc/group", "utf8").split("\n").find((l) => l.split(":")[2] === gid)?.split(":")[0];
  return { user: os.userInfo().username, group: group ?? "users", root: false };
}

function dovecotConf(dir: string, imapPort: number, lmtpPort: number, user: string, group: string): string {
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = dovecot-test-${imapPort}
log_path = ${dir}/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${user}
default_internal_group = ${group}
default_login_user = ${user}
first_valid_uid = 0
mail_location = maildir:~/Maildir
recipient_delimiter = +
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${user} gid=${group} home=${dir}/mail/%u
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    auto = subscribe
    special_use = \\Sent
  }
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
}
service anvil {
  chroot =
}
service stats {
  chroot =
}
`;
}

/** Start a private Dovecot with the given `user -> password` accounts (about 40 ms). */
export async function startDovecot(users: Record<string, string>): Promise<DovecotHandle> {
  const [imapPort, lmtpPort] = [await freePort(), await freePort()];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dovecot-"));
  const who = runAs();
  const confPath = path.join(dir, "dovecot.conf");
  fs.writeFileSync(path.join(dir, "users"), Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}`).join("\n") + "\n");
  fs.writeFileSync(confPath, dovecotConf(dir, imapPort, lmtpPort, who.user, who.group));
  for (const sub of ["run", "state", "mail"]) fs.mkdirSync(path.join(dir, sub));
  if (who.root) {
    for (const p of [dir, ...["run", "state", "mail", "users", "dovecot.conf"].map((x) => path.join(dir, x))]) fs.chownSync(p, 65534, 65534);
  }
  const asUser = (argv: string[]) =>
    who.root ? ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", ...argv] : argv;
  const [cmd, ...args] = asUser([DOVECOT, "-F", "-c", confPath]) as [string, ...string[]];
  const child = spawn(cmd, args, { stdio: "ignore" });
  await waitForPort(imapPort, child);
  return {
    dir,
    imapPort,
    lmtpPort,
    kick() {
      // `dovecot stop` alone leaves running sessions alive; kicking ends them (mail-stack.md §1a).
      const [k, ...kargs] = asUser([DOVEADM, "-c", confPath, "kick", "*"]) as [string, ...string[]];
      spawnSync(k, kargs, { stdio: "ignore" });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The office MTA: accepts every mail over SMTP and delivers it into Dovecot over LMTP. */
export async function startSmtpRelay(lmtpPort: number, opts: { maxSize?: number } = {}): Promise<SmtpRelayHandle> {
  const port = await freePort();
  const lmtp = nodemailer.createTransport({ host: "127.0.0.1", port: lmtpPort, lmtp: true, ignoreTLS: true, pool: true, maxConnections: 4 });
  const received: SmtpRelayHandle["received"] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    size: opts.maxSize ?? 40 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        const to = session.envelope.rcptTo.map((r) => r.address);
        lmtp.sendMail({ envelope: { from, to }, raw }).then(
          () => {
            received.push({ from, to, raw, deliveredAt: Date.now() });
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return {
    port,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        lmtp.close();
        server.close(() => resolve());
      }),
  };
}
