import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { notificationBundle } from '../../apps/adt-gateway/src/fhir/testing/notification-bundle';
import { Role } from '@ct/auth';
import { authHeaders } from '../support/auth';
import { startGateway } from '../support/gateway';
import { TopicProbe } from '../support/kafka-probe';
import { eventually } from '../support/processes';
import { testEnv, testTopic } from '../support/test-env';

describe('FHIR $process-message against real Kafka and Postgres', () => {
  const run = Date.now().toString(36).toUpperCase();
  const endpoint = `https://ehr-${run}.example/fhir`;
  let gateway: INestApplication;
  let url: string;
  let probe: TopicProbe;
  const kafka = new Kafka({
    clientId: 'fhir-test',
    brokers: testEnv.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });

  const post = async (body: unknown, type = 'application/fhir+json') =>
    fetch(`${url}/fhir/$process-message`, {
      method: 'POST',
      headers: { 'content-type': type, ...(await authHeaders(Role.Feed)) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const bundle = (id: string, event?: string) =>
    notificationBundle({ bundleId: `${run}-${id}`, headerId: `mh-${run}-${id}`, endpoint, event });
  const landed = (id: string) =>
    eventually(async () => (probe.matching(`${run}-${id}`).length === 1 ? true : undefined), `event ${id}`);

  beforeAll(async () => {
    ({ app: gateway, url } = await startGateway());
    probe = await TopicProbe.start(kafka, testTopic('adt.events.v1'));
  });

  afterAll(async () => {
    await probe?.stop();
    await gateway?.close();
  });

  it('answers ok only once the event is on Kafka, and publishes a resent Bundle only once', async () => {
    const first = await post(bundle('ONE'));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(await first.json()).toMatchObject({
      resourceType: 'Bundle',
      type: 'message',
      entry: [
        {
          resource: { resourceType: 'MessageHeader', response: { identifier: `mh-${run}-ONE`, code: 'ok' } },
        },
      ],
    });
    await landed('ONE');
    const [event] = probe.matching(`${run}-ONE`).map((value) => JSON.parse(value));
    expect(event).toMatchObject({
      type: 'patient.discharged',
      trigger: 'A03',
      source: { transport: 'fhir' },
    });

    const resent = await post(bundle('ONE'), 'application/json');
    expect(resent.status).toBe(200);
    // a later message arriving proves the consumer has read past where a duplicate would be
    expect((await post(bundle('TWO', 'notification-admit'))).status).toBe(200);
    await landed('TWO');
    expect(probe.matching(`${run}-ONE`)).toHaveLength(1);
  });

  it('answers an unusable Bundle with an OperationOutcome and quarantines it for operators', async () => {
    const bad = await post(bundle('BAD', 'notification-lab-result'));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'error', code: 'not-supported', expression: ['Bundle.entry[0].resource.eventCoding'] },
      ],
    });

    const list = (await (
      await fetch(`${url}/api/v1/ops/quarantine?status=rejected&limit=500`, {
        headers: await authHeaders(Role.Ops),
      })
    ).json()) as {
      items: { controlId: string; sender: string; transport: string; reason: string }[];
    };
    const entry = list.items.find((item) => item.controlId === `${run}-BAD`);
    expect(entry).toMatchObject({
      sender: endpoint,
      transport: 'fhir',
      reason: expect.stringMatching(/^not-supported:/),
    });
    expect(JSON.stringify(list)).not.toContain('MRN1001'); // the listing carries no patient data
    expect(probe.matching(`${run}-BAD`)).toHaveLength(0);
  });

  it('answers 400 for a body that is not JSON and 415 for another media type', async () => {
    const broken = await post('{"resourceType": "Bundle",');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'structure' }],
    });
    expect((await post(bundle('TEXT'), 'text/plain')).status).toBe(415);
  });

  it('answers a sender without a feed token with an OperationOutcome (401 login, 403 forbidden)', async () => {
    const send = (headers: Record<string, string>) =>
      fetch(`${url}/fhir/$process-message`, {
        method: 'POST',
        headers: { 'content-type': 'application/fhir+json', ...headers },
        body: JSON.stringify(bundle('NOAUTH')),
      });
    const anonymous = await send({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    expect(anonymous.headers.get('content-type')).toContain('application/fhir+json');
    expect(await anonymous.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'login' }],
    });
    const ops = await send(await authHeaders(Role.Ops));
    expect(ops.status).toBe(403);
    expect(await ops.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'forbidden', diagnostics: 'This needs the role adt-feed' }],
    });
  });
});
