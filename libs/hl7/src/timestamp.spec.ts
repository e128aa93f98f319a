import { Hl7ParseError } from './errors';
import { isHl7Timestamp } from './fields';
import { parseHl7Timestamp } from './timestamp';

const NY = 'America/New_York';

describe('parseHl7Timestamp', () => {
  it.each([
    ['20261120140500-0500', '2026-11-20T14:05:00-05:00'],
    ['20261120140500+0530', '2026-11-20T14:05:00+05:30'],
    ['20261120140500+0000', '2026-11-20T14:05:00Z'],
    ['202611201405-0500', '2026-11-20T14:05:00-05:00'],
    ['20261120-0800', '2026-11-20T00:00:00-08:00'],
    ['20261120140500.1234-0500', '2026-11-20T14:05:00.123-05:00'],
  ])('keeps the explicit offset of %s', (ts, iso) => {
    expect(parseHl7Timestamp(ts, NY)).toEqual({ iso, hadOffset: true });
  });

  it.each([
    ['20261120140500', '2026-11-20T14:05:00-05:00'],
    ['20260720140500', '2026-07-20T14:05:00-04:00'],
    ['2026112014', '2026-11-20T14:00:00-05:00'],
    ['20261120', '2026-11-20T00:00:00-05:00'],
    ['202611', '2026-11-01T00:00:00-04:00'],
    ['2026', '2026-01-01T00:00:00-05:00'],
    ['20261120140500.5', '2026-11-20T14:05:00.500-05:00'],
  ])('reads %s in the default zone', (ts, iso) => {
    expect(parseHl7Timestamp(ts, NY)).toEqual({ iso, hadOffset: false });
  });

  it('uses the given zone', () => {
    expect(parseHl7Timestamp('20261120140500', 'Europe/Berlin')?.iso).toBe('2026-11-20T14:05:00+01:00');
    expect(parseHl7Timestamp('20261120140500', 'UTC')?.iso).toBe('2026-11-20T14:05:00Z');
  });

  it('moves a wall time in the spring-forward gap forward', () => {
    expect(parseHl7Timestamp('202603080230', NY)?.iso).toBe('2026-03-08T03:30:00-04:00');
  });

  it('takes the first instant of a wall time that occurs twice at fall-back', () => {
    expect(parseHl7Timestamp('202611010130', NY)?.iso).toBe('2026-11-01T01:30:00-04:00');
    expect(parseHl7Timestamp('202611010130-0500', NY)?.iso).toBe('2026-11-01T01:30:00-05:00');
  });

  it('returns undefined for empty and explicit-null values', () => {
    expect(parseHl7Timestamp('', NY)).toBeUndefined();
    expect(parseHl7Timestamp('""', NY)).toBeUndefined();
  });

  it.each([
    'yesterday',
    '2026-11-20',
    '20261320',
    '20260230',
    '2026112025',
    '202611201460',
    '20261120140500-05',
    '20261120140500+2500',
    '20261120140500.12345',
    '202611201',
    ' 20261120',
  ])('rejects %j with BAD_VALUE', (ts) => {
    expect(() => parseHl7Timestamp(ts, NY)).toThrow(Hl7ParseError);
    expect(() => parseHl7Timestamp(ts, NY)).toThrow(
      expect.objectContaining({ code: 'BAD_VALUE', hl7ErrorCode: 102 }),
    );
  });

  it('rejects an unknown zone as a programming error', () => {
    expect(() => parseHl7Timestamp('20261120', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('isHl7Timestamp', () => {
  it('checks the DTM shape only', () => {
    expect(isHl7Timestamp('20261120140500.1-0500')).toBe(true);
    expect(isHl7Timestamp('2026112')).toBe(false);
  });
});
