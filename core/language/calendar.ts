// Local calendar arithmetic on day numbers (days since 1970-01-01). Pure integer maths, so results
// never depend on the process time zone and never touch the clock.

export type DayNumber = number;

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

export interface CivilDate { year: number; month: number; day: number }

/** Inverse of dayNumber (Howard Hinnant's civil_from_days). */
export function civilDate(days: DayNumber): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday, 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(days: DayNumber): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function isoDate(days: DayNumber): string {
  const { year, month, day } = civilDate(days);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function parseIsoDate(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export function daysInMonth(year: number, month: number): number {
  return dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumber(year, month, 1);
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Monday of the ISO week containing the day. */
export function weekStart(days: DayNumber): DayNumber {
  return days - isoWeekday(days) + 1;
}

/** Monday of ISO week `week` of ISO year `year`. */
export function isoWeekMonday(year: number, week: number): DayNumber {
  const jan4 = dayNumber(year, 1, 4);
  return weekStart(jan4) + (week - 1) * 7;
}
