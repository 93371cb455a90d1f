// Public surface of the German request parser.
export { parse } from "./parse.ts";
export { runParseCommand } from "./cli.ts";
export {
  emptyParseResult, INFO_TOPIC_ORDER, INTENT_PRIORITY,
  type DateRange, type InfoTopic, type Intent, type IsoDate, type LanguageConfig, type Minutes, type ParseResult,
  type ServiceId, type TimeRange,
} from "./types.ts";
