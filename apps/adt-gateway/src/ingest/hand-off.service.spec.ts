import { Logger } from '@nestjs/common';
import type { KafkaPublisher } from '@ct/kafka';
import type { InboundStatus } from '@ct/persistence';
import { HandOffService } from './hand-off.service';
import type { InboundArchive, InboundRecord } from './inbound-archive';
import type { NormalizedEvent } from './normalize';

/** The archive's claim rule in memory: a resend of a published row is reported as such. */
function fakeArchive() {
  const rows = new Map<string, { id: string; status: InboundStatus }>();
  const byId = (id: string) => [...rows.values()].find((row) => row.id === id)!;
  return {
    rows,
    claim: jest.fn(async (record: InboundRecord) => {
      const key = `${record.sender}|${record.controlId}`;
      const row = rows.get(key);
      if (row) return { id: row.id, previous: row.status };
      const id = `in-${rows.size + 1}`;
      rows.set(key, { id, status: 'received' });
      return { id, previous: null };
    }),
    markPublished: jest.fn(async (id: string) => void (byId(id).status = 'published')),
    markFailed: jest.fn(async (id: string) => {
      if (byId(id).status !== 'published') byId(id).status = 'failed';
    }),
  };
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Whatever the promise has settled to so far, without waiting for it. */
function settled<T>(promise: Promise<T>): { value?: T } {
  const state: { value?: T } = {};
  void promise.then((value) => (state.value = value));
  return state;
}

const record: InboundRecord = {
  sender: 'EPIC|RIVERSIDE',
  controlId: 'MSG-1',
  transport: 'mllp',
  messageType: 'ADT^A03',
  raw: 'MSH|...',
  eventId: 'evt-1',
};
const normalized = {
  topic: 'adt.events.v1',
  key: 'RIVERSIDE|MRN1',
  value: { eventId: 'evt-1', type: 'patient.discharged', schema: 'adt.event.v1' },
} as unknown as NormalizedEvent;

describe('HandOffService within HANDOFF_TIMEOUT_MS', () => {
  let archive: ReturnType<typeof fakeArchive>;
  const publish = jest.fn<Promise<void>, []>();
  let service: HandOffService;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    jest.useFakeTimers();
    archive = fakeArchive();
    publish.mockReset();
    const publisher = { publish } as unknown as KafkaPublisher;
    service = new HandOffService(archive as unknown as InboundArchive, publisher, {
      HANDOFF_TIMEOUT_MS: 2_000,
    });
  });
  afterEach(() => jest.useRealTimers());

  it('answers unavailable when the bound passes while the publish has not answered, not before', async () => {
    publish.mockReturnValue(new Promise<void>(() => undefined));
    const answer = settled(service.handOff(record, normalized));
    await jest.advanceTimersByTimeAsync(1_999);
    expect(answer.value).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(answer.value).toEqual({ outcome: 'unavailable' });
  });

  it('answers unavailable when the archive never answers, and publishes nothing', async () => {
    archive.claim.mockReturnValue(new Promise(() => undefined));
    const answer = settled(service.handOff(record, normalized));
    await jest.advanceTimersByTimeAsync(2_000);
    expect(answer.value).toEqual({ outcome: 'unavailable' });
    expect(publish).not.toHaveBeenCalled();
  });

  it('answers at once when the hand-off is quick, leaving no timer behind', async () => {
    publish.mockResolvedValue(undefined);
    expect(await service.handOff(record, normalized)).toEqual({
      outcome: 'accepted',
      inboundMessageId: 'in-1',
    });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('marks a publish that succeeds after the NAK published: the resend is a duplicate, not published again', async () => {
    const late = deferred();
    publish.mockReturnValueOnce(late.promise);
    const answer = settled(service.handOff(record, normalized));
    await jest.advanceTimersByTimeAsync(2_000);
    expect(answer.value).toEqual({ outcome: 'unavailable' });

    late.resolve();
    await jest.advanceTimersByTimeAsync(0);
    expect(archive.markPublished).toHaveBeenCalledWith('in-1');
    expect(await service.handOff(record, normalized)).toEqual({
      outcome: 'duplicate',
      inboundMessageId: 'in-1',
    });
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('marks a publish that fails after the NAK failed: the resend publishes afresh', async () => {
    const late = deferred();
    publish.mockReturnValueOnce(late.promise).mockResolvedValue(undefined);
    const answer = settled(service.handOff(record, normalized));
    await jest.advanceTimersByTimeAsync(2_000);
    expect(answer.value).toEqual({ outcome: 'unavailable' });

    late.reject(new Error('broker down'));
    await jest.advanceTimersByTimeAsync(0);
    expect(archive.markFailed).toHaveBeenCalledWith(
      'in-1',
      expect.stringMatching(/publish failed.*broker down/),
    );
    expect(archive.rows.get('EPIC|RIVERSIDE|MSG-1')?.status).toBe('failed');
    expect(await service.handOff(record, normalized)).toEqual({
      outcome: 'accepted',
      inboundMessageId: 'in-1',
    });
    expect(publish).toHaveBeenCalledTimes(2);
  });

  it('lets a resend that arrives while its first copy is still publishing wait on it, not publish twice', async () => {
    const late = deferred();
    publish.mockReturnValueOnce(late.promise).mockResolvedValue(undefined);
    const first = settled(service.handOff(record, normalized));
    await jest.advanceTimersByTimeAsync(2_000);
    expect(first.value).toEqual({ outcome: 'unavailable' });

    const resend = settled(service.handOff(record, normalized));
    await jest.advanceTimersByTimeAsync(500);
    late.resolve();
    await jest.advanceTimersByTimeAsync(0);
    expect(resend.value).toEqual({ outcome: 'duplicate', inboundMessageId: 'in-1' });
    expect(publish).toHaveBeenCalledTimes(1);
    expect(archive.claim).toHaveBeenCalledTimes(1);
  });
});
