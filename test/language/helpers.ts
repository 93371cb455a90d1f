// Shared fixtures for the language tests: the demo city and the Monday reference date of nlu.md.
import { parse } from "../../core/language/index.ts";
import type { ParseResult } from "../../core/language/types.ts";
import { loadConfig } from "./eval.ts";

export const MONDAY = new Date("2026-11-23T10:00:00+01:00");
export const CONFIG = loadConfig();

export function p(text: string, now: Date = MONDAY): ParseResult {
  return parse(text, now, "Europe/Berlin", CONFIG);
}

export const day = (iso: string) => ({ from: iso, to: iso });
