// Catalogue services named in a request, driven by the synonyms of the city configuration.
import type { LanguageConfig } from "../types.ts";
import type { Token } from "../text/tokens.ts";
import { buildPhrases, findPhrases, type Phrase } from "./lexicon-matcher.ts";
import { applyServiceRules, GENERIC_SERVICE_WORDS } from "./service-rules.ts";
import { countBefore, requestCount } from "./counts.ts";
import { OUT_OF_SCOPE_CUES } from "../lexicon/intent-cues.de.ts";

const ZU_INFINITIVE = /^(ab|an|um|aus|ein|zu|vor)zu([a-z]{4,})$/;
const phraseCache = new WeakMap<LanguageConfig, Phrase[]>();

function phrasesOf(config: LanguageConfig): Phrase[] {
  let phrases = phraseCache.get(config);
  if (!phrases) {
    phrases = buildPhrases(config.services.map((s) => ({ id: s.id, phrases: [s.name, ...(s.synonyms ?? [])] })));
    phraseCache.set(config, phrases);
  }
  return phrases;
}

export function findServices(tokens: Token[], folded: string, config: LanguageConfig): { id: string; count: number }[] {
  // "abzumelden", "anzumelden", "abzuholen": the infinitive with "zu" names the same verb
  const words = tokens.map((t) => (ZU_INFINITIVE.test(t.text) ? { ...t, text: t.text.replace(ZU_INFINITIVE, "$1$2") } : t));
  let matches = findPhrases(words, phrasesOf(config), { inflection: true, maxGap: 2 });
  if (OUT_OF_SCOPE_CUES.test(folded)) {
    matches = matches.filter((m) => !(m.phrase.tokens.length === 1 && GENERIC_SERVICE_WORDS.has(m.phrase.tokens[0] ?? "")));
  }
  const order: string[] = [];
  const local = new Map<string, number>();
  for (const m of matches) {
    if (!order.includes(m.id)) order.push(m.id);
    const n = countBefore(tokens, m.first, folded);
    if (n !== null && !local.has(m.id)) local.set(m.id, n);
  }
  const ids = applyServiceRules(order, folded);
  const shared = requestCount(folded);
  return ids.map((id) => {
    // the services a rule swapped in inherit the count of the word they replaced
    const inherited = ids.length === 1 ? [...local.values()][0] : undefined;
    const count = id === "eheschliessung" ? 1 : local.get(id) ?? inherited ?? shared ?? 1;
    return { id, count: Math.max(1, Math.min(20, count)) };
  });
}
