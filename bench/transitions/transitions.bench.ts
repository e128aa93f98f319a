// Transitions started per second and ADT-received → first-task-visible latency, all apps running.
// Usage: npm run build && npm run bench:transitions -- [rate per second] [seconds]
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Role } from '@ct/auth';
import { adtMessage } from '@ct/hl7/testing';
import { openBenchIssuer } from '../issuer';
import { atSteadyRate, percentile } from '../latency';
import { startApp, stopApps } from './apps';
import { runBareTemporal } from './bare-temporal';
import { BENCH_TOPIC_PREFIX, prepareDatabase, prepareTopics, terminateRun } from '../sandbox';

const rate = Number(process.argv[2] ?? 100);
const seconds = Number(process.argv[3] ?? 30);
const run = randomUUID().slice(0, 6).toUpperCase();
const facility = `BENCHT${run}`;
const env: Record<string, string> = {
  NODE_ENV: 'production',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  KAFKA_TOPIC_PREFIX: BENCH_TOPIC_PREFIX,
  TEMPORAL_TASK_QUEUE: `bench-${run}`,
  ORCHESTRATOR_GROUP_ID: `bench-${run}`,
  MLLP_PORT: '0',
};
const ports = { api: 3100, 'adt-gateway': 3101, orchestrator: 3102, worker: 3103 };
const auth = { feed: {}, coordinator: {} } as Record<'feed' | 'coordinator', { authorization?: string }>;

async function allTasks(): Promise<{ transitionId: string; createdAt: string }[]> {
  const items: { transitionId: string; createdAt: string }[] = [];
  for (let cursor: string | null = ''; cursor !== null;) {
    const url = `http://127.0.0.1:${ports.api}/api/v1/tasks?facility=${facility}&stepKey=tcm-contact&limit=500${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await (await fetch(url, { headers: auth.coordinator })).json()) as {
      items: { transitionId: string; createdAt: string }[];
      nextCursor: string | null;
    };
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  return items;
}

async function main(): Promise<void> {
  env.DATABASE_URL = await prepareDatabase();
  // tokens as production would see them: each request's token is verified by the app
  const { issuer, remove } = await openBenchIssuer();
  Object.assign(env, issuer.env);
  auth.feed = await issuer.headers([Role.Feed], 'bench-feed');
  auth.coordinator = await issuer.headers([Role.Coordinator], 'bench-coordinator');
  await prepareTopics(env.ORCHESTRATOR_GROUP_ID);
  const apps: ChildProcess[] = [];
  const sentAt = new Map<string, number>();
  let failed = 0;
  try {
    // started inside the try: if one fails to start, the ones already running are stopped
    for (const [app, port] of Object.entries(ports)) apps.push(await startApp(app, env, port));
    const total = rate * seconds;
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    await atSteadyRate(rate, total, (i) => {
      const visit = `V${i}`;
      const body = adtMessage({
        controlId: `${run}-${i}`,
        sendingFacility: facility,
        patient: { identifiers: [{ id: `MRN${run}${i}`, assigningAuthority: facility, typeCode: 'MR' }] },
        visit: {
          patientClass: 'I',
          visitNumber: { id: visit },
          location: { facility },
          dischargeDisposition: '01',
          // discharged now: no clock has run out yet, so this measures the start, not escalations
          dischargeAt: hl7Now(),
        },
        messageTime: hl7Now(),
      });
      sentAt.set(`transition:${facility}:${visit}`, Date.now());
      inFlight.push(
        fetch(`http://127.0.0.1:${ports['adt-gateway']}/api/v1/adt/hl7`, {
          method: 'POST',
          headers: auth.feed,
          body,
        }).then(
          (r) => void (r.ok || failed++),
          () => void failed++,
        ),
      );
    });
    await Promise.all(inFlight);
    const sendSeconds = (Date.now() - started) / 1000;
    let tasks = await allTasks();
    const deadline = Date.now() + 120_000;
    while (tasks.length < total - failed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      tasks = await allTasks();
    }
    const latencies = tasks
      .map((t) => new Date(t.createdAt).getTime() - (sentAt.get(t.transitionId) ?? NaN))
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const created = tasks.map((t) => new Date(t.createdAt).getTime()).sort((a, b) => a - b);
    const span = (created.at(-1)! - created[0]) / 1000;
    console.log(
      JSON.stringify({
        label: 'care-transitions: HL7 over HTTP -> first task in Postgres (all apps)',
        offeredRatePerSecond: rate,
        seconds,
        sent: total,
        gatewayFailures: failed,
        sendSeconds: Number(sendSeconds.toFixed(1)),
        firstTasks: tasks.length,
        transitionsPerSecond: Number((tasks.length / Math.max(span, sendSeconds)).toFixed(1)),
        latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) },
      }),
    );
  } finally {
    await stopApps(apps);
    remove();
    console.error(await terminateRun(env.TEMPORAL_TASK_QUEUE));
  }
  // the same offered load on bare Temporal, with our apps stopped: the ceiling the servers allow
  const bareQueue = `bench-bare-${run}`;
  const bare = await runBareTemporal(bareQueue, rate, seconds);
  console.log(JSON.stringify({ ...bare, offeredRatePerSecond: rate, seconds }));
  console.error(await terminateRun(bareQueue));
}

function hl7Now(): string {
  return new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14) + '+0000';
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
