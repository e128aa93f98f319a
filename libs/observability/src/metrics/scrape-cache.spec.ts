import { Counter, Registry } from 'prom-client';
import { ScrapeCache } from './scrape-cache';

describe('ScrapeCache', () => {
  let now = 0;
  const setUp = (load: jest.Mock) => {
    const failures = new Counter({
      name: 'f',
      help: 'f',
      labelNames: ['collector'],
      registers: [new Registry()],
    });
    return {
      cache: new ScrapeCache({ name: 'probe', ttlMs: 5_000, load, failures, now: () => now }),
      failures,
    };
  };
  beforeEach(() => (now = 0));

  it('loads once per TTL, and scrapes while it loads share that load', async () => {
    const load = jest.fn().mockResolvedValueOnce(1).mockResolvedValueOnce(2);
    const { cache } = setUp(load);
    expect(await Promise.all([cache.get(), cache.get()])).toEqual([1, 1]);
    now = 4_999;
    expect(await cache.get()).toBe(1);
    now = 5_000;
    expect(await cache.get()).toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('gives undefined for a failed load, counts it, and tries again after the TTL', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce(7);
    const { cache, failures } = setUp(load);
    expect(await cache.get()).toBeUndefined();
    expect((await failures.get()).values).toEqual([{ labels: { collector: 'probe' }, value: 1 }]);
    now = 5_000;
    expect(await cache.get()).toBe(7);
  });
});
