import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ADT_EVENTS_TOPIC, REFERRAL_EVENTS_TOPIC } from '@ct/contracts';
import { adtMessage } from '@ct/hl7/testing';
import { groupLag, startGroupAtEnd } from '@ct/kafka';
import { MllpClient } from '@ct/mllp';
import { createDataSource } from '@ct/persistence';
import { testIssuer } from '../support/auth';
import { eventually, exited, outputOf, spawnApp } from '../support/processes';
import { taskQueueBacklog } from '../support/temporal-backlog';
import { testEnv, testTopic } from '../support/test-env';
import { frameOf, fuzzCorpus } from './fuzz-corpus';
import { freePort } from '../support/free-port';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000);
const CONNECTIONS = 4;
/** How soon after the backlog drained clean discharges must have their tasks. */
const CLEAN_WITHIN_MS = Number(process.env.FUZZ_CLEAN_WITHIN_MS ?? 30_000);

/**
 * Seeded, reproducible mutated HL7 frames over MLLP into the real apps (each its own process):
 * every frame gets one answer, no process dies, clean messages still reach their tasks, every
 * dead letter has its reason, and no MRN or name of the corpus shows in any log line.
 * FUZZ_SEED and FUZZ_FRAMES reproduce or widen a run.
 */
describe(`fuzz: ${FRAMES} mutated frames (seed ${SEED}) through the real apps`, () => {
  const runId = randomUUID().slice(0, 8);
  const facility = `FZ${runId}`.toUpperCase();
  const apps: Record<string, ChildProcess> = {};
  let env: Record<string, string>;
  let mllpPort: number;
  let db: DataSource;
  let temporal: Client;
  let connection: Connection;
  let kafka: Kafka;
  const startedAt = new Date();

  beforeAll(async () => {
    const [gatewayPort, orchestratorPort, workerPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    mllpPort = await freePort();
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: testEnv.databaseUrl,
      KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: testEnv.topicPrefix,
      TEMPORAL_ADDRESS: testEnv.temporalAddress,
      TEMPORAL_NAMESPACE: testEnv.temporalNamespace,
      TEMPORAL_TASK_QUEUE: `care-transitions-fuzz-${runId}`,
      ORCHESTRATOR_GROUP_ID: `orchestrator-fuzz-${runId}`,
      SHUTDOWN_GRACE_MS: '5000',
      ...(await testIssuer()).env,
    };
    kafka = new Kafka({
      clientId: `fuzz-${runId}`,
      brokers: testEnv.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    for (const topic of [ADT_EVENTS_TOPIC, REFERRAL_EVENTS_TOPIC])
      await startGroupAtEnd(kafka, env.ORCHESTRATOR_GROUP_ID, testTopic(topic));
    apps.gateway = spawnApp('adt-gateway', {
      ...env,
      PORT: String(gatewayPort),
      MLLP_PORT: String(mllpPort),
    });
    apps.orchestrator = spawnApp('orchestrator', { ...env, PORT: String(orchestratorPort) });
    apps.worker = spawnApp('worker', { ...env, PORT: String(workerPort) });
    for (const [name, port] of [
      ['adt-gateway', gatewayPort],
      ['orchestrator', orchestratorPort],
      ['worker', workerPort],
    ] as const) {
      await eventually(async () => {
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        return response.ok ? true : undefined;
      }, `${name} ready`).catch((error: Error) => {
        const output = Object.entries(apps).map(([app, child]) => `${app}:\n${outputOf(child).slice(-2000)}`);
        throw new Error(`${error.message}\n${output.join('\n')}`);
      });
    }
    db = createDataSource(testEnv.databaseUrl, 'fuzz-test');
    await db.initialize();
    connection = await Connection.connect({ address: testEnv.temporalAddress });
    temporal = new Client({ connection, namespace: testEnv.temporalNamespace });
    // every test below looks at what the corpus did: it is sent here, once, whichever test runs
    sendFailure = await sendCorpus().then(
      () => undefined,
      (error: Error) => error,
    );
  }, 420_000);

  afterAll(async () => {
    for (const child of Object.values(apps)) child.kill('SIGTERM');
    for (const child of Object.values(apps)) await exited(child);
    const query = `TaskQueue = '${env.TEMPORAL_TASK_QUEUE}' AND ExecutionStatus = 'Running'`;
    for await (const run of temporal.workflow.list({ query }))
      await temporal.workflow
        .getHandle(run.workflowId, run.runId)
        .terminate('fuzz run finished')
        .catch(() => undefined);
    await connection?.close();
    await db?.destroy();
  });

  const corpus = fuzzCorpus(SEED, FRAMES, facility);
  const answers = new Map<string, number>();
  let sendFailure: Error | undefined;

  /** The corpus over CONNECTIONS MLLP connections, counting the answers by MSA-1. */
  async function sendCorpus(): Promise<void> {
    const lanes = Array.from({ length: CONNECTIONS }, async (_, lane) => {
      const client = new MllpClient({ port: mllpPort, timeoutMs: 15_000 });
      await client.connect();
      for (let i = lane; i < corpus.frames.length; i += CONNECTIONS) {
        await client.sendRaw(frameOf(corpus.frames[i].payload));
        const ack = await client.nextFrame();
        const code = /MSA\|([A-Z]{2})/.exec(ack)?.[1] ?? 'none';
        answers.set(code, (answers.get(code) ?? 0) + 1);
      }
      await client.close();
    });
    await Promise.all(lanes).catch((error: Error) => {
      const exits = Object.entries(apps).filter(([, child]) => child.exitCode !== null || child.signalCode);
      const output = exits.map(
        ([app, child]) =>
          `${app} exited ${child.exitCode ?? child.signalCode}:\n${outputOf(child).slice(-4000)}`,
      );
      throw new Error(`${error.message}\n${output.join('\n')}`);
    });
  }

  it('answers every frame exactly once, and no app dies', () => {
    if (sendFailure) throw sendFailure;
    console.log(
      `fuzz seed ${SEED}: ${FRAMES} frames, answers ${JSON.stringify(Object.fromEntries(answers))}`,
    );
    expect([...answers.values()].reduce((a, b) => a + b, 0)).toBe(FRAMES);
    expect(answers.get('none')).toBeUndefined();
    for (const [name, child] of Object.entries(apps)) {
      if (child.exitCode !== null)
        throw new Error(`${name} exited ${child.exitCode}:\n${outputOf(child).slice(-4000)}`);
    }
  });

  it('drains the accepted fuzz events, then takes clean discharges to their tasks within 30 s', async () => {
    const drainFrom = Date.now();
    const topic = testTopic(ADT_EVENTS_TOPIC);
    const drained = async () =>
      (await groupLag(kafka, env.ORCHESTRATOR_GROUP_ID, topic)) === 0 &&
      (await taskQueueBacklog(connection, testEnv.temporalNamespace, env.TEMPORAL_TASK_QUEUE)) === 0;
    await eventually(
      async () => ((await drained()) ? true : undefined),
      'the accepted fuzz events to drain',
      600_000,
    );
    const drainMs = Date.now() - drainFrom;
    console.log(
      `fuzz: orchestrator and worker drained the accepted fuzz events ${drainMs} ms after the last answer`,
    );
    const client = new MllpClient({ port: mllpPort, timeoutMs: 15_000 });
    await client.connect();
    const visits = Array.from({ length: 20 }, (_, n) => `CLEAN${n}`);
    for (const [n, visit] of visits.entries()) {
      const ack = await client.send(
        adtMessage({
          controlId: `FZCLEAN-${runId}-${n}`,
          sendingFacility: facility,
          patient: { identifiers: [{ id: `CLEANMRN${n}`, assigningAuthority: facility, typeCode: 'MR' }] },
          visit: { visitNumber: { id: visit }, location: { facility }, dischargeDisposition: '01' },
        }),
      );
      expect(ack).toContain('MSA|AA');
    }
    await client.close();
    const sentAt = Date.now();
    const ids = visits.map((v) => `transition:${facility}:${v}`);
    await eventually(
      async () => {
        const [{ count }]: { count: number }[] = await db.query(
          `SELECT count(DISTINCT transition_id)::int AS count FROM tasks WHERE transition_id = ANY($1)`,
          [ids],
        );
        return count === ids.length ? true : undefined;
      },
      'the clean discharges’ tasks',
      CLEAN_WITHIN_MS,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\norchestrator:\n${outputOf(apps.orchestrator).slice(-3000)}`);
    });
    console.log(`fuzz: 20 clean discharges had their tasks ${Date.now() - sentAt} ms after their ACKs`);
  }, 700_000);

  it('explains every dead letter and quarantined message, and logs no MRN or name of the corpus', async () => {
    const letters: { code: string; count: number; unexplained: number }[] = await db.query(
      `SELECT code, count(*)::int AS count, count(*) FILTER (WHERE reason = '')::int AS unexplained
       FROM dead_letters WHERE created_at >= $1 AND topic LIKE 'test.%' GROUP BY code`,
      [startedAt],
    );
    const quarantined: { status: string; count: number; unexplained: number }[] = await db.query(
      `SELECT status, count(*)::int AS count, count(*) FILTER (WHERE reason IS NULL)::int AS unexplained
       FROM inbound_messages WHERE received_at >= $1 AND status IN ('rejected', 'failed') GROUP BY status`,
      [startedAt],
    );
    console.log(`fuzz: dead letters ${JSON.stringify(letters)}; quarantined ${JSON.stringify(quarantined)}`);
    // no dead letter at all is the usual figure (docs/reliability.md); any there is must say why
    expect(letters.filter((l) => l.unexplained > 0)).toEqual([]);
    expect(quarantined.map((q) => q.status).sort()).toEqual(expect.arrayContaining(['rejected']));
    expect(quarantined.filter((q) => q.unexplained > 0)).toEqual([]);

    const logs = Object.values(apps).map(outputOf).join('\n');
    expect(logs).toContain('event published'); // the apps' log lines were captured
    const leaked = corpus.phi.filter((value) => logs.includes(value));
    expect(leaked).toEqual([]);
  });
});
