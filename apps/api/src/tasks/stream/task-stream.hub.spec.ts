import type { Principal } from '@ct/auth';
import { MetricsRegistry, ProblemException } from '@ct/observability';
import type { TaskChange } from './task-change';
import { TaskStreamHub, type StreamSink } from './task-stream.hub';

const principal = (facilities: string[]): Principal => ({
  subject: 'nurse-1',
  roles: ['care-coordinator'],
  facilities,
  teams: [],
});

const change = (facility: string, id = '00000000-0000-4000-8000-000000000001'): TaskChange => ({
  id,
  transitionId: `transition:${facility}:V1`,
  stepKey: 'tcm-contact',
  facility,
  role: 'transitional-care-nurse',
  status: 'open',
  priority: 'routine',
  assignee: null,
  dueAt: '2026-12-07T05:00:00.000Z',
  breachedAt: null,
  revision: null,
  updatedAt: '2026-12-04T21:00:00.000Z',
});

class Sink implements StreamSink {
  readonly chunks: string[] = [];
  ended = false;
  writableLength = 0;
  write(chunk: string) {
    this.chunks.push(chunk);
    return true;
  }
  end() {
    this.ended = true;
  }
  events(type: string) {
    return this.chunks.filter((c) => c.includes(`event: ${type}\n`));
  }
  lastId() {
    return [...this.chunks]
      .reverse()
      .find((c) => c.startsWith('id: '))
      ?.split('\n')[0]
      .slice(4);
  }
}

const hub = (max = 10) =>
  new TaskStreamHub({ TASK_STREAM_MAX: max, TASK_STREAM_HEARTBEAT_MS: 15_000 }, new MetricsRegistry());

describe('TaskStreamHub', () => {
  it('sends a change to a stream of its facility and not to one of another facility', () => {
    const streams = hub();
    const [mine, theirs, all] = [new Sink(), new Sink(), new Sink()];
    streams.connect(principal(['RIVERSIDE']), mine);
    streams.connect(principal(['LAKESHORE']), theirs);
    streams.connect(principal(['*']), all);
    streams.publish(change('RIVERSIDE'));
    expect(mine.events('task')).toHaveLength(1);
    expect(all.events('task')).toHaveLength(1);
    expect(theirs.events('ready')).toHaveLength(1);
    expect(theirs.events('task')).toHaveLength(0);
    expect(JSON.parse(mine.events('task')[0].split('data: ')[1])).toEqual(change('RIVERSIDE'));
  });

  it('answers 503 past TASK_STREAM_MAX and takes a stream again once one closed', () => {
    const streams = hub(1);
    const close = streams.connect(principal(['*']), new Sink());
    expect(() => streams.connect(principal(['*']), new Sink())).toThrow(ProblemException);
    close();
    expect(() => streams.connect(principal(['*']), new Sink())).not.toThrow();
  });

  it('replays what a reconnect missed after its Last-Event-ID, and resets an unknown id', () => {
    const streams = hub();
    const first = new Sink();
    const close = streams.connect(principal(['RIVERSIDE']), first);
    streams.publish(change('RIVERSIDE', '00000000-0000-4000-8000-000000000001'));
    const seen = first.lastId();
    close();
    streams.publish(change('LAKESHORE', '00000000-0000-4000-8000-000000000002'));
    streams.publish(change('RIVERSIDE', '00000000-0000-4000-8000-000000000003'));

    const again = new Sink();
    streams.connect(principal(['RIVERSIDE']), again, seen);
    expect(again.events('task').map((c) => JSON.parse(c.split('data: ')[1]).id)).toEqual([
      '00000000-0000-4000-8000-000000000003',
    ]);
    expect(again.events('reset')).toHaveLength(0);

    const stale = new Sink();
    streams.connect(principal(['RIVERSIDE']), stale, 'deadbeef-1');
    expect(stale.events('reset')).toHaveLength(1);
    expect(stale.events('task')).toHaveLength(0);
  });

  it('tells every stream to re-read after a reset, and old ids no longer resume', () => {
    const streams = hub();
    const sink = new Sink();
    streams.connect(principal(['*']), sink);
    streams.publish(change('RIVERSIDE'));
    const before = sink.lastId();
    streams.reset();
    expect(sink.events('reset')).toHaveLength(1);
    const again = new Sink();
    streams.connect(principal(['*']), again, before);
    expect(again.events('reset')).toHaveLength(1);
  });

  it('cuts off a stream that does not read, and ends every stream at shutdown', () => {
    const streams = hub();
    const slow = new Sink();
    const other = new Sink();
    streams.connect(principal(['*']), slow);
    streams.connect(principal(['*']), other);
    slow.writableLength = 2_000_000;
    streams.publish(change('RIVERSIDE'));
    expect(slow.ended).toBe(true);
    expect(streams.open).toBe(1);
    streams.beforeApplicationShutdown();
    expect(other.ended).toBe(true);
    expect(streams.open).toBe(0);
  });

  it('writes a heartbeat comment every TASK_STREAM_HEARTBEAT_MS', () => {
    jest.useFakeTimers();
    try {
      const streams = hub();
      streams.onModuleInit();
      const sink = new Sink();
      streams.connect(principal(['*']), sink);
      jest.advanceTimersByTime(15_000);
      expect(sink.chunks).toContain(': heartbeat\n\n');
      streams.beforeApplicationShutdown();
    } finally {
      jest.useRealTimers();
    }
  });
});
