// bench:mllp — ACKed messages/s and ACK latency through the real gateway (MLLP → Postgres archive →
// Kafka acks=all → ACK), at 1, 8 and 32 connections, then at a fixed 500 msgs/s. The peer row is a
// bare MLLP echo server on the same library: the cost of framing alone, for comparison.
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { buildAck, parseHl7, readHeader } from '@ct/hl7';
import { adtMessage } from '@ct/hl7/testing';
import { MllpClient, MllpServer } from '@ct/mllp';
import { AdtGatewayModule } from '../../apps/adt-gateway/src/adt-gateway.module';
import { MllpListenerService } from '../../apps/adt-gateway/src/mllp/mllp-listener.service';
import { openBenchIssuer } from '../issuer';
import { atSteadyRate, printTable, summarize, type RunResult } from '../latency';
import { BENCH_TOPIC_PREFIX, prepareDatabase, prepareTopics } from '../sandbox';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const stamp = Date.now().toString(36).toUpperCase();
let sequence = 0;

function nextMessage(): string {
  sequence += 1;
  const visit = `BENCH-${stamp}-${sequence}`;
  return adtMessage({
    // an admission of an unknown patient: real ingest work, but no care transition to start
    trigger: 'A01',
    controlId: visit,
    sendingApplication: 'BENCH',
    patient: { identifiers: [{ id: `MRN${sequence % 5000}`, assigningAuthority: 'BENCH', typeCode: 'MR' }] },
    visit: { visitNumber: { id: visit }, dischargeAt: undefined, dischargeDisposition: undefined },
  });
}

async function connectClients(port: number, connections: number): Promise<MllpClient[]> {
  return Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new MllpClient({ port, timeoutMs: 30_000 });
      await client.connect();
      return client;
    }),
  );
}

/** Each connection sends one message, waits for its ACK, sends the next: how engines behave. */
async function closedLoop(label: string, port: number, connections: number): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  const clients = await connectClients(port, connections);
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < end) {
        const sent = performance.now();
        const ack = await client.send(nextMessage());
        latencies.push(performance.now() - sent);
        if (!ack.includes('MSA|AA|') && !ack.includes('MSA|CA|')) errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  await Promise.all(clients.map((c) => c.close()));
  return summarize(label, connections, latencies, elapsed, errors);
}

/** A steady arrival rate spread over connections: latency at a load the system should carry. */
async function openLoop(
  label: string,
  port: number,
  connections: number,
  perSecond: number,
): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  const clients = await connectClients(port, connections);
  const start = performance.now();
  const queues = clients.map(() => Promise.resolve());
  await atSteadyRate(perSecond, perSecond * seconds, (i, due) => {
    const index = i % clients.length;
    queues[index] = queues[index].then(async () => {
      const ack = await clients[index].send(nextMessage());
      latencies.push(performance.now() - due); // from when it was due: queueing counts
      if (!ack.includes('MSA|AA|')) errors += 1;
    });
  });
  await Promise.all(queues);
  const elapsed = (performance.now() - start) / 1000;
  await Promise.all(clients.map((c) => c.close()));
  return summarize(label, connections, latencies, elapsed, errors);
}

async function bench(authEnv: Record<string, string>): Promise<void> {
  // the bench's own database and bench.* topics: nothing reaches apps running on the same servers
  const database = await prepareDatabase();
  await prepareTopics();
  Object.assign(process.env, {
    LOG_LEVEL: 'error',
    PORT: '0',
    MLLP_PORT: '0',
    DATABASE_URL: database,
    KAFKA_TOPIC_PREFIX: BENCH_TOPIC_PREFIX,
    ...authEnv,
  });
  // abortOnError: false, so a failed boot (a bad setting) reaches main's catch instead of a silent exit
  const app = await NestFactory.create(AdtGatewayModule, { logger: false, abortOnError: false });
  await app.listen(0, '127.0.0.1');
  const port = app.get(MllpListenerService).port!;

  const echo = new MllpServer({
    port: 0,
    handler: async (message) => buildAck(readHeader(parseHl7(message)), { code: 'AA' }),
    onOversize: () => '',
    onHandlerError: () => '',
  });
  const echoPort = (await echo.listen()).port;

  const results: RunResult[] = [];
  for (const connections of [1, 8, 32])
    results.push(await closedLoop('peer: MLLP echo (parse + ACK only)', echoPort, connections));
  await closedLoop('warm-up', port, 8);
  for (const connections of [1, 8, 32])
    results.push(await closedLoop('gateway (archive + Kafka acks=all)', port, connections));
  results.push(await openLoop('gateway at a steady 500 msgs/s', port, 8, 500));
  printTable(results);
  await echo.close(1000);
  await app.close();
}

async function main(): Promise<void> {
  // MLLP carries no token, but the gateway checks its AUTH_* settings (for HTTP) at boot
  const { issuer, remove } = await openBenchIssuer();
  try {
    await bench(issuer.env);
  } finally {
    remove();
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
