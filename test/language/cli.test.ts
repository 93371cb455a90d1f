import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runParseCommand } from "../../core/language/cli.ts";
import { CONFIG } from "./helpers.ts";

function io(input = "") {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  stdout.on("data", (c) => (out += String(c)));
  stdin.end(input);
  return { streams: { stdin, stdout, stderr }, out: () => out };
}

describe("parse command", () => {
  it("prints one request as JSON", async () => {
    const x = io();
    const code = await runParseCommand(["Ausweis nächste Woche vormittags", "--now", "2026-11-23T10:00:00+01:00"], x.streams, CONFIG);
    expect(code).toBe(0);
    expect(JSON.parse(x.out()).dateRanges).toEqual([{ from: "2026-11-30", to: "2026-12-06" }]);
  });
  it("answers JSON lines in order and reports bad lines", async () => {
    const x = io('{"id":"a","text":"Hallo","now":"2026-11-23T10:00:00+01:00"}\nnot json\n{"id":"b","text":"Ausweis morgen","now":"2026-11-23T10:00:00+01:00"}\n');
    expect(await runParseCommand(["--jsonl"], x.streams, CONFIG)).toBe(0);
    const lines = x.out().trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["a", null, "b"]);
    expect(lines[1].error).toBeTruthy();
    expect(lines[2].intent).toBe("book");
  });
});
