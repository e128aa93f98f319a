import { retryDelayMs, type RetrySettings } from './retry-schedule';

const defaults: RetrySettings = { maxAttempts: 8, baseMs: 30_000, maxMs: 1_800_000 };
const middle = () => 0.5;

describe('retryDelayMs', () => {
  it('doubles from the base after each failed try, without jitter at the middle', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelayMs(attempt, defaults, middle));
    expect(waits).toEqual(
      [30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000].map((w) => Math.min(w, 1_800_000)),
    );
  });

  it('spreads the default eight tries over about an hour', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelayMs(attempt, defaults, middle) ?? 0);
    const minutes = waits.reduce((sum, w) => sum + w, 0) / 60_000;
    expect(minutes).toBeGreaterThan(50);
    expect(minutes).toBeLessThan(70);
  });

  it('stops after the last try: that failure is a dead letter', () => {
    expect(retryDelayMs(8, defaults, middle)).toBeUndefined();
    expect(retryDelayMs(1, { ...defaults, maxAttempts: 1 }, middle)).toBeUndefined();
  });

  it('keeps jitter within ±20 % and the cap', () => {
    expect(retryDelayMs(1, defaults, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, defaults, () => 1)).toBe(36_000);
    expect(retryDelayMs(7, defaults, () => 1)).toBe(2_160_000);
    expect(retryDelayMs(7, { ...defaults, maxMs: 60_000 }, () => 0)).toBe(48_000);
  });
});
