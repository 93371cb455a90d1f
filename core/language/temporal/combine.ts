// Intersection within a request and union across alternatives, for dates and for times.
import { isoWeekday, type DayNumber } from "../calendar.ts";

export interface DateSpan { from: DayNumber; to: DayNumber | null; container: boolean }
export interface Span { from: number; to: number }

/** `weekday` is set for a bare weekday ("Dienstag"): inside a named week it narrows that week. */
export interface DateInput { span: DateSpan; weekday: number | null }

const OPEN_END_HORIZON = 62;

function overlap(a: DateSpan, b: DateSpan): DateSpan | null {
  const from = Math.max(a.from, b.from);
  const to = a.to === null ? b.to : b.to === null ? a.to : Math.min(a.to, b.to);
  return to === null || from <= to ? { from, to, container: true } : null;
}

function contains(c: DateSpan, day: DayNumber): boolean {
  return day >= c.from && (c.to === null || day <= c.to);
}

function mergeContainers(containers: DateSpan[]): DateSpan[] {
  const sorted = [...containers].sort((a, b) => a.from - b.from);
  const out: DateSpan[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    const both = last ? overlap(last, c) : null;
    if (last && both) out[out.length - 1] = both;
    else out.push(c);
  }
  return out;
}

export function resolveDates(inputs: DateInput[]): DateSpan[] {
  const containers = mergeContainers(inputs.filter((i) => i.span.container).map((i) => i.span));
  const filters = new Set(inputs.filter((i) => i.weekday !== null).map((i) => i.weekday as number));
  const points = inputs.filter((i) => !i.span.container && (containers.length === 0 || i.weekday === null)).map((i) => i.span);
  if (containers.length === 0) return points;
  const out: DateSpan[] = [];
  const used = new Set<DateSpan>();
  for (const c of containers) {
    const inner = points.filter((p) => contains(c, p.from));
    inner.forEach((p) => used.add(p));
    if (inner.length > 0) {
      out.push(...inner);
      continue;
    }
    if (filters.size > 0) {
      const last = c.to ?? c.from + OPEN_END_HORIZON;
      let found = false;
      for (let d = c.from; d <= last; d++) {
        if (filters.has(isoWeekday(d))) {
          out.push({ from: d, to: d, container: false });
          found = true;
          if (c.to === null) break;
        }
      }
      if (found) continue;
    }
    out.push(c);
  }
  out.push(...points.filter((p) => !used.has(p)));
  return out;
}

function isPoint(s: Span): boolean {
  return s.from === s.to;
}

function intersectGroup(group: Span[], next: Span): Span[] {
  if (isPoint(next)) {
    if (group.every(isPoint)) return [...group, next];
    return [next];
  }
  const out: Span[] = [];
  for (const s of group) {
    if (isPoint(s)) {
      if (s.from >= next.from && s.from <= next.to) out.push(s);
    } else {
      const from = Math.max(s.from, next.from);
      const to = Math.min(s.to, next.to);
      if (from < to) out.push({ from, to });
    }
  }
  return out.length > 0 ? out : [next];
}

/** Times in one request intersect ("nachmittags ab 14 Uhr"); an "oder" starts an alternative. */
export function resolveTimes(items: { span: Span; alternative: boolean }[]): Span[] {
  const groups: Span[][] = [];
  for (const item of items) {
    const current = groups[groups.length - 1];
    if (!current || item.alternative) groups.push([item.span]);
    else groups[groups.length - 1] = intersectGroup(current, item.span);
  }
  return groups.flat();
}
