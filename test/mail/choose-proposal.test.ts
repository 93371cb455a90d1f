import { describe, expect, test } from "vitest";
import { chooseProposal } from "../../mail/choose-proposal.ts";

// Di 01.12. 09:00, Di 01.12. 09:30, Mi 02.12. 10:15 (Europe/Berlin)
const PROPOSALS = [{ start: "2026-12-01T09:00:00+01:00" }, { start: "2026-12-01T09:30:00+01:00" }, { start: "2026-12-02T10:15:00+01:00" }];

describe("chooseProposal", () => {
  test.each([
    ["2", 1],
    ["2)", 1],
    ["Nr. 2 bitte", 1],
    ["Ich nehme die 3", 2],
    ["den zweiten bitte", 1],
    ["Ja, den ersten bitte.", 0],
    ["Den 2. bitte", 1],
    ["den letzten", 2],
    ["Mittwoch passt", 2],
    ["der am 2.12. bitte", 2],
    ["9:30 nehme ich", 1],
    ["Am 1.12. um 9 passt", 0],
  ])("%j picks proposal %i", (text, index) => {
    expect(chooseProposal(text, PROPOSALS, "Europe/Berlin")).toBe(index);
  });

  test.each(["Dienstag passt", "Freitag geht", "4", "ich kann erst ab 14 Uhr", "Am 3.12. um 9 Uhr"])("%j is not a unique choice", (text) => {
    expect(chooseProposal(text, PROPOSALS, "Europe/Berlin")).toBeNull();
  });

  test("Dienstag picks the only Tuesday", () => {
    expect(chooseProposal("Dienstag passt", [PROPOSALS[0]!, PROPOSALS[2]!], "Europe/Berlin")).toBe(0);
  });
});
