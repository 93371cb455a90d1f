// How many persons or cases a request is for (nlu.md §5.2 "count"). Only explicit numbers count;
// ages in brackets ("mein Vater (79)") and numbers in dates or times never do.
import { numberFromToken } from "../lexicon/calendar-words.de.ts";
import type { Token } from "../text/tokens.ts";

const NUMBER = "(\\d{1,2}|beide|beiden|ein|eine|einen|zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn|elf|zwoelf)";
const COUNTABLE =
  "(?:personen|leute|erwachsene\\w*|kinder\\w*|autos|fahrzeuge\\w*|pkw|zeugniss\\w*|dokumente\\w*|kopien|seiten|urkunden|unterlagen|stueck|exemplare\\w*|ausfertigung\\w*|antraege\\w*|dinge\\w*|gegenstaende\\w*)";
const COUNTED_NOUN = new RegExp(`(?:(?:\\bfuer|\\bvon|\\bmit|\\bsind|\\bwir)\\s+(?:meine\\w*\\s+|unsere\\w*\\s+|die\\s+|insgesamt\\s+)?|[,:;(]\\s*)${NUMBER}\\s+${COUNTABLE}`, "g");
const ADULTS_AND_CHILDREN = new RegExp(`${NUMBER}\\s+erwachsene\\w*\\s*(?:,|und|\\+|sowie)\\s*${NUMBER}\\s+kinder\\w*`);
const GROUP = /\bzu\s+(zweit|dritt|viert|fuenft|sechst)\b/;
/** "für uns beide", "wir zwei": a couple without family words. */
const PAIR = /\b(?:uns|wir)\s+(?:beide|beiden|zwei)\b/;
const GROUP_SIZE: Readonly<Record<string, number>> = { zweit: 2, dritt: 3, viert: 4, fuenft: 5, sechst: 6 };
const RELATIVE =
  "(?:mann|frau|ehemann|ehefrau|sohn|soehne|tochter|toechter|kind|kinder|partner\\w*|freund\\w*|mutter|vater|eltern|oma|opa|bruder|brueder|schwester\\w*|enkel\\w*|familie|verlobte\\w*)";
const PERSON = new RegExp(`\\b(?:mein\\w*|unser\\w*)\\s+(?:${NUMBER}\\s+)?${RELATIVE}\\b`, "g");
/** The sender as one of the persons ("für mich und …", "… und mir", "meine Frau und ich"); not "kenne mich … aus". */
const SELF = new RegExp(`\\b(?:fuer|und|uns)\\s+(?:mich|mir)\\b|\\b(?:mich|mir)\\s+und\\b|\\bich selbst\\b|${RELATIVE}\\s+und\\s+ich\\b`);

function value(token: string | undefined): number {
  if (token === "beide" || token === "beiden") return 2;
  return token ? numberFromToken(token.replace("fuenf", "fünf").replace("zwoelf", "zwölf")) ?? 1 : 1;
}

/** A number right before the service word, allowing one adjective: "zwei neue Reisepässe". */
export function countBefore(tokens: Token[], first: number, folded: string): number | null {
  for (const k of [first - 1, first - 2]) {
    const t = tokens[k]?.text;
    if (t === undefined) break;
    const token = tokens[k] as Token;
    if (/[.:/-]/.test(folded[token.start - 1] ?? "") || /[.:/-]/.test(folded[token.end] ?? "")) break;
    // "3x Führungszeugnis": a multiplier written before the service
    const n = /^\d{1,2}x?$/.test(t) ? Number(t.replace("x", "")) : /^(?:ein|eine|einen)$/.test(t) ? null : numberFromToken(t.replace("fuenf", "fünf").replace("zwoelf", "zwölf"));
    if (n !== null && n >= 1 && n <= 20) return n;
    if (k === first - 1 && !/^(?:neue\w*|weitere\w*|beglaubigte\w*|internationale\w*|alte\w*)$/.test(t)) break;
  }
  return null;
}

/** A count for the whole request: "zu viert", "3 Erwachsene und 2 Kinder", "für mich und meinen Mann". */
export function requestCount(folded: string): number | null {
  const text = folded.replace(/\(\s*\d{1,3}\s*(?:jahre?)?\s*\)/g, " ");
  const group = GROUP.exec(text);
  if (group) return GROUP_SIZE[group[1] ?? ""] ?? null;
  if (PAIR.test(text)) return 2;
  const mixed = ADULTS_AND_CHILDREN.exec(text);
  if (mixed) return value(mixed[1]) + value(mixed[2]);
  let counted = 0;
  for (const m of text.matchAll(COUNTED_NOUN)) counted += value(m[1]);
  if (counted > 1) return counted;
  let persons = 0;
  for (const m of text.matchAll(PERSON)) persons += m[1] ? value(m[1]) : /eltern/.test(m[0]) ? 2 : 1;
  if (persons > 0 && SELF.test(text) && /\bund\b|,/.test(text)) persons += 1;
  return persons >= 2 ? persons : null;
}
