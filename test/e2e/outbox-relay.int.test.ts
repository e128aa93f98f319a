import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { CARE_EVENTS_TOPIC, careEventV1Schema } from '@ct/contracts';
import { KafkaPublisher } from '@ct/kafka';
import { MetricsRegistry } from '@ct/observability';
import { createDataSource } from '@ct/persistence';
import { OutboxRelay } from '../../apps/worker/src/outbox/outbox-relay';
import { TasksActivities } from '../../apps/worker/src/tasks/tasks.activities';
import type { TimelineEntry } from '@ct/workflows/care-transition.activities';
import { TasksMetrics } from '../../apps/worker/src/tasks/tasks.metrics';
import { eventually } from '../support/processes';
import { TopicProbe } from '../support/kafka-probe';
import { testEnv, testTopic } from '../support/test-env';

const entry = (transitionId: string, n: number): TimelineEntry => ({
  kind: 'step.opened',
  stepKey: 'tcm-contact',
  occurredAt: new Date().toISOString(),
  dedupeKey: `${transitionId}|test|${n}`,
  detail: { n },
});

/** The outbox against real PostgreSQL and Kafka: what an activity wrote is what the relay publishes. */
describe('timeline outbox → care.events.v1 (real servers)', () => {
  let db: DataSource;
  let kafka: Kafka;
  let probe: TopicProbe;
  const publishers: KafkaPublisher[] = [];
  const publisher = (brokers: string[]) => {
    const client = new Kafka({
      clientId: 'outbox-test',
      brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 200 },
      connectionTimeout: 1_000,
    });
    const p = new KafkaPublisher(client, testEnv.topicPrefix);
    publishers.push(p);
    return p;
  };

  beforeAll(async () => {
    db = createDataSource(testEnv.databaseUrl, 'outbox-test');
    await db.initialize();
    kafka = new Kafka({
      clientId: 'outbox-probe',
      brokers: testEnv.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    probe = await TopicProbe.start(kafka, testTopic(CARE_EVENTS_TOPIC));
  });
  afterAll(async () => {
    await probe?.stop();
    for (const p of publishers) await p.onApplicationShutdown();
    await db?.destroy();
  });

  const ref = (transitionId: string) => ({ transitionId, facility: 'OUTBOX', pathway: 'tcm-discharge-home' });

  it('writes timeline and outbox together, once per dedupe key, and a record written while Kafka is down is published later', async () => {
    const transitionId = `transition:OUTBOX:${randomUUID()}`;
    const activities = new TasksActivities(db, new TasksMetrics(new MetricsRegistry()));
    await activities.recordTimeline({ ...ref(transitionId), entries: [entry(transitionId, 1)] });
    await activities.recordTimeline({ ...ref(transitionId), entries: [entry(transitionId, 1)] }); // retried
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM transition_timeline WHERE transition_id = $1`,
      [transitionId],
    );
    expect(count).toBe(1);

    const down = new OutboxRelay(db, publisher(['127.0.0.1:1']));
    await expect(down.relayOnce()).rejects.toThrow();
    const unsent = await db.query(
      `SELECT id FROM outbox WHERE value->>'transitionId' = $1 AND sent_at IS NULL`,
      [transitionId],
    );
    expect(unsent).toHaveLength(1);

    const up = new OutboxRelay(db, publisher(testEnv.kafkaBrokers));
    await eventually(async () => ((await up.relayOnce()) === 0 ? true : undefined), 'an empty outbox');
    const [published] = await eventually(async () => {
      const found = probe.matching(transitionId);
      return found.length ? found : undefined;
    }, 'the care event on Kafka');
    expect(careEventV1Schema.parse(JSON.parse(published))).toMatchObject({
      type: 'step.opened',
      transitionId,
      stepKey: 'tcm-contact',
      detail: { n: 1 },
    });
  });

  it('publishes each record once with two relays running at the same time (SKIP LOCKED)', async () => {
    const transitionId = `transition:OUTBOX:${randomUUID()}`;
    const activities = new TasksActivities(db, new TasksMetrics(new MetricsRegistry()));
    const entries = Array.from({ length: 40 }, (_, n) => entry(transitionId, n));
    await activities.recordTimeline({ ...ref(transitionId), entries });
    const relays = [
      new OutboxRelay(db, publisher(testEnv.kafkaBrokers), 5),
      new OutboxRelay(db, publisher(testEnv.kafkaBrokers), 5),
    ];
    const drain = async (relay: OutboxRelay) => {
      while ((await relay.relayOnce()) > 0);
    };
    await Promise.all(relays.map(drain));
    // one more record after both relays finished: same key, so the same partition, behind any
    // duplicate they could have sent; seeing it proves the probe has read past where one would be
    const last = entry(transitionId, 40);
    await activities.recordTimeline({ ...ref(transitionId), entries: [last] });
    await drain(relays[0]);
    const published = () =>
      probe.matching(transitionId).map((v) => JSON.parse(v) as { eventId: string; detail: { n: number } });
    await eventually(
      async () => (published().some((v) => v.detail.n === 40) ? true : undefined),
      'the record written after the drain',
    );
    const ids = published()
      .filter((v) => v.detail.n < 40)
      .map((v) => v.eventId);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });

  it('sets aside a record Kafka refuses (too large) as a dead letter, and the records behind it go out', async () => {
    const transitionId = `transition:OUTBOX:${randomUUID()}`;
    const topic = CARE_EVENTS_TOPIC; // the publisher adds the test prefix
    // over the broker's 1 MiB message limit: refused for good, not an outage
    const [{ id: huge }]: { id: string }[] = await db.query(
      `INSERT INTO outbox (topic, key, value) VALUES ($1, $2, $3) RETURNING id`,
      [topic, transitionId, JSON.stringify({ transitionId, padding: 'x'.repeat(2_000_000) })],
    );
    // a topic that does not exist (none is created on the fly) is this record's problem too
    const [{ id: lost }]: { id: string }[] = await db.query(
      `INSERT INTO outbox (topic, key, value) VALUES ('no.such.topic.v1', $1, '{}') RETURNING id`,
      [transitionId],
    );
    const activities = new TasksActivities(db, new TasksMetrics(new MetricsRegistry()));
    await activities.recordTimeline({ ...ref(transitionId), entries: [entry(transitionId, 7)] });

    const relay = new OutboxRelay(db, publisher(testEnv.kafkaBrokers));
    await eventually(async () => ((await relay.relayOnce()) === 0 ? true : undefined), 'an empty outbox');
    await eventually(
      async () => (probe.matching(transitionId).length ? true : undefined),
      'the record behind it',
    );
    const letters: { source_ref: string; code: string; status: string }[] = await db.query(
      `SELECT source_ref, code, status FROM dead_letters WHERE stage = 'outbox' AND source_ref = ANY($1) ORDER BY source_ref`,
      [[`outbox/${huge}`, `outbox/${lost}`]],
    );
    expect(letters.map((l) => [l.source_ref, l.code, l.status]).sort()).toEqual(
      [`outbox/${huge}`, `outbox/${lost}`].sort().map((ref) => [ref, 'PUBLISH_REFUSED', 'open']),
    );
    const [row]: { sent_at: Date | null; dead_lettered_at: Date | null }[] = await db.query(
      `SELECT sent_at, dead_lettered_at FROM outbox WHERE id = $1`,
      [huge],
    );
    expect(row.sent_at).toBeNull();
    expect(row.dead_lettered_at).not.toBeNull();
  });
});
