import { EventEmitter } from 'node:events';
import type { Kafka } from 'kafkajs';
import type { OrchestratorEnv } from '@ct/config';
import { AdtEventsConsumer } from './adt-events.consumer';
import type { RecordHandler } from './record-handler';

const events = { GROUP_JOIN: 'join', REBALANCING: 'rebalancing', STOP: 'stop', CRASH: 'crash' };

function setUp(run: () => Promise<void>) {
  const emitter = new EventEmitter();
  const consumer = {
    events,
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    connect: jest.fn().mockResolvedValue(undefined),
    subscribe: jest.fn().mockResolvedValue(undefined),
    run: jest.fn(run),
    disconnect: jest.fn().mockResolvedValue(undefined),
  };
  const create = jest.fn(() => consumer);
  const kafka = { consumer: create } as unknown as Kafka;
  const env = { ORCHESTRATOR_GROUP_ID: 'g', ORCHESTRATOR_SESSION_TIMEOUT_MS: 10_000, KAFKA_TOPIC_PREFIX: '' };
  const subject = new AdtEventsConsumer(kafka, env as OrchestratorEnv, {} as RecordHandler);
  return { subject, emitter, create };
}

describe('AdtEventsConsumer readiness', () => {
  it('lets the app listen while it joins, and is ready only once joined (again after a rebalance)', async () => {
    let joined: (() => void) | undefined;
    const { subject, emitter, create } = setUp(() => new Promise<void>((resolve) => (joined = resolve)));
    subject.onApplicationBootstrap(); // returns while the join is still pending
    expect(subject.ready()).toEqual({ up: false, reason: 'the consumer waits for its first join' });
    emitter.emit('join');
    expect(subject.ready()).toEqual({ up: true });
    emitter.emit('rebalancing');
    expect(subject.ready()).toEqual({ up: false, reason: 'the consumer waits for a rebalance' });
    emitter.emit('join');
    expect(subject.ready()).toEqual({ up: true });
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ sessionTimeout: 10_000, heartbeatInterval: 3_000 }),
    );
    while (!joined) await new Promise((resolve) => setImmediate(resolve)); // run() was reached
    joined();
    await subject.onApplicationShutdown();
  });

  it('exits to be restarted when the consumer cannot start', async () => {
    const kill = jest.spyOn(process, 'kill').mockImplementation(() => true);
    const { subject } = setUp(() => Promise.reject(new Error('group authorization failed')));
    try {
      subject.onApplicationBootstrap();
      await subject.onApplicationShutdown();
      expect(process.exitCode).toBe(1);
      expect(kill).toHaveBeenCalledWith(process.pid, 'SIGTERM');
    } finally {
      kill.mockRestore();
      process.exitCode = undefined;
    }
  });
});
