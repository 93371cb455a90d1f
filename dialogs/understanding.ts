/**
 * What the dialogs use from the German request parser (`core/language`, schema v1 of nlu.md §5.1).
 * The composition root binds time zone and city configuration, so dialogs call `parse(text, now)`.
 */
import type { ParseResult } from "../core/language/types.ts";

export type { Intent, InfoTopic, ParseResult } from "../core/language/types.ts";
export { emptyParseResult } from "../core/language/types.ts";

/** The parser as the dialogs call it. Never throws on text. */
export type ParseFn = (text: string, now: Date) => ParseResult;
