// Canonical form of nlu.md §5.5: sorted, merged, de-duplicated, so equal requests print equally.
import { isoDate, type DayNumber } from "./calendar.ts";
import type { DateRange, TimeRange } from "./types.ts";
import type { DateSpan, Span } from "./temporal/combine.ts";

export function canonicalDateRanges(spans: DateSpan[], today: DayNumber): DateRange[] {
  const clipped = spans
    .map((s) => ({ from: Math.max(s.from, today), to: s.to }))
    .filter((s) => s.to === null || s.to >= s.from)
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number | null }[] = [];
  for (const s of clipped) {
    const last = merged[merged.length - 1];
    if (last && (last.to === null || s.from <= last.to + 1)) {
      last.to = last.to === null || s.to === null ? null : Math.max(last.to, s.to);
    } else merged.push({ ...s });
  }
  return merged.map((s) => ({ from: isoDate(s.from), to: s.to === null ? null : isoDate(s.to) }));
}

export function canonicalTimeRanges(spans: Span[]): TimeRange[] {
  const sorted = spans
    .map((s) => ({ from: Math.max(0, Math.min(1440, s.from)), to: Math.max(0, Math.min(1440, s.to)) }))
    .filter((s) => s.to >= s.from)
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const out: TimeRange[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    const isPoint = s.from === s.to;
    if (last && last.from === s.from && last.to === s.to) continue;
    if (last && !isPoint && last.from !== last.to && s.from < last.to) last.to = Math.max(last.to, s.to);
    else if (last && isPoint && last.from !== last.to && s.from >= last.from && s.from < last.to) continue;
    else out.push({ ...s });
  }
  return out;
}

export function sortedUnique(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

export function sortedDates(days: DayNumber[], today: DayNumber): string[] {
  return [...new Set(days.filter((d) => d >= today))].sort((a, b) => a - b).map(isoDate);
}
