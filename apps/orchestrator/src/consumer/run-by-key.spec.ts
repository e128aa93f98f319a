import { runByKey, type KeyedMessage } from './run-by-key';

const msg = (offset: number, key: string): KeyedMessage => ({
  key: Buffer.from(key),
  offset: String(offset),
});
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('runByKey', () => {
  it('keeps each key in order while different keys run at the same time', async () => {
    const batch = [msg(0, 'a'), msg(1, 'b'), msg(2, 'a'), msg(3, 'c'), msg(4, 'b'), msg(5, 'a')];
    const seen: string[] = [];
    let running = 0;
    let peak = 0;
    const result = await runByKey(
      batch,
      async (m) => {
        running += 1;
        peak = Math.max(peak, running);
        await tick();
        seen.push(`${m.key!.toString()}${m.offset}`);
        running -= 1;
      },
      8,
    );
    expect(result).toEqual({ doneThrough: '5' });
    expect(peak).toBe(3); // three keys, three lanes
    for (const key of ['a', 'b', 'c']) {
      const offsets = seen.filter((s) => s.startsWith(key)).map((s) => Number(s.slice(1)));
      expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
    }
    expect(seen).toHaveLength(6);
  });

  it('never runs more keys at once than allowed', async () => {
    const batch = Array.from({ length: 20 }, (_, i) => msg(i, `k${i}`));
    let running = 0;
    let peak = 0;
    await runByKey(
      batch,
      async () => {
        running += 1;
        peak = Math.max(peak, running);
        await tick();
        running -= 1;
      },
      4,
    );
    expect(peak).toBe(4);
  });

  it('commits only up to the first failure, stops that key, and reports the error', async () => {
    const batch = [msg(10, 'a'), msg(11, 'b'), msg(12, 'a'), msg(13, 'c'), msg(14, 'a')];
    const handled: string[] = [];
    const boom = new Error('temporal unavailable');
    const result = await runByKey(
      batch,
      async (m) => {
        if (m.offset === '12') throw boom;
        handled.push(m.offset);
      },
      3,
    );
    expect(result).toEqual({ doneThrough: '11', error: boom }); // 13 ran, but after 12: it comes again
    expect(handled.sort()).toEqual(['10', '11', '13']); // 14 (same key, after the failure) never ran
  });

  it('starts no new key after a failure', async () => {
    const boom = new Error('down');
    const handled: string[] = [];
    const batch = [msg(0, 'a'), msg(1, 'b'), msg(2, 'c')];
    const result = await runByKey(
      batch,
      async (m) => {
        if (m.offset === '0') throw boom;
        handled.push(m.offset);
      },
      1,
    );
    expect(result).toEqual({ error: boom });
    expect(handled).toEqual([]);
  });

  it('commits nothing when the first message fails', async () => {
    const boom = new Error('down');
    const result = await runByKey([msg(7, 'a'), msg(8, 'b')], async () => Promise.reject(boom), 2);
    expect(result).toEqual({ error: boom });
  });

  it('treats messages without a key as one ordered key', async () => {
    const order: string[] = [];
    const batch = [
      { key: null, offset: '0' },
      { key: null, offset: '1' },
    ];
    await runByKey(batch, async (m) => void order.push(m.offset), 8);
    expect(order).toEqual(['0', '1']);
  });
});
