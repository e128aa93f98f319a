import {
  businessDaysDeadline,
  calendarDaysDeadline,
  hoursDeadline,
  type BusinessCalendar,
} from '../calendar/business-calendar';
import type { StepClock } from './pathway';

export function stepDeadline(
  clock: StepClock,
  times: { discharge: Date | string; stepOpened: Date | string },
  calendar: BusinessCalendar,
): Date {
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
