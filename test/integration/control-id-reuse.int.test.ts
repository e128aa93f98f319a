import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { Role } from '@ct/auth';
import { adtMessage } from '@ct/hl7/testing';
import { authHeaders } from '../support/auth';
import { startGateway, postHl7 } from '../support/gateway';
import { TopicProbe } from '../support/kafka-probe';
import { eventually } from '../support/processes';
import { testEnv, testTopic } from '../support/test-env';

/** Sender + MSH-10 says "the same message" only when the content agrees too. */
describe('duplicates by content, not only by header (real Kafka and Postgres)', () => {
  const run = Date.now().toString(36).toUpperCase();
  let gateway: INestApplication;
  let url: string;
  let probe: TopicProbe;
  const kafka = new Kafka({
    clientId: 'reuse-test',
    brokers: testEnv.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });

  const post = (body: string) => postHl7(url, body);
  const message = (controlId: string, visit: string, messageTime = '20261113141500') =>
    adtMessage({
      controlId: `${run}-${controlId}`,
      sendingApplication: `RU${run}`,
      messageTime,
      event: { recordedAt: '20261113141500' }, // EVN-2 is when the event was recorded: a resend keeps it
      visit: { visitNumber: { id: `${run}${visit}` }, location: { facility: 'RIVERSIDE' } },
    });
  const events = (visit: string) => probe.matching(`${run}${visit}`);

  beforeAll(async () => {
    ({ app: gateway, url } = await startGateway());
    probe = await TopicProbe.start(kafka, testTopic('adt.events.v1'));
  });
  afterAll(async () => {
    await probe?.stop();
    await gateway?.close();
  });

  it('acknowledges a resend rebuilt with a new MSH-7 without publishing it again', async () => {
    expect(await (await post(message('A', 'V1'))).text()).toContain('MSA|AA');
    expect(await (await post(message('A', 'V1', '20261113150000'))).text()).toContain('MSA|AA');
    expect((await post(message('B', 'V9'))).status).toBe(200);
    await eventually(async () => (events('V9').length === 1 ? true : undefined), 'a later event');
    expect(events('V1')).toHaveLength(1);
  });

  it('refuses with AR (ERR 205 at MSH-10) another message under a used control id, and ops can take it as its own', async () => {
    expect(await (await post(message('C', 'V2'))).text()).toContain('MSA|AA');
    const reused = await post(message('C', 'V3'));
    expect(reused.status).toBe(422);
    const nak = await reused.text();
    expect(nak).toContain(`MSA|AR|${run}-C`);
    expect(nak).toMatch(/ERR\|\|MSH\^1\^10\^1\|205\^Duplicate key identifier/);

    const listed = await fetch(`${url}/api/v1/ops/quarantine?limit=500`, {
      headers: await authHeaders(Role.Ops),
    });
    const { items } = (await listed.json()) as { items: { id: string; controlId: string; reason: string }[] };
    const kept = items.find((item) => item.controlId.startsWith(`${run}-C#`));
    expect(kept?.reason).toContain('CONTROL_ID_REUSED');

    const replayed = await fetch(`${url}/api/v1/ops/quarantine/${kept?.id}/replay`, {
      method: 'POST',
      headers: await authHeaders(Role.Ops),
    });
    expect(replayed.status).toBe(200);
    await eventually(async () => (events('V3').length === 1 ? true : undefined), 'the replayed message');
    const [v2] = events('V2').map((v) => JSON.parse(v) as { eventId: string });
    const [v3] = events('V3').map((v) => JSON.parse(v) as { eventId: string });
    expect(v3.eventId).not.toBe(v2.eventId);
  });

  it('ties the sender to the authenticated feed: the same message from another feed token is refused, not taken as a resend', async () => {
    const asFeed = async (subject: string, body: string) =>
      fetch(`${url}/api/v1/adt/hl7`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...(await authHeaders(Role.Feed, subject)) },
        body,
      });
    const sent = message('F', 'V5');
    expect(await (await asFeed('feed-riverside', sent)).text()).toContain('MSA|AA');
    expect(await (await asFeed('feed-riverside', sent)).text()).toContain('MSA|AA'); // its own resend

    const spoofed = await asFeed('feed-elsewhere', sent);
    expect(spoofed.status).toBe(422);
    expect(await spoofed.text()).toMatch(/MSA\|AR\|.*ERR\|\|MSH\^1\^10\^1\|205/s);

    expect((await post(message('G', 'V6'))).status).toBe(200);
    await eventually(async () => (events('V6').length === 1 ? true : undefined), 'a later event');
    expect(events('V5')).toHaveLength(1);
    const listed = await fetch(`${url}/api/v1/ops/quarantine?limit=500`, {
      headers: await authHeaders(Role.Ops),
    });
    type Item = { controlId: string; reason: string; authenticatedAs: string | null };
    const items = ((await listed.json()) as { items: Item[] }).items;
    expect(items.find((item) => item.controlId.startsWith(`${run}-F`))).toMatchObject({
      reason: expect.stringMatching(/^CONTROL_ID_REUSED/),
      authenticatedAs: 'token:feed-elsewhere',
    });
  });
});
