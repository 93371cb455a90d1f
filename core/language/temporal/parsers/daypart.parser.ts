// Day parts as start windows: "vormittags", "am frühen Nachmittag", "morgen früh", "in der Mittagspause".
import type { Parser } from "chrono-node";
import { DAY_PARTS } from "../../lexicon/calendar-words.de.ts";
import { atomResult, textAfter, textBefore, WB, WE } from "./context.ts";

const PATTERN = new RegExp(
  `${WB}(?:(?:am|in\\s+der|über|zur|um\\s+die|gegen)\\s+)?(?:(frühen|späten)\\s+)?` +
    `(vormittags?|nachmittags?|mittags?|mittagspause|mittagszeit|abends?|morgens|früh|frühmorgens|feierabend|nach\\s+der\\s+arbeit|morgen|` +
    // "einen Abendtermin", "Vormittagstermine": the day part of a compound noun
    `(?:vormittags|nachmittags|mittags|abend|früh|morgen)termin(?:e|en)?)${WE}`,
  "iu",
);
const GREETING_BEFORE = /(?:guten|schönen|einen\s+schönen|gute|angenehmen|(?<![\p{L}])n['’`´]?|(?<![\p{L}])'n)\s*$/iu;
const PART_OF: Readonly<Record<string, keyof typeof DAY_PARTS>> = {
  vormittag: "forenoon", vormittags: "forenoon", nachmittag: "afternoon", nachmittags: "afternoon",
  mittag: "noon", mittags: "noon", mittagspause: "noon", mittagszeit: "noon", abend: "evening", abends: "evening",
  morgens: "morning", früh: "morning", frühmorgens: "morning", feierabend: "afterWork", morgen: "morning",
};

export const daypartParser: Parser = {
  pattern: () => PATTERN,
  extract(ctx, match) {
    const index = match.index ?? 0;
    const word = (match[2] ?? "").toLowerCase().replace(/\s+/g, " ").replace(/s?termin(?:e|en)?$/, "");
    const lead = match[0].toLowerCase();
    const before = textBefore(ctx, index);
    if (GREETING_BEFORE.test(before)) return null;
    // "gestern Abend" is over
    if (/(?:gestern|vorgestern)\s+$/iu.test(before)) return null;
    // bare "morgen" is tomorrow; only "am Morgen" / "in der Früh" style is the day part
    if (word === "morgen" && !/^(?:am|gegen)\s/.test(lead)) return null;
    if (word === "früh" && (/(?:so|möglichst|zu|sehr|wie|recht|ganz)\s+$/iu.test(before) ||
      /^\s*(?:wie|als)\b/iu.test(textAfter(ctx, index + match[0].length)))) return null;
    let part: keyof typeof DAY_PARTS = PART_OF[word] ?? (word.startsWith("nach der") ? "afterWork" : "forenoon");
    const modifier = (match[1] ?? "").toLowerCase();
    if (part === "afternoon" && modifier === "frühen") part = "earlyAfternoon";
    if (part === "afternoon" && modifier === "späten") part = "lateAfternoon";
    const [from, to] = DAY_PARTS[part] ?? [0, 1440];
    return atomResult(ctx, index, match[0], {
      kind: "time", from, to, daypart: true, modifier: null, negationConsumed: false, vague: part === "afterWork",
      soft: /termin/iu.test(match[0]),
    });
  },
};
