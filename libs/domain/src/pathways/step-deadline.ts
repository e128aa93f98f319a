import {
  businessDaysDeadline,
  calendarDaysDeadline,
  hoursDeadline,
  type BusinessCalendar,
} from '../calendar/business-calendar';
import type { StepClock } from './pathway';

export interface ClockTimes {
  discharge: Date | string;
  stepOpened: Date | string;
  /** When the transition started: the discharge, or the referral's arrival. */
  start: Date | string;
  /** The end of the window a referral asked for, if it named one. */
  referralDueBy?: string;
}

export function stepDeadline(clock: StepClock, times: ClockTimes, calendar: BusinessCalendar): Date {
  if (clock.kind === 'referralWindow') {
    return times.referralDueBy
      ? new Date(times.referralDueBy)
      : calendarDaysDeadline(times.start, clock.fallbackDays, calendar);
  }
  const from = times[clock.from];
  switch (clock.kind) {
    case 'businessDays':
      return businessDaysDeadline(from, clock.amount, calendar);
    case 'calendarDays':
      return calendarDaysDeadline(from, clock.amount, calendar);
    case 'hours':
      return hoursDeadline(from, clock.amount);
  }
}
