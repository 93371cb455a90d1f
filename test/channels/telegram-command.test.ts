import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readTelegramSettings } from "../../bot/telegram/settings.ts";
import { runTelegramCommand } from "../../bot/telegram/telegram-command.ts";
import { startFakeTelegram, type FakeTelegram } from "./fake-telegram.ts";
import { BOT_TOKEN, WEBHOOK_SECRET } from "./telegram-client.ts";

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) }, out, err };
}

describe("terminassistent telegram …", () => {
  let fake: FakeTelegram;
  beforeAll(async () => void (fake = await startFakeTelegram()));
  beforeEach(() => fake.reset());
  afterAll(async () => fake.close());
  const settings = (extra: Record<string, string> = {}) =>
    readTelegramSettings({ TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET, TELEGRAM_API_BASE_URL: fake.url, ...extra });

  it("set-webhook registers the URL with the secret token, only the updates we read, and the German command menu", async () => {
    const { io, out } = captureIo();
    expect(await runTelegramCommand(["set-webhook"], io, { settings: settings({ TELEGRAM_WEBHOOK_URL: "https://termine.example/telegram/webhook" }) })).toBe(0);
    expect(fake.calls[0]).toMatchObject({ token: BOT_TOKEN, method: "setWebhook" });
    expect(fake.of("setWebhook")[0]).toEqual({
      url: "https://termine.example/telegram/webhook",
      secret_token: WEBHOOK_SECRET,
      allowed_updates: ["message", "callback_query"],
      drop_pending_updates: false,
    });
    expect(fake.of("setMyCommands")[0]!.commands.map((c: { command: string }) => c.command)).toEqual(["start", "hilfe", "abbrechen"]);
    expect(out.join("\n")).not.toContain(BOT_TOKEN);
  });

  it("set-webhook refuses a missing or plain-http URL; delete-webhook and info call Telegram", async () => {
    const first = captureIo();
    expect(await runTelegramCommand(["set-webhook"], first.io, { settings: settings() })).toBe(2);
    expect(await runTelegramCommand(["set-webhook", "--url", "http://x.example/hook"], first.io, { settings: settings() })).toBe(2);
    expect(fake.calls).toEqual([]);

    const { io, out } = captureIo();
    expect(await runTelegramCommand(["delete-webhook", "--drop-pending"], io, { settings: settings() })).toBe(0);
    expect(fake.of("deleteWebhook")).toEqual([{ drop_pending_updates: true }]);
    expect(await runTelegramCommand(["info"], io, { settings: settings() })).toBe(0);
    expect(out).toContain("Bot: @terminbot");
    expect(out).toContain("Pending updates: 3");
    expect(out.join("\n")).toContain("Last error: Wrong response from the webhook: 401 Unauthorized");
  });

  it("reports Telegram's refusal without the token, and usage errors", async () => {
    fake.failNext("setWebhook", { error_code: 401, description: "Unauthorized" });
    const { io, err } = captureIo();
    expect(await runTelegramCommand(["set-webhook", "--url", "https://termine.example/telegram/webhook"], io, { settings: settings() })).toBe(1);
    expect(err[0]).toContain("setWebhook (error 401)");
    expect(err.join("\n")).not.toContain(BOT_TOKEN);
    expect(await runTelegramCommand(["frobnicate"], io, { settings: settings() })).toBe(2);
    expect(await runTelegramCommand(["info"], io, { settings: null })).toBe(2);
  });
});
