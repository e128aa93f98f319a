// Latency of the coordinators' worklist (GET /api/v1/tasks, POST /api/v1/tasks/search) for a
// caller scoped to 2 of 20 facilities, over 100,000 open steps (and 50,000 done).
// Usage: npm run bench:worklist -- [--reseed] [--explain] [--steps=N] [--requests=N]
// BENCH_SMOKE=1: 2,000 steps, 10 requests per call (its own database).
import type { ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import { Client } from 'pg';
import { Role, type Principal } from '@ct/auth';
import { GetWorklistHandler } from '../../apps/api/src/tasks/get-worklist/get-worklist.handler';
import {
  GetWorklistQuery,
  worklistFilterSchema,
} from '../../apps/api/src/tasks/get-worklist/get-worklist.query';
import { capturedSql, measureTogether, missedGoals, printTable, type Call, type Result } from '../calls';
import { benchArgs, freePort } from '../cli';
import { openBenchIssuer } from '../issuer';
import { ensureBenchDatabase } from '../sandbox';
import { startApp, stopApps } from '../transitions/apps';
import { FACILITIES, seedWorklist } from './seed';

const smoke = process.env.BENCH_SMOKE === '1';
const { flag, option } = benchArgs(
  'npm run bench:worklist -- [--reseed] [--explain] [--steps=N] [--requests=N] [--warmup=N]',
  /^--(reseed|explain|(steps|requests|warmup)=\d+)$/,
);
const config = {
  steps: option('steps', smoke ? 2_000 : 100_000),
  requests: option('requests', smoke ? 10 : 200),
  warmup: option('warmup', smoke ? 2 : 20),
  database: smoke ? 'care_transitions_bench_worklist_smoke' : 'care_transitions_bench_worklist',
};
/** p99 goal of issue 12 for a scoped caller, in ms. */
const GOAL_MS = 100;
const SCOPE = FACILITIES.slice(0, 2);

const measure = async (...call: Call) => (await measureTogether([call], config))[0];

/** The SQL the handler sends for a worklist query. */
function handlerSql(query: string, actor: Principal) {
  const filter = worklistFilterSchema.parse(Object.fromEntries(new URLSearchParams(query)));
  const roles = { holders: {}, supervisors: ['care-team-supervisor'] };
  return capturedSql(
    (db) => new GetWorklistHandler(db, roles).execute(new GetWorklistQuery(filter, actor)),
    (sql) => (sql.includes('count(*)') ? [{ all: 0, mine: 0, pool: 0, total: 0, breached: 0 }] : []),
  );
}

async function main(): Promise<void> {
  const load = os.loadavg();
  console.log(
    `bench:worklist: ${config.requests} sequential requests per call after ${config.warmup} warm-up, ` +
      `database ${config.database}, load average ${load.map((l) => l.toFixed(2)).join(' ')}, ${os.cpus().length} cores`,
  );
  const url = await ensureBenchDatabase(config.database);
  const seeded = await seedWorklist(url, config.steps, flag('reseed'));
  console.log(
    `seed: ${config.steps.toLocaleString('en-US')} open steps and ${(config.steps / 2).toLocaleString('en-US')} done over ` +
      `${FACILITIES.length} facilities, ${seeded.reused ? 'reused' : 'made'} (${seeded.seconds.toFixed(1)} s to make); caller scoped to ${SCOPE.join(', ')}`,
  );
  const db = new Client({ connectionString: url });
  await db.connect();
  const { issuer, remove } = await openBenchIssuer();
  const apps: ChildProcess[] = [];
  try {
    const port = await freePort();
    const env = {
      ...issuer.env,
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      DATABASE_URL: url,
    };
    apps.push(await startApp('api', env, port, 'bench-worklist'));
    const base = `http://127.0.0.1:${port}/api/v1/tasks`;
    const nurseSubject = `user-${SCOPE[0]}-7`;
    const nurse: Principal = {
      subject: nurseSubject,
      roles: [Role.Coordinator, 'transitional-care-nurse'],
      facilities: SCOPE,
      teams: [],
    };
    const auth = async (p: Principal) => ({
      authorization: `Bearer ${await issuer.token({ subject: p.subject, roles: p.roles, facilities: p.facilities })}`,
      'content-type': 'application/json',
    });
    const nurseHeaders = await auth(nurse);
    const supervisor = await auth({
      ...nurse,
      subject: 'super-1',
      roles: [Role.Coordinator, 'care-team-supervisor'],
    });
    const get =
      (query: string, headers = nurseHeaders) =>
      async () => {
        const response = await fetch(`${base}?${query}`, { headers });
        const body = await response.text();
        if (response.status !== 200)
          throw new Error(`GET ?${query}: ${response.status} ${body.slice(0, 300)}`);
        return JSON.parse(body) as { items: unknown[]; total: number; nextCursor: string | null };
      };
    const search = (body: object) => async () => {
      const response = await fetch(`${base}/search`, {
        method: 'POST',
        headers: nurseHeaders,
        body: JSON.stringify(body),
      });
      if (response.status !== 200)
        throw new Error(`POST /search: ${response.status} ${await response.text()}`);
      return response.json();
    };
    // a cursor ten pages into the nurse's active tasks by risk
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const page = await get(
        `view=all&status=active&sort=risk&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      )();
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const pool = await get('view=pool')();
    console.log(
      `shape: the nurse's pool holds ${pool.total.toLocaleString('en-US')} tasks; all active ${(await get('status=active')()).total.toLocaleString('en-US')}`,
    );
    if (flag('explain')) {
      for (const query of ['view=pool', 'view=all&status=active&sort=risk']) {
        for (const { sql, params } of await handlerSql(query, nurse)) {
          const { rows } = await db.query<{ 'QUERY PLAN': string }>(
            `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
            params,
          );
          console.log(`\n--- EXPLAIN ANALYZE: ${query}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
        }
      }
    }
    const calls: [string, () => Promise<unknown>][] = [
      ['pool (my roles, due first)', get('view=pool')],
      ['mine', get('view=mine')],
      ['all active, by breach risk', get('view=all&status=active&sort=risk')],
      ['all active, by priority', get('view=all&status=active&sort=priority')],
      ['breached only', get('status=active&breached=true')],
      [
        'due within 24 h, one facility',
        get(
          `status=active&facility=${SCOPE[0]}&dueBefore=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`,
        ),
      ],
      ['cursor, page 11 by risk', get(`view=all&status=active&sort=risk&limit=50&cursor=${cursor}`)],
      ['supervisor pool (every role)', get('view=pool', supervisor)],
      ['search by MRN (POST)', search({ mrn: 'MRN700' })],
    ];
    const results: Result[] = [];
    for (const [label, call] of calls) results.push(await measure(label, call, GOAL_MS));
    // peers in the same run, on one pg connection of the same server
    results.push(await measure('peer: SELECT 1 through pg', () => db.query('SELECT 1')));
    const [list, counts] = await handlerSql('view=pool', nurse);
    results.push(
      await measure("peer: the pool's page SQL through pg", () => db.query(list.sql, list.params)),
    );
    results.push(
      await measure("peer: the pool's counts SQL through pg", () => db.query(counts.sql, counts.params)),
    );

    printTable(results);
    const missed = missedGoals(results);
    console.log(
      `\ngoal: p99 < ${GOAL_MS} ms for a scoped caller: ${missed.length ? `missed by ${missed.map((r) => r.label).join(', ')}` : 'all met'}; load average now ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await stopApps(apps);
    remove();
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
