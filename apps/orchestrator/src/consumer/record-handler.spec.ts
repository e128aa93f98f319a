import type { CommandBus } from '@nestjs/cqrs';
import type { KafkaMessage } from 'kafkajs';
import type { PinoLogger } from 'nestjs-pino';
import type { OrchestratorEnv } from '@ct/config';
import { MetricsRegistry } from '@ct/observability';
import type { DeadLetterStore } from '../dead-letters/dead-letter.store';
import { RecordHandler } from './record-handler';
import { RecordMetrics } from './record.metrics';

const PREFIX = 'test.';
const TOPIC = `${PREFIX}adt.events.v1`;

const adtEvent = {
  schema: 'adt.event.v1',
  eventId: 'evt-1',
  type: 'patient.discharged',
  trigger: 'A03',
  occurredAt: '2026-11-20T16:30:00-05:00',
  recordedAt: '2026-11-20T16:30:00-05:00',
  facility: 'RIV',
  patient: { key: 'RIVERSIDE|MRN100234', identifiers: [{ id: 'MRN100234' }] },
  visit: { number: 'V7788001' },
  diagnoses: [],
  source: {
    sendingApplication: 'EPIC',
    sendingFacility: 'RIV',
    controlId: 'MSG00001',
    messageType: 'ADT^A03',
    transport: 'mllp',
  },
};

function setUp(execute: jest.Mock) {
  const registry = new MetricsRegistry();
  const env = {
    KAFKA_TOPIC_PREFIX: PREFIX,
    ORCHESTRATOR_MAX_ATTEMPTS: 3,
    ORCHESTRATOR_RETRY_BASE_MS: 0,
  } as OrchestratorEnv;
  const handler = new RecordHandler(
    env,
    { execute } as unknown as CommandBus,
    { add: jest.fn().mockResolvedValue(undefined) } as unknown as DeadLetterStore,
    { runInContext: (work: () => unknown) => work() } as unknown as PinoLogger,
    new RecordMetrics(registry, env),
  );
  const handle = (value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const message = {
      key: null,
      value: Buffer.from(text),
      offset: '7',
      headers: {},
    } as unknown as KafkaMessage;
    return handler.handle({ topic: TOPIC, partition: 0, message });
  };
  const values = async (name: string) => (await registry.getSingleMetric(name)?.get())?.values ?? [];
  return { handle, values, registry };
}

describe('RecordHandler metrics', () => {
  it('counts a handled event by topic (without the prefix) and the handler outcome', async () => {
    const { handle, values } = setUp(jest.fn().mockResolvedValue('started-or-signalled'));
    await handle(adtEvent);
    expect(await values('ct_orchestrator_events_total')).toEqual([
      { labels: { topic: 'adt.events.v1', outcome: 'started-or-signalled' }, value: 1 },
    ]);
  });

  it('counts dead letters by code, and retries before RETRIES_EXHAUSTED', async () => {
    const { handle, values } = setUp(jest.fn().mockRejectedValue(new Error('odd')));
    await handle('not json');
    await handle(adtEvent);
    expect(await values('ct_orchestrator_dead_letters_total')).toEqual([
      { labels: { topic: 'adt.events.v1', code: 'BAD_JSON' }, value: 1 },
      { labels: { topic: 'adt.events.v1', code: 'RETRIES_EXHAUSTED' }, value: 1 },
    ]);
    expect(await values('ct_orchestrator_event_retries_total')).toEqual([
      { labels: { topic: 'adt.events.v1' }, value: 2 },
    ]);
    expect(await values('ct_orchestrator_events_total')).toEqual([
      { labels: { topic: 'adt.events.v1', outcome: 'dead-lettered' }, value: 2 },
    ]);
  });

  it('counts an outage as retried (the broker redelivers), and names no patient or visit', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const { handle, values, registry } = setUp(jest.fn().mockRejectedValue(outage));
    await expect(handle(adtEvent)).rejects.toBe(outage);
    expect(await values('ct_orchestrator_events_total')).toEqual([
      { labels: { topic: 'adt.events.v1', outcome: 'retried' }, value: 1 },
    ]);
    const scrape = await registry.metrics();
    for (const id of ['MRN100234', 'V7788001', 'MSG00001', 'evt-1']) expect(scrape).not.toContain(id);
  });
});
