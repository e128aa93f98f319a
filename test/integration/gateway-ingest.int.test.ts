import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { adtMessage } from '@ct/hl7/testing';
import { MllpClient } from '@ct/mllp';
import { MllpListenerService } from '../../apps/adt-gateway/src/mllp/mllp-listener.service';
import { Role } from '@ct/auth';
import { authHeaders } from '../support/auth';
import { startGateway, postHl7 } from '../support/gateway';
import { TopicProbe } from '../support/kafka-probe';
import { eventually } from '../support/processes';
import { testEnv, testTopic } from '../support/test-env';

const root = path.resolve(__dirname, '../..');
const infra = (...args: string[]) => {
  const result = spawnSync('bash', args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
};

describe('adt-gateway against real Kafka and Postgres', () => {
  const run = Date.now().toString(36).toUpperCase();
  let gateway: INestApplication;
  let url: string;
  let probe: TopicProbe;
  const kafka = new Kafka({
    clientId: 'gateway-test',
    brokers: testEnv.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });

  const post = (body: string) => postHl7(url, body);
  const ops = async (path: string, method = 'GET') =>
    fetch(`${url}/api/v1/ops/quarantine${path}`, { method, headers: await authHeaders(Role.Ops) });
  const message = (controlId: string) =>
    adtMessage({ controlId: `${run}-${controlId}`, sendingApplication: `GW${run}` });

  beforeAll(async () => {
    // no Temporal where it points: the gateway never uses it, so every ACK below is given without one
    ({ app: gateway, url } = await startGateway({
      MLLP_MAX_FRAME_BYTES: '65536',
      TEMPORAL_ADDRESS: '127.0.0.1:1',
    }));
    probe = await TopicProbe.start(kafka, testTopic('adt.events.v1'));
  });

  afterAll(async () => {
    infra('infra/up.sh', 'kafka');
    await probe?.stop();
    await gateway?.close();
  });

  it('is ready with PostgreSQL and Kafka alone: it checks no Temporal, which it does not use', async () => {
    const response = await fetch(`${url}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { info: Record<string, { status: string }> };
    expect(body.info).toEqual({
      postgres: { status: 'up' },
      kafka: expect.objectContaining({ status: 'up' }),
    });
  });

  it('acknowledges only once the event is on Kafka, and publishes a resend only once', async () => {
    const first = await post(message('ONE'));
    expect(first.status).toBe(200);
    expect(await first.text()).toContain(`MSA|AA|${run}-ONE`);
    await eventually(async () => (probe.matching(`${run}-ONE`).length === 1 ? true : undefined), 'the event');

    const resent = await post(message('ONE'));
    expect(resent.status).toBe(200);
    expect(await resent.text()).toContain(`MSA|AA|${run}-ONE`);
    // a later message arriving proves the consumer has read past where a duplicate would be
    expect((await post(message('TWO'))).status).toBe(200);
    await eventually(
      async () => (probe.matching(`${run}-TWO`).length === 1 ? true : undefined),
      'the next event',
    );
    expect(probe.matching(`${run}-ONE`)).toHaveLength(1);
  });

  it('takes HL7 over HTTP only from a feed: 401 without a token, 403 for another role, nothing published', async () => {
    const send = (headers: Record<string, string>) =>
      fetch(`${url}/api/v1/adt/hl7`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...headers },
        body: message('NOAUTH'),
      });
    const anonymous = await send({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    expect(await anonymous.json()).toMatchObject({
      type: 'https://care-transitions.dev/problems/unauthenticated',
    });
    expect((await send(await authHeaders(Role.Coordinator))).status).toBe(403);
    expect((await ops('?limit=10', 'GET')).status).toBe(200);
    // the next accepted message is on Kafka, and the refused one never was
    expect((await post(message('FEED-OK'))).status).toBe(200);
    await eventually(
      async () => (probe.matching(`${run}-FEED-OK`).length === 1 ? true : undefined),
      'the next',
    );
    expect(probe.matching(`${run}-NOAUTH`)).toHaveLength(0);
  });

  it('takes the same messages over MLLP, one ACK per frame, in order, and NAKs an oversized frame', async () => {
    const client = new MllpClient({ port: gateway.get(MllpListenerService).port! });
    await client.connect();
    try {
      const acks = await client.sendMany([message('M1'), 'not hl7 at all', message('M2')]);
      expect(acks[0]).toContain(`MSA|AA|${run}-M1`);
      expect(acks[1]).toMatch(/MSA\|AR\|/);
      expect(acks[2]).toContain(`MSA|AA|${run}-M2`);
      const oversize = await client.send(message('BIG') + 'x'.repeat(70_000));
      expect(oversize).toMatch(/MSA\|AR\|[\s\S]*exceeds the limit of 65536 bytes/);
      expect(await client.send(message('M3'))).toContain(`MSA|AA|${run}-M3`);
    } finally {
      await client.close();
    }
    await eventually(
      async () => (probe.matching(`${run}-M3`).length === 1 ? true : undefined),
      'the MLLP events',
    );
    expect(probe.matching(`${run}-M1`)).toHaveLength(1);
  });

  it('quarantines what it rejects, lists it for operators and replays it', async () => {
    const bad = adtMessage({
      controlId: `${run}-BAD`,
      sendingApplication: `GW${run}`,
      trigger: 'A31',
      structure: 'ADT_A05',
    });
    const nak = await post(bad);
    expect(nak.status).toBe(422);
    expect(await nak.text()).toMatch(
      new RegExp(`MSA\\|AR\\|${run}-BAD[\\s\\S]*ERR\\|[^\\r]*MSH\\^1\\^9\\^1\\^2`),
    );

    const list = (await (await ops('?status=rejected&limit=500')).json()) as {
      items: { id: string; controlId: string; reason: string }[];
    };
    const entry = list.items.find((item) => item.controlId === `${run}-BAD`);
    expect(entry?.reason).toMatch(/UNSUPPORTED_EVENT/);
    expect(JSON.stringify(list)).not.toContain('DOE'); // the listing carries no patient data

    const replay = await ops(`/${entry!.id}/replay`, 'POST');
    expect(replay.status).toBe(422);
    expect(await replay.json()).toMatchObject({ outcome: 'rejected' });
  });

  it('answers a NAK while Kafka is down before the sender gives up, keeps the message for replay, and publishes it once', async () => {
    // this gateway gives up on the hand-off well before its MLLP sender gives up on the gateway
    const fast = await startGateway({ HANDOFF_TIMEOUT_MS: '250' });
    delete process.env.HANDOFF_TIMEOUT_MS;
    const sender = new MllpClient({ port: fast.app.get(MllpListenerService).port!, timeoutMs: 3_000 });
    let kept: { id: string; reason: string } | undefined;
    try {
      await sender.connect();
      infra('infra/kafka.sh', 'stop');
      // rejects with "no MLLP response within 3000 ms" if the sender was left waiting
      const nak = await sender.send(message('DOWN'));
      expect(nak).toMatch(new RegExp(`MSA\\|AE\\|${run}-DOWN`));
      expect(nak).toMatch(/\rERR\|[^\r]*\|207\^/);

      const down = await post(message('DOWN'));
      expect(down.status).toBe(503);
      expect(await down.text()).toMatch(new RegExp(`MSA\\|AE\\|${run}-DOWN`));
      // the publishes still running after the NAKs end by marking the message failed
      kept = await eventually(async () => {
        const failed = (await (await ops('?status=failed&limit=500')).json()) as {
          items: { id: string; controlId: string; reason: string }[];
        };
        return failed.items.find((item) => item.controlId === `${run}-DOWN`);
      }, 'the message kept as failed');
      expect(kept.reason).toMatch(/publish failed/);
    } finally {
      await sender.close();
      await fast.app.close();
    }

    infra('infra/up.sh', 'kafka');
    // an operator replays it as soon as Kafka is back ...
    await eventually(async () => {
      const replay = await ops(`/${kept.id}/replay`, 'POST');
      return replay.status === 200 ? replay : undefined;
    }, 'a successful replay after Kafka came back');
    // ... and the sender's own resend is acknowledged without a second publish
    const resent = await post(message('DOWN'));
    expect(resent.status).toBe(200);
    expect(await resent.text()).toContain(`MSA|AA|${run}-DOWN`);
    expect((await post(message('AFTER'))).status).toBe(200);
    await eventually(
      async () => (probe.matching(`${run}-AFTER`).length === 1 ? true : undefined),
      'the next event',
      90_000,
    );
    expect(probe.matching(`${run}-DOWN`)).toHaveLength(1);
  });
});
