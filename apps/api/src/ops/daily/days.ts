import { DateTime } from 'luxon';

/** The last `days` local days up to and including today, in one time zone, as the chart shows them. */
export interface DayRange {
  /** YYYY-MM-DD, oldest first; the last one is today. */
  days: string[];
  /** Local midnight that starts the first day (inclusive). */
  from: Date;
  /** Local midnight that ends today (exclusive). */
  to: Date;
}

export function dayRange(now: Date, timeZone: string, days: number): DayRange {
  const today = DateTime.fromJSDate(now).setZone(timeZone);
  if (!today.isValid) throw new RangeError(`invalid time zone: ${timeZone}`);
  const first = today.startOf('day').minus({ days: days - 1 });
  const keys = Array.from({ length: days }, (_, index) => first.plus({ days: index }).toISODate());
  return { days: keys, from: first.toJSDate(), to: today.startOf('day').plus({ days: 1 }).toJSDate() };
}

export interface DayCounts {
  day: string;
  breaches: number;
  completions: number;
}

/** One entry per day of the range, zero where the database had no row. */
export function fillDays(
  range: DayRange,
  rows: { day: string; breaches: string | number; completions: string | number }[],
): DayCounts[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return range.days.map((day) => {
    const row = byDay.get(day);
    return { day, breaches: Number(row?.breaches ?? 0), completions: Number(row?.completions ?? 0) };
  });
}
