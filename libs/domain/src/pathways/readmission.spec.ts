import { isReadmission } from './readmission';

describe('isReadmission', () => {
  const discharged = '2026-11-02T15:00:00Z';
  it('counts an admission on day 29 or day 30, not day 31 or before the discharge', () => {
    expect(isReadmission(discharged, '2026-12-01T15:00:00Z')).toBe(true);
    expect(isReadmission(discharged, '2026-12-02T15:00:00Z')).toBe(true);
    expect(isReadmission(discharged, '2026-12-03T15:00:00Z')).toBe(false);
    expect(isReadmission(discharged, '2026-11-01T15:00:00Z')).toBe(false);
  });
});
