import { DateTime } from 'luxon';

/** A facility's working calendar: its time zone and the dates (yyyy-MM-dd, local) it is closed. */
export interface BusinessCalendar {
  timeZone: string;
  holidays: readonly string[];
  /** ISO weekdays that are worked; Monday = 1 … Sunday = 7. */
  workdays?: readonly number[];
}

const WEEKDAYS = [1, 2, 3, 4, 5];

export function isBusinessDay(day: DateTime, calendar: BusinessCalendar): boolean {
  const workdays = calendar.workdays ?? WEEKDAYS;
  return workdays.includes(day.weekday) && !calendar.holidays.includes(day.toISODate() ?? '');
}

function localTime(at: Date | string, calendar: BusinessCalendar): DateTime {
  const time = typeof at === 'string' ? DateTime.fromISO(at, { setZone: true }) : DateTime.fromJSDate(at);
  const local = time.setZone(calendar.timeZone);
  if (!local.isValid)
    throw new RangeError(`invalid time or time zone: ${local.invalidExplanation ?? 'unknown'}`);
  return local;
}

/**
 * The deadline for "within N business days of `from`": the end of the Nth business day after the
 * day of `from`, in the facility's zone (CMS TCM counts the discharge day as day 0).
 * Returns the instant the deadline passes: midnight local at the start of the following day.
 */
export function businessDaysDeadline(from: Date | string, days: number, calendar: BusinessCalendar): Date {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`business days must be a whole number >= 0: ${days}`);
  let day = localTime(from, calendar).startOf('day');
  let counted = 0;
  while (counted < days) {
    day = day.plus({ days: 1 });
    if (isBusinessDay(day, calendar)) counted += 1;
  }
  return day.plus({ days: 1 }).startOf('day').toJSDate();
}

/** "Within N calendar days": midnight local after day N, the discharge day being day 0. */
export function calendarDaysDeadline(from: Date | string, days: number, calendar: BusinessCalendar): Date {
  return localTime(from, calendar)
    .startOf('day')
    .plus({ days: days + 1 })
    .toJSDate();
}

/** "Within N hours": an exact instant, no calendar involved. */
export function hoursDeadline(from: Date | string, hours: number): Date {
  return DateTime.fromISO(typeof from === 'string' ? from : from.toISOString())
    .plus({ hours })
    .toJSDate();
}

/** Whether two instants fall on the same local day of the facility. */
export function sameLocalDay(a: Date | string, b: Date | string, calendar: BusinessCalendar): boolean {
  return localTime(a, calendar).toISODate() === localTime(b, calendar).toISODate();
}
