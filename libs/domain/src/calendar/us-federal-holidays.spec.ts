import { US_FEDERAL_HOLIDAYS, usFederalHolidays } from './us-federal-holidays';

describe('usFederalHolidays', () => {
  it('matches the published observed dates for 2026 and 2027', () => {
    expect(usFederalHolidays(2026, 2027)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18',
      '2027-07-05',
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24',
      '2027-12-31',
    ]);
  });

  it('observes a Saturday New Year on December 31 of the year before, not in its own year', () => {
    // 2028-01-01 is a Saturday
    expect(usFederalHolidays(2027, 2027)).toContain('2027-12-31');
    expect(usFederalHolidays(2028, 2028)).not.toContain('2027-12-31');
    expect(usFederalHolidays(2028, 2028)).not.toContain('2028-01-01');
  });

  it('finds Thanksgiving (fourth Thursday) and Memorial Day (last Monday) in any year', () => {
    expect(usFederalHolidays(2030, 2030)).toEqual(expect.arrayContaining(['2030-11-28', '2030-05-27']));
    expect(usFederalHolidays(2033, 2033)).toEqual(expect.arrayContaining(['2033-11-24', '2033-05-30']));
  });

  it('covers every year the default list promises, eleven or so per year', () => {
    for (let year = 2025; year <= 2035; year += 1) {
      const count = US_FEDERAL_HOLIDAYS.filter((day) => day.startsWith(`${year}-`)).length;
      expect(count).toBeGreaterThanOrEqual(10);
      expect(count).toBeLessThanOrEqual(12);
    }
  });
});
