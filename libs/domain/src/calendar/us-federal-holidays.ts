/** The day of the nth (1-based) weekday (0 = Sunday) of a month; n = -1 is the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month, 1));
    return new Date(Date.UTC(year, month, 1 + ((weekday - first.getUTCDay() + 7) % 7) + (n - 1) * 7));
  }
  const last = new Date(Date.UTC(year, month + 1, 0));
  return new Date(Date.UTC(year, month, last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7)));
}

/** A holiday on a Saturday is observed the Friday before, on a Sunday the Monday after (5 U.S.C. 6103). */
function observed(day: Date): Date {
  const shift = day.getUTCDay() === 6 ? -1 : day.getUTCDay() === 0 ? 1 : 0;
  return new Date(day.getTime() + shift * 86_400_000);
}

function holidaysOf(year: number): Date[] {
  const fixed = (month: number, date: number) => observed(new Date(Date.UTC(year, month, date)));
  return [
    fixed(0, 1), // New Year's Day
    nthWeekday(year, 0, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, 1, 1, 3), // Washington's Birthday
    nthWeekday(year, 4, 1, -1), // Memorial Day
    fixed(5, 19), // Juneteenth
    fixed(6, 4), // Independence Day
    nthWeekday(year, 8, 1, 1), // Labor Day
    nthWeekday(year, 9, 1, 2), // Columbus Day
    fixed(10, 11), // Veterans Day
    nthWeekday(year, 10, 4, 4), // Thanksgiving Day
    fixed(11, 25), // Christmas Day
  ];
}

/**
 * Observed US federal holidays (yyyy-MM-dd) falling in the given years, by the rules rather than
 * a list that runs out. A New Year's Day on a Saturday is observed on December 31 of the year before.
 */
export function usFederalHolidays(fromYear: number, toYear: number): string[] {
  const days: string[] = [];
  for (let year = fromYear; year <= toYear + 1; year += 1) {
    for (const day of holidaysOf(year)) {
      const iso = day.toISOString().slice(0, 10);
      const inRange = day.getUTCFullYear() >= fromYear && day.getUTCFullYear() <= toYear;
      if (inRange && !days.includes(iso)) days.push(iso);
    }
  }
  return days.sort();
}

/** The default holiday list a facility inherits; extend the range before 2035 ends. */
export const US_FEDERAL_HOLIDAYS: readonly string[] = usFederalHolidays(2025, 2035);
