/**
 * Which of the numbered proposals did the citizen pick? "2", "Nr. 2", "den zweiten bitte",
 * "Dienstag passt", "der am 1.12.", "9:30 nehme ich". Returns null when the answer does not
 * single out exactly one proposal: then we ask back instead of guessing.
 */
import { DateTime } from "luxon";

export interface ProposalTime {
  start: string;
}

const ORDINALS: [RegExp, number][] = [
  [/\b(erste[nrms]?|eins|ersteres)\b/i, 1],
  [/\b(zweite[nrms]?|zwei)\b/i, 2],
  [/\b(dritte[nrms]?|drei)\b/i, 3],
];
const LAST = /\b(letzte[nrms]?|letzteres)\b/i;
const WEEKDAYS: [RegExp, number][] = [
  [/\b(montag|mo\.)/i, 1],
  [/\b(dienstag|di\.)/i, 2],
  [/\b(mittwoch|mi\.)/i, 3],
  [/\b(donnerstag|do\.)/i, 4],
  [/\b(freitag|fr\.)/i, 5],
  [/\b(samstag|sa\.)/i, 6],
];

function byNumber(text: string, count: number): number | null {
  // A bare digit, alone or after "Nr."/"Termin"/"Vorschlag"/"Option" — not part of a date or time.
  const m = /(?:^|\b(?:nr\.?|nummer|termin|vorschlag|option|die|den)\s+)([1-9])(?!\d)(?!\s*[.:,]\s*\d)(?!\s*uhr)/i.exec(text.trim());
  const n = m?.[1] ? Number(m[1]) : null;
  return n !== null && n <= count ? n - 1 : null;
}

function byOrdinal(text: string, count: number): number | null {
  const hits = ORDINALS.filter(([re, n]) => re.test(text) && n <= count).map(([, n]) => n - 1);
  if (LAST.test(text)) hits.push(count - 1);
  return hits.length === 1 ? hits[0]! : null;
}

function byWhen(text: string, proposals: ProposalTime[], timezone: string): number | null {
  const times = proposals.map((p) => DateTime.fromISO(p.start, { setZone: true }).setZone(timezone));
  let candidates = times.map((_, i) => i);
  let constrained = false;
  const weekday = WEEKDAYS.filter(([re]) => re.test(text)).map(([, d]) => d);
  if (weekday.length === 1) {
    candidates = candidates.filter((i) => times[i]!.weekday === weekday[0]);
    constrained = true;
  }
  const date = /\b(\d{1,2})\.(\d{1,2})\.?/.exec(text);
  if (date) {
    candidates = candidates.filter((i) => times[i]!.day === Number(date[1]) && times[i]!.month === Number(date[2]));
    constrained = true;
  }
  const time = /\bum\s+(\d{1,2})(?::(\d{2}))?\b|\b(\d{1,2})(?::(\d{2})|\s*uhr)/i.exec(text);
  if (time) {
    const minutes = Number(time[1] ?? time[3]) * 60 + Number(time[2] ?? time[4] ?? 0);
    candidates = candidates.filter((i) => times[i]!.hour * 60 + times[i]!.minute === minutes);
    constrained = true;
  }
  return constrained && candidates.length === 1 ? candidates[0]! : null;
}

export function chooseProposal(text: string, proposals: ProposalTime[], timezone: string): number | null {
  if (proposals.length === 0) return null;
  const firstLine = text.trim().split("\n")[0] ?? "";
  return byNumber(firstLine, proposals.length) ?? byOrdinal(firstLine, proposals.length) ?? byWhen(text, proposals, timezone);
}
