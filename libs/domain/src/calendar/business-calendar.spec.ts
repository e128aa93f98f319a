import {
  businessDaysDeadline,
  calendarDaysDeadline,
  hoursDeadline,
  type BusinessCalendar,
} from './business-calendar';

const newYork: BusinessCalendar = { timeZone: 'America/New_York', holidays: ['2026-11-26', '2026-12-25'] };

describe('businessDaysDeadline', () => {
  it('counts two weekdays after a Monday discharge: due end of Wednesday, local', () => {
    const due = businessDaysDeadline('2026-11-16T10:00:00-05:00', 2, newYork);
    expect(due.toISOString()).toBe('2026-11-19T05:00:00.000Z'); // Thu 00:00 EST
  });

  it('skips the weekend after a Friday-afternoon discharge', () => {
    const due = businessDaysDeadline('2026-11-20T16:30:00-05:00', 2, newYork);
    expect(due.toISOString()).toBe('2026-11-25T05:00:00.000Z'); // end of Tue 24th
  });

  it('skips a holiday: discharge on Thanksgiving eve', () => {
    const due = businessDaysDeadline('2026-11-25T18:00:00-05:00', 2, newYork);
    // Thu 26 holiday, Fri 27 day 1, Mon 30 day 2 -> due at the start of Tue Dec 1
    expect(due.toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });

  it('uses the facility day, not the UTC day, for a late-evening discharge', () => {
    // 23:30 Monday in New York is already Tuesday in UTC
    const due = businessDaysDeadline('2026-11-17T04:30:00Z', 2, newYork);
    expect(due.toISOString()).toBe('2026-11-19T05:00:00.000Z');
  });

  it('crosses the DST change at local midnight', () => {
    // Fri 2026-10-30; DST ends Sun 2026-11-01; due end of Tue Nov 3 (EST)
    const due = businessDaysDeadline('2026-10-30T12:00:00-04:00', 2, newYork);
    expect(due.toISOString()).toBe('2026-11-04T05:00:00.000Z');
  });

  it('rejects negative or fractional day counts', () => {
    expect(() => businessDaysDeadline('2026-11-16T10:00:00Z', -1, newYork)).toThrow(RangeError);
    expect(() => businessDaysDeadline('2026-11-16T10:00:00Z', 1.5, newYork)).toThrow(RangeError);
  });

  it('rejects an unknown time zone', () => {
    expect(() =>
      businessDaysDeadline('2026-11-16T10:00:00Z', 2, { timeZone: 'Mars/Olympus', holidays: [] }),
    ).toThrow(RangeError);
  });
});

describe('calendarDaysDeadline and hoursDeadline', () => {
  it('counts calendar days from the local discharge day', () => {
    expect(calendarDaysDeadline('2026-11-20T16:30:00-05:00', 7, newYork).toISOString()).toBe(
      '2026-11-28T05:00:00.000Z',
    );
  });

  it('adds exact hours', () => {
    expect(hoursDeadline('2026-11-20T16:30:00-05:00', 48).toISOString()).toBe('2026-11-22T21:30:00.000Z');
  });
});
