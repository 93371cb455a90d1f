import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { EchoBot } from "../../bot/echo.bot.ts";
import { renderActivity, runTerminalChat } from "../../bot/terminal-chat.ts";

async function chat(lines: string[]): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk) => (printed += chunk));
  const done = runTerminalChat({ bot: new EchoBot(), cityName: "Dortmund (Demo)" }, { input, output });
  input.end(lines.map((l) => `${l}\n`).join(""));
  await done;
  return printed.trimEnd().split("\n");
}

describe("terminal chat", () => {
  it("prints the bot's messages and numbered choices; a number picks a choice", async () => {
    const out = await chat(["Hallo", "2", "/ende", "nie gesendet"]);
    expect(out[0]).toMatch(/^Terminassistent Dortmund \(Demo\)/);
    expect(out).toContain("Assistent: Willkommen beim Terminassistenten!");
    expect(out).toContain("Assistent: Echo: Hallo");
    expect(out).toContain("  1) Hallo");
    expect(out).toContain("  2) Hilfe");
    expect(out).toContain("Sie: Hilfe");
    expect(out).toContain("Assistent: Echo: Hilfe");
    expect(out.join("\n")).not.toContain("nie gesendet");
    expect(out.at(-1)).toBe("Auf Wiedersehen!");
  });

  it("sends a number as text when there is no such choice, and ends at end of input", async () => {
    const out = await chat(["7"]);
    expect(out).toContain("Assistent: Echo: 7");
    expect(out.at(-1)).toBe("Auf Wiedersehen!");
  });

  it("shows hero card text and buttons as numbered choices", () => {
    const shown = renderActivity({
      type: "message",
      text: "Welche Leistung?",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.hero",
          content: { title: "**Ausweise**", buttons: [{ type: "imBack", title: "Personalausweis", value: "Personalausweis" }, { type: "openUrl", title: "Web", value: "http://x" }] },
        },
      ],
    });
    expect(shown.text).toBe("Welche Leistung?\nAusweise");
    expect(shown.choices.map((c) => c.title)).toEqual(["Personalausweis"]);
  });
});
