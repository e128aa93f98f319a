import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { LocalIssuer } from '@ct/auth/testing';
import { ORCHESTRATOR_GROUP, caughtUp, consumerLag, isDoubled, isLost, landed } from './checks';
import { DischargeLoad, type Discharge } from './load';
import { APPS, Apps, SERVERS, crashServer, type AppName } from './parts';
import { faultTable, type PartRow } from './table';
import { freePort } from '../support/free-port';

// Run by `npm run test:faults` (test/faults/faults.sh), which starts servers of its own for it.
const RATE = Number(process.env.FAULT_RATE ?? 10);
const PARTS = (process.env.FAULT_PARTS ?? 'gateway orchestrator worker kafka temporal postgres')
  .split(/[\s,]+/)
  .filter(Boolean);
const PHASE_S = Number(process.env.FAULT_PHASE_SECONDS ?? 30);
const KILL_AFTER_S = Number(process.env.FAULT_KILL_AFTER_SECONDS ?? 10);
const DOWN_S = Number(process.env.FAULT_DOWN_SECONDS ?? 3);
const RESEND_S = Number(process.env.FAULT_RESEND_SECONDS ?? 60);
const DRAIN_S = Number(process.env.FAULT_DRAIN_SECONDS ?? 180);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (line: string) => process.stdout.write(`faults: ${line}\n`);
const appOf = (part: string): AppName | undefined =>
  part === 'gateway' ? 'adt-gateway' : APPS.find((a) => a === part);

/** The shared servers are never the ones killed: refuse to run without servers of our own. */
function isolatedServers(): { databaseUrl: string; brokers: string[]; temporal: string } {
  const { CT_STATE_DIR, CT_CACHE_DIR, DATABASE_URL, KAFKA_BROKERS, TEMPORAL_ADDRESS } = process.env;
  const shared = [':5432/', ':9092', ':7233'];
  const urls = [DATABASE_URL ?? '', KAFKA_BROKERS ?? '', TEMPORAL_ADDRESS ?? ''];
  if (!CT_STATE_DIR || CT_STATE_DIR === `${CT_CACHE_DIR}/state` || urls.some((u) => !u))
    throw new Error('run the fault suite with `npm run test:faults`: it starts servers of its own');
  if (urls.some((u) => shared.some((port) => `${u}/`.includes(port))))
    throw new Error(`refusing the shared servers' ports: ${urls.join(' ')}`);
  return { databaseUrl: DATABASE_URL!, brokers: KAFKA_BROKERS!.split(','), temporal: TEMPORAL_ADDRESS! };
}

describe(`faults: ${RATE} discharges/s while ${PARTS.join(', ')} are killed in turn`, () => {
  const servers = isolatedServers();
  const facility = `FLT${Date.now().toString(36).toUpperCase()}`;
  const logDir = path.join(process.env.CT_LOG_DIR ?? tmpdir(), 'apps');
  const issuerDir = mkdtempSync(path.join(tmpdir(), 'ct-faults-issuer-'));
  let apps: Apps;
  let mllpPort: number;

  beforeAll(async () => {
    for (const part of PARTS)
      if (!appOf(part) && !SERVERS.some((s) => s === part)) throw new Error(`unknown part ${part}`);
    mkdirSync(logDir, { recursive: true });
    const ports = {} as Record<AppName, number>;
    for (const app of APPS) ports[app] = await freePort();
    mllpPort = await freePort();
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'info',
      DATABASE_URL: servers.databaseUrl,
      KAFKA_BROKERS: servers.brokers.join(','),
      TEMPORAL_ADDRESS: servers.temporal,
      ORCHESTRATOR_GROUP_ID: ORCHESTRATOR_GROUP,
      MLLP_PORT: String(mllpPort),
      SHUTDOWN_GRACE_MS: '5000',
      ...(await LocalIssuer.open(issuerDir)).env,
    };
    apps = new Apps(env, ports, logDir);
    for (const app of ['worker', 'orchestrator', 'adt-gateway', 'api'] as const) await apps.start(app);
    say(`apps ready (logs in ${logDir})`);
  }, 300_000);

  afterAll(async () => {
    await apps?.stop();
    rmSync(issuerDir, { recursive: true, force: true });
  });

  const budgetMs = (PARTS.length * (PHASE_S + DRAIN_S + 120) + RESEND_S + DRAIN_S + 60) * 1000;
  it(
    'loses and doubles no ACKed discharge',
    async () => {
      const load = new DischargeLoad(mllpPort, facility);
      const back = new Map<string, number>();
      const caught = new Map<string, number>();
      load.phase = PARTS[0];
      load.start(RATE);
      for (const part of PARTS) {
        load.phase = part;
        const phaseEnd = Date.now() + PHASE_S * 1000;
        await sleep(KILL_AFTER_S * 1000);
        const killedAt = Date.now();
        const app = appOf(part);
        if (app) await apps.crash(app, DOWN_S * 1000);
        else await crashServer(part as (typeof SERVERS)[number], DOWN_S * 1000);
        back.set(part, Date.now() - killedAt);
        // the load goes on; the next part is killed only once this one's backlog is gone
        const sentSoFar = load.discharges.slice();
        const drained = await caughtUp(sentSoFar, servers.databaseUrl, DRAIN_S * 1000);
        if (drained) caught.set(part, Date.now() - killedAt);
        const [b, c] = [back.get(part)!, caught.get(part)].map((ms) =>
          ms === undefined ? '-' : (ms / 1000).toFixed(1),
        );
        say(
          `${part}: SIGKILL; ready again after ${b} s, every discharge sent until then has its AA and task after ${c} s`,
        );
        await sleep(Math.max(phaseEnd - Date.now(), 5000));
      }
      const loadEnd = Date.now();
      await load.finish(RESEND_S * 1000);
      const acked = load.discharges.filter((d) => d.ackedAt);
      say(`load stopped: ${load.discharges.length} sent, ${acked.length} ACKed; waiting for them to drain`);

      const kafka = new Kafka({ clientId: 'faults', brokers: servers.brokers, logLevel: logLevel.NOTHING });
      const db = new PgClient({ connectionString: servers.databaseUrl });
      await db.connect();
      const ids = acked.map((d) => d.transitionId);
      let seen = await landed(db, ids);
      let lag = -1;
      const deadline = Date.now() + DRAIN_S * 1000;
      while (Date.now() < deadline) {
        seen = await landed(db, ids);
        lag = await consumerLag(kafka, ORCHESTRATOR_GROUP).catch(() => -1);
        if (lag === 0 && !ids.some((id) => isLost(seen.get(id)))) break;
        await sleep(1000);
      }
      const drainedS = (Date.now() - loadEnd) / 1000;
      const [{ unsent }] = (
        await db.query<{ unsent: number }>(
          `SELECT count(*)::int AS unsent FROM outbox WHERE sent_at IS NULL AND dead_lettered_at IS NULL`,
        )
      ).rows;
      const letters = (await db.query(`SELECT stage, code, reason FROM dead_letters`)).rows;
      await db.end();

      const rows: PartRow[] = PARTS.map((part) => {
        const mine = load.discharges.filter((d: Discharge) => d.phase === part);
        const ok = mine.filter((d) => d.ackedAt);
        const toTask = ok.map((d) => (seen.get(d.transitionId)?.task_at?.getTime() ?? NaN) - d.ackedAt!);
        return {
          part,
          backS: back.get(part)! / 1000,
          caughtUpS: (caught.get(part) ?? NaN) / 1000,
          sent: mine.length,
          acked: ok.length,
          lost: ok.filter((d) => isLost(seen.get(d.transitionId))).length,
          doubled: ok.filter((d) => isDoubled(seen.get(d.transitionId))).length,
          frames: load.frames.get(part) ?? { aa: 0, ae: 0, ar: 0, refused: 0, unanswered: 0 },
          maxToTaskS: Math.max(...toTask.filter(Number.isFinite), 0) / 1000,
        };
      });
      process.stdout.write(`\n${faultTable(rows)}\n`);
      say(`${RATE}/s, ${PHASE_S} s per part (kill at ${KILL_AFTER_S} s, down ${DOWN_S} s)`);
      say(`drained ${drainedS.toFixed(1)} s after the load stopped (consumer lag ${lag})`);
      say(`apps that exited by themselves: ${JSON.stringify(Object.fromEntries(apps.selfExits))}`);
      say(`outbox records unsent: ${unsent}; dead letters: ${JSON.stringify(letters)}`);
      const bad = acked.filter(
        (d) => isLost(seen.get(d.transitionId)) || isDoubled(seen.get(d.transitionId)),
      );
      for (const d of bad.slice(0, 20))
        say(`${d.phase}: ${d.controlId} ${JSON.stringify(seen.get(d.transitionId))}`);

      expect(rows.map((r) => [r.part, r.lost, r.doubled])).toEqual(rows.map((r) => [r.part, 0, 0]));
      expect(acked.length).toBeGreaterThan(0);
    },
    budgetMs,
  );
});
