import { bucketOf, bucketWindows, facilityWindows, timeLeftSeconds } from './time-buckets';

const at = (iso: string) => new Date(iso);
const NEW_YORK = 'America/New_York';

describe('bucketing open steps by time left', () => {
  it('splits at now, now + 4 h and the facility’s local midnight', () => {
    const windows = bucketWindows(at('2026-11-16T14:00:00Z'), NEW_YORK); // 09:00 EST
    expect(windows.dayEnd.toISOString()).toBe('2026-11-17T05:00:00.000Z');
    expect(bucketOf(at('2026-11-16T13:59:59Z'), null, windows)).toBe('breached');
    expect(bucketOf(at('2026-11-16T14:00:00Z'), null, windows)).toBe('breached');
    expect(bucketOf(at('2026-11-16T18:00:00Z'), null, windows)).toBe('dueWithin4h');
    expect(bucketOf(at('2026-11-16T18:00:01Z'), null, windows)).toBe('dueToday');
    expect(bucketOf(at('2026-11-17T04:59:59Z'), null, windows)).toBe('dueToday');
    expect(bucketOf(at('2026-11-17T05:00:00Z'), null, windows)).toBe('later');
  });

  it('puts a step the clock marked breached in breached even if its due time was moved later', () => {
    const windows = bucketWindows(at('2026-11-16T14:00:00Z'), NEW_YORK);
    expect(bucketOf(at('2026-11-20T14:00:00Z'), at('2026-11-16T12:00:00Z'), windows)).toBe('breached');
  });

  it('uses the facility’s day, not UTC’s: 23:30 in New York is already tomorrow in UTC', () => {
    const now = at('2026-11-17T03:00:00Z'); // 22:00 EST on the 16th
    const ny = bucketWindows(now, NEW_YORK);
    expect(ny.dayEnd.toISOString()).toBe('2026-11-17T05:00:00.000Z');
    // 4 h from 22:00 crosses midnight: still dueWithin4h, never dueToday
    expect(bucketOf(at('2026-11-17T06:30:00Z'), null, ny)).toBe('dueWithin4h');
    expect(bucketOf(at('2026-11-17T07:30:00Z'), null, ny)).toBe('later');
    // the same instant in Los Angeles is 19:00: midnight is 8 h away
    const la = facilityWindows(now, 'BAYVIEW', NEW_YORK);
    expect(la.dayEnd.toISOString()).toBe('2026-11-17T08:00:00.000Z');
    expect(bucketOf(at('2026-11-17T07:30:00Z'), null, la)).toBe('dueToday');
  });

  it('a facility without a calendar uses the default zone', () => {
    const windows = facilityWindows(at('2026-11-16T14:00:00Z'), 'NOWHERE', 'America/Chicago');
    expect(windows.dayEnd.toISOString()).toBe('2026-11-17T06:00:00.000Z');
  });

  it('has a 23-hour day when DST starts: local midnight is 04:00Z, not 05:00Z', () => {
    // Sun 2026-03-08 in New York: 02:00 EST jumps to 03:00 EDT
    const windows = bucketWindows(at('2026-03-08T05:30:00Z'), NEW_YORK); // 00:30 EST
    expect(windows.dayEnd.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(bucketOf(at('2026-03-09T03:59:00Z'), null, windows)).toBe('dueToday'); // 23:59 EDT
    expect(bucketOf(at('2026-03-09T04:30:00Z'), null, windows)).toBe('later'); // 00:30 EDT on the 9th
  });

  it('has a 25-hour day when DST ends: local midnight is 05:00Z, not 04:00Z', () => {
    // Sun 2026-11-01 in New York: 02:00 EDT falls back to 01:00 EST
    const windows = bucketWindows(at('2026-11-01T04:30:00Z'), NEW_YORK); // 00:30 EDT
    expect(windows.dayEnd.toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(bucketOf(at('2026-11-02T04:30:00Z'), null, windows)).toBe('dueToday'); // 23:30 EST
    expect(bucketOf(at('2026-11-02T05:00:00Z'), null, windows)).toBe('later');
  });

  it('tells time left in seconds, negative once due', () => {
    expect(timeLeftSeconds(at('2026-11-16T15:00:00Z'), at('2026-11-16T14:00:00Z'))).toBe(3600);
    expect(timeLeftSeconds(at('2026-11-16T13:00:00Z'), at('2026-11-16T14:00:00Z'))).toBe(-3600);
  });

  it('refuses an unknown time zone', () => {
    expect(() => bucketWindows(at('2026-11-16T14:00:00Z'), 'Mars/Olympus')).toThrow(RangeError);
  });
});
