import { dayRange, fillDays } from './days';

describe('dayRange', () => {
  it('ends with the local today and starts at local midnight days-1 before', () => {
    // 02:30 UTC on 12 Mar is still 11 Mar in New York (EDT starts 8 Mar 2026)
    const range = dayRange(new Date('2026-03-12T02:30:00Z'), 'America/New_York', 3);
    expect(range.days).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
    expect(range.from.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(range.to.toISOString()).toBe('2026-03-12T04:00:00.000Z');
  });

  it('keeps whole local days across a DST change (a 23-hour day)', () => {
    const range = dayRange(new Date('2026-03-09T12:00:00Z'), 'America/New_York', 2);
    expect(range.days).toEqual(['2026-03-08', '2026-03-09']);
    expect(range.from.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect((range.to.getTime() - range.from.getTime()) / 3_600_000).toBe(47);
  });

  it('refuses an unknown zone', () => {
    expect(() => dayRange(new Date(), 'Mars/Olympus', 14)).toThrow(RangeError);
  });
});

describe('fillDays', () => {
  it('gives every day of the range, zero where nothing happened', () => {
    const range = dayRange(new Date('2026-06-15T12:00:00Z'), 'UTC', 3);
    expect(fillDays(range, [{ day: '2026-06-14', breaches: '2', completions: '5' }])).toEqual([
      { day: '2026-06-13', breaches: 0, completions: 0 },
      { day: '2026-06-14', breaches: 2, completions: 5 },
      { day: '2026-06-15', breaches: 0, completions: 0 },
    ]);
  });
});
