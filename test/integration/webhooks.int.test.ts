import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Webhook } from 'standardwebhooks';
import type { DataSource } from 'typeorm';
import type { WorkerEnv } from '@ct/config';
import { CARE_EVENTS_TOPIC, careEventKey, webhookBodyV1Schema, type CareEventV1 } from '@ct/contracts';
import { KafkaPublisher, startGroupAtEnd } from '@ct/kafka';
import { MetricsRegistry } from '@ct/observability';
import { createDataSource } from '@ct/persistence';
import { CareEventsConsumer } from '../../apps/worker/src/webhooks/care-events.consumer';
import { WebhookMetrics } from '../../apps/worker/src/webhooks/webhook.metrics';
import { WebhookSenderService } from '../../apps/worker/src/webhooks/webhook-sender.service';
import { startApi, type RunningApi } from '../support/api';
import { testIssuer } from '../support/auth';
import { eventually } from '../support/processes';
import { testEnv, testTopic } from '../support/test-env';
import { WebhookReceiver, type ReceivedWebhook } from '../support/webhook-receiver';

const PATIENT_KEY = 'RIVERSIDE|MRN-77123';
const TITLE = 'Call Jane Q Doe';

/**
 * The worker's webhook dispatcher (consumer + sender, short retry settings) on the real Kafka and
 * PostgreSQL, subscriptions made through the api, a local HTTP receiver.
 */
describe('outbound webhooks (real servers)', () => {
  const runId = randomUUID().slice(0, 8).toUpperCase();
  const facility = (name: string) => `WH${runId}${name}`;
  let api: RunningApi;
  let db: DataSource;
  let kafka: Kafka;
  let publisher: KafkaPublisher;
  let receiver: WebhookReceiver;
  let metrics: WebhookMetrics;
  let sender: WebhookSenderService;
  let consumer: CareEventsConsumer;

  const env = {
    WEBHOOKS_ENABLED: true,
    WEBHOOK_GROUP_ID: `webhooks-test-${runId}`,
    WEBHOOK_MAX_ATTEMPTS: 3,
    WEBHOOK_RETRY_BASE_MS: 50,
    WEBHOOK_RETRY_MAX_MS: 200,
    WEBHOOK_TIMEOUT_MS: 2_000,
    WEBHOOK_CONCURRENCY: 4,
    WEBHOOK_CONSOLE_URL: 'http://127.0.0.1:3000/console',
    KAFKA_TOPIC_PREFIX: testEnv.topicPrefix,
  } as WorkerEnv;

  const ops = async (facilities?: string[]) => ({
    authorization: `Bearer ${await (await testIssuer()).token({ roles: ['ops'], subject: 'ops-1', facilities })}`,
    'content-type': 'application/json',
  });

  const subscribe = async (body: Record<string, unknown>, facilities?: string[]) => {
    const response = await fetch(`${api.url}/api/v1/ops/webhooks`, {
      method: 'POST',
      headers: await ops(facilities),
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { id: string; secret: string } };
  };

  const openTask = async (fac: string) => {
    const transitionId = `transition:${fac}:V${randomUUID().slice(0, 6)}`;
    const [task] = await db.query<{ id: string }[]>(
      `INSERT INTO tasks (transition_id, step_key, role, title, facility, patient_key, due_at)
       VALUES ($1, 'tcm-contact', 'transitional-care-nurse', $2, $3, $4, now() + interval '1 day') RETURNING id`,
      [transitionId, TITLE, fac, PATIENT_KEY],
    );
    return { transitionId, taskId: task.id };
  };

  const event = (
    fac: string,
    transitionId: string,
    type: CareEventV1['type'],
    detail: CareEventV1['detail'] = {},
  ): CareEventV1 => ({
    schema: 'care.event.v1',
    eventId: randomUUID(),
    type,
    transitionId,
    facility: fac,
    pathway: 'tcm-discharge-home',
    stepKey: 'tcm-contact',
    occurredAt: new Date().toISOString(),
    detail,
  });

  const publish = (...events: CareEventV1[]) =>
    publisher.publish(
      events.map((value) => ({
        topic: CARE_EVENTS_TOPIC,
        key: careEventKey(value.transitionId),
        value,
        headers: {},
      })),
    );

  const delivery = async (eventId: string) =>
    (
      await db.query<{ id: string; status: string; attempts: number }[]>(
        `SELECT id, status, attempts FROM webhook_deliveries WHERE event_id = $1`,
        [eventId],
      )
    )[0];

  const received = (path: string, min = 1) =>
    eventually(async () => {
      const found = receiver.at(path);
      return found.length >= min ? found : undefined;
    }, `${min} request(s) at ${path}`);

  const verify = (secret: string, request: ReceivedWebhook) =>
    new Webhook(secret).verify(request.body, {
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    });

  beforeAll(async () => {
    api = await startApi();
    db = createDataSource(testEnv.databaseUrl, 'webhooks-test');
    await db.initialize();
    kafka = new Kafka({
      clientId: `webhooks-test-${runId}`,
      brokers: testEnv.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    publisher = new KafkaPublisher(kafka, testEnv.topicPrefix);
    receiver = await WebhookReceiver.start();
    await startGroupAtEnd(kafka, env.WEBHOOK_GROUP_ID, testTopic(CARE_EVENTS_TOPIC));
    metrics = new WebhookMetrics(new MetricsRegistry());
    sender = new WebhookSenderService(db, env, metrics);
    consumer = new CareEventsConsumer(kafka, env, db, metrics, sender);
    sender.onApplicationBootstrap();
    consumer.onApplicationBootstrap();
  });

  afterAll(async () => {
    await consumer?.onApplicationShutdown();
    await sender?.onApplicationShutdown();
    await publisher?.onApplicationShutdown();
    await receiver?.stop();
    await db?.destroy();
    await api?.stop();
  });

  it('signs a breach so that it verifies with the secret, with ids and links and no patient data; a redelivered event is not sent twice', async () => {
    const fac = facility('OK');
    const created = await subscribe({
      facility: fac,
      eventKinds: ['breach.recorded', 'reminder.sent'],
      url: receiver.answer(`/ok-${runId}`, () => 204),
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const { transitionId, taskId } = await openTask(fac);
    const breach = event(fac, transitionId, 'breach.recorded', {
      dueAt: '2026-12-07T05:00:00.000Z',
      reason: 'x',
    });
    await publish(breach);

    const [request] = await received(`/ok-${runId}`);
    const body = webhookBodyV1Schema.parse(verify(created.body.secret, request));
    expect(body).toMatchObject({
      type: 'breach.recorded',
      data: {
        eventId: breach.eventId,
        transitionId,
        facility: fac,
        taskId,
        role: 'transitional-care-nurse',
        dueAt: '2026-12-07T05:00:00.000Z',
        links: {
          transition: `http://127.0.0.1:3000/console/transitions/${encodeURIComponent(transitionId)}`,
        },
      },
    });
    expect(request.body).not.toContain('MRN-77123');
    expect(request.body).not.toContain('Jane');
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(request.body, {
        'webhook-id': String(request.headers['webhook-id']),
        'webhook-timestamp': String(request.headers['webhook-timestamp']),
        'webhook-signature': String(request.headers['webhook-signature']),
      }),
    ).toThrow();

    // the same record again, then a later one on the same partition: once that is planned, the repeat was read
    const later = event(fac, transitionId, 'reminder.sent', { role: 'transitional-care-nurse' });
    await publish(breach, later);
    await eventually(
      async () => (await delivery(later.eventId))?.status === 'delivered' || undefined,
      'the later event delivered',
    );
    const rows = await db.query<unknown[]>(`SELECT id FROM webhook_deliveries WHERE event_id = $1`, [
      breach.eventId,
    ]);
    expect(rows).toHaveLength(1);
    expect(receiver.at(`/ok-${runId}`).filter((r) => r.body.includes(breach.eventId))).toHaveLength(1);

    const list = await fetch(`${api.url}/api/v1/ops/webhooks?facility=${fac}`, { headers: await ops() });
    const text = await list.text();
    expect(JSON.parse(text)).toMatchObject({
      total: 1,
      items: [{ id: created.body.id, deliveries: { delivered: 2 } }],
    });
    expect(text).not.toContain(created.body.secret);
    expect(text).not.toContain('"secret"');
  });

  it('retries a receiver that answers 500 and delivers on a later try, with the same webhook-id', async () => {
    const fac = facility('FLAKY');
    const created = await subscribe({
      facility: fac,
      eventKinds: ['escalation.notify'],
      url: receiver.answer(`/flaky-${runId}`, (n) => (n <= 2 ? 500 : 200)),
    });
    const { transitionId } = await openTask(fac);
    const notify = event(fac, transitionId, 'escalation.notify', { rung: 2, target: 'care-team-lead' });
    await publish(notify);

    await eventually(
      async () => (await delivery(notify.eventId))?.status === 'delivered' || undefined,
      'delivered',
    );
    expect(await delivery(notify.eventId)).toMatchObject({ status: 'delivered', attempts: 3 });
    const tries = receiver.at(`/flaky-${runId}`);
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((t) => t.headers['webhook-id']))).toEqual(
      new Set([(await delivery(notify.eventId)).id]),
    );
    expect(webhookBodyV1Schema.parse(verify(created.body.secret, tries[2])).data).toMatchObject({
      role: 'care-team-lead',
      rung: 2,
    });
    expect((await metrics.retries.get()).values[0].value).toBeGreaterThanOrEqual(2);
  });

  it('dead-letters a delivery whose receiver always fails, with the reason, and a replay from the ops API sends it again', async () => {
    const fac = facility('DOWN');
    let down = true;
    await subscribe({
      facility: fac,
      eventKinds: ['breach.recorded'],
      url: receiver.answer(`/down-${runId}`, () => (down ? 500 : 200)),
    });
    const { transitionId } = await openTask(fac);
    const breach = event(fac, transitionId, 'breach.recorded', {});
    await publish(breach);

    const deliveryId = await eventually(async () => {
      const row = await delivery(breach.eventId);
      return row?.status === 'dead' ? row.id : undefined;
    }, 'a dead delivery');
    const letters = await fetch(`${api.url}/api/v1/ops/dead-letters?stage=webhook&limit=500`, {
      headers: await ops(),
    });
    const letter = (
      (await letters.json()) as {
        items: { id: string; sourceRef: string; reason: string; attempts: number; eventId: string }[];
      }
    ).items.find((item) => item.sourceRef === `webhook/${deliveryId}`);
    expect(letter).toMatchObject({ attempts: 3, eventId: breach.eventId });
    expect(letter!.reason).toContain('HTTP 500');
    expect(receiver.at(`/down-${runId}`)).toHaveLength(3);

    down = false;
    const replay = await fetch(`${api.url}/api/v1/ops/dead-letters/${letter!.id}/replay`, {
      method: 'POST',
      headers: await ops(),
    });
    expect(replay.status).toBe(202);
    await eventually(
      async () => (await delivery(breach.eventId))?.status === 'delivered' || undefined,
      'the replayed delivery',
    );
    expect(receiver.at(`/down-${runId}`)).toHaveLength(4);
  });

  it('scopes subscriptions by facility: another facility is refused, unseen and 404; http is for loopback only', async () => {
    const mine = facility('MINE');
    const created = await subscribe(
      { facility: mine, eventKinds: ['reminder.sent'], url: `${receiver.url}/none` },
      [mine],
    );
    expect(created.status).toBe(201);
    expect(
      (
        await subscribe(
          { facility: facility('THEIRS'), eventKinds: ['reminder.sent'], url: `${receiver.url}/x` },
          [mine],
        )
      ).status,
    ).toBe(400);
    expect(
      (await subscribe({ facility: '*', eventKinds: ['reminder.sent'], url: `${receiver.url}/x` }, [mine]))
        .status,
    ).toBe(400);
    const insecure = await subscribe(
      { facility: mine, eventKinds: ['reminder.sent'], url: 'http://pager.example.org/x' },
      [mine],
    );
    expect(insecure.status).toBe(400);

    const other = await ops([facility('THEIRS')]);
    const listed = await (await fetch(`${api.url}/api/v1/ops/webhooks`, { headers: other })).json();
    expect((listed as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(created.body.id);
    const disable = await fetch(`${api.url}/api/v1/ops/webhooks/${created.body.id}/disable`, {
      method: 'POST',
      headers: other,
    });
    expect(disable.status).toBe(404);

    const own = await ops([mine]);
    const disabled = await fetch(`${api.url}/api/v1/ops/webhooks/${created.body.id}/disable`, {
      method: 'POST',
      headers: own,
    });
    expect(await disabled.json()).toMatchObject({ enabled: false });
    const removed = await fetch(`${api.url}/api/v1/ops/webhooks/${created.body.id}`, {
      method: 'DELETE',
      headers: own,
    });
    expect(removed.status).toBe(204);
    const gone = await fetch(`${api.url}/api/v1/ops/webhooks/${created.body.id}`, {
      method: 'DELETE',
      headers: own,
    });
    expect(gone.status).toBe(404);
  });
});
