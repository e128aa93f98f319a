// Latency of the ops console's API calls (GET /api/v1/ops/*) over a seeded database of
// 100,000 open steps and 1,000,000 timeline entries, against the database alone.
// Usage: npm run bench:console -- [--reseed] [--explain] [--steps=N] [--timeline=N] [--requests=N]
// BENCH_SMOKE=1: 2,000 steps, 20,000 timeline entries, 10 requests per call (its own database).
import type { ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import { Client } from 'pg';
import type { ApiEnv } from '@ct/config';
import { Role } from '@ct/auth';
import { GetBreachRiskHandler } from '../../apps/api/src/ops/breach-risk/breach-risk.handler';
import { GetBreachRiskQuery } from '../../apps/api/src/ops/breach-risk/breach-risk.query';
import { encodeCursor, filtersFingerprint } from '../../apps/api/src/ops/list-transitions/cursor';
import { GetStuckTransitionsHandler } from '../../apps/api/src/ops/stuck-transitions/stuck-transitions.handler';
import { GetStuckTransitionsQuery } from '../../apps/api/src/ops/stuck-transitions/stuck-transitions.query';
import { GetSummaryHandler } from '../../apps/api/src/ops/summary/summary.handler';
import { GetSummaryQuery } from '../../apps/api/src/ops/summary/summary.query';
import { capturedSql, measureTogether, missedGoals, printTable, type Call, type Result } from '../calls';
import { benchArgs, freePort } from '../cli';
import { openBenchIssuer } from '../issuer';
import { ensureBenchDatabase } from '../sandbox';
import { startApp, stopApps } from '../transitions/apps';
import { seed, type SeedInfo } from './seed';

const smoke = process.env.BENCH_SMOKE === '1';
const { flag, option } = benchArgs(
  'npm run bench:console -- [--reseed] [--explain] [--steps=N] [--timeline=N] [--requests=N] [--warmup=N]',
  /^--(reseed|explain|(steps|timeline|requests|warmup)=\d+)$/,
);
const config = {
  steps: option('steps', smoke ? 2_000 : 100_000),
  timeline: option('timeline', smoke ? 20_000 : 1_000_000),
  requests: option('requests', smoke ? 10 : 200),
  warmup: option('warmup', smoke ? 2 : 20),
  // smoke's tiny seed lives apart, so a smoke run never throws the full one away
  database: smoke ? 'care_transitions_bench_console_smoke' : 'care_transitions_bench_console',
};

/** p99 goals of issue 11 on this machine, in ms. */
const API_GOAL_MS = 200;
const SCRAPE_GOAL_MS = 50;
const OPS = '/api/v1/ops';

const measure = async (...call: Call) => (await measureTogether([call], config))[0];

// the api's default zone (FACILITY_TIME_ZONE): the bench starts the api without one
const apiEnv = { FACILITY_TIME_ZONE: 'America/New_York' } as ApiEnv;
const handlerSql = {
  summary: () =>
    capturedSql((db) => new GetSummaryHandler(db, apiEnv).execute(new GetSummaryQuery({}, undefined))),
  'breach-risk': () =>
    capturedSql((db) =>
      new GetBreachRiskHandler(db, apiEnv).execute(new GetBreachRiskQuery({ limit: 50 }, undefined)),
    ),
  'breach-risk?facility': () =>
    capturedSql((db) =>
      new GetBreachRiskHandler(db, apiEnv).execute(
        new GetBreachRiskQuery({ facility: 'RIVERSIDE', limit: 50 }, ['RIVERSIDE']),
      ),
    ),
  'stuck-transitions': () =>
    capturedSql((db) =>
      new GetStuckTransitionsHandler(db).execute(
        new GetStuckTransitionsQuery({ hours: 24, limit: 100 }, undefined),
      ),
    ),
};

/** A cursor as the API issues it, for the page that starts `offset` rows down the unfiltered list. */
async function deepCursor(db: Client, offset: number): Promise<string> {
  const { rows } = await db.query<{ id: string; at: string }>(
    `SELECT id, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
     FROM transitions ORDER BY updated_at DESC, id DESC OFFSET $1 LIMIT 1`,
    [offset],
  );
  return encodeCursor({ updatedAt: rows[0].at, id: rows[0].id, filters: filtersFingerprint({}) });
}

const thousands = (n: number) => n.toLocaleString('en-US');

function describeSeed(info: SeedInfo): string {
  const age = (Date.now() - info.seededAt.getTime()) / 3_600_000;
  const what = `${thousands(info.steps)} open steps, ${thousands(info.timeline)} timeline entries, ${thousands(info.transitions)} transitions`;
  return info.reused
    ? `seed: reused (${what}; seeded ${info.seededAt.toISOString()}, ${age.toFixed(1)} h ago, in ${info.seconds.toFixed(1)} s; --reseed for a fresh one)`
    : `seed: ${what} in ${info.seconds.toFixed(1)} s`;
}

async function explain(db: Client): Promise<void> {
  for (const [name, capture] of Object.entries(handlerSql)) {
    for (const { sql, params } of await capture()) {
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      console.log(`\n--- EXPLAIN ANALYZE: ${name}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`);
    }
  }
}

async function main(): Promise<void> {
  const load = os.loadavg();
  console.log(
    `bench:console: ${config.requests} sequential requests per call after ${config.warmup} warm-up, ` +
      `database ${config.database}, load average ${load.map((l) => l.toFixed(2)).join(' ')}, ${os.cpus().length} cores`,
  );
  const url = await ensureBenchDatabase(config.database);
  const info = await seed(url, config, flag('reseed'));
  console.log(describeSeed(info));

  const db = new Client({ connectionString: url });
  await db.connect();
  const { issuer, remove } = await openBenchIssuer();
  const apps: ChildProcess[] = [];
  try {
    if (flag('explain')) await explain(db);
    const port = await freePort();
    const env = {
      ...issuer.env,
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      DATABASE_URL: url,
    };
    apps.push(await startApp('api', env, port, 'bench-console'));
    const base = `http://127.0.0.1:${port}`;
    const ops = await issuer.headers([Role.Ops], 'bench-ops');
    const getJson = async (path: string, headers: Record<string, string> = ops): Promise<unknown> => {
      const response = await fetch(base + path, { headers });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${body.slice(0, 500)}`);
      return JSON.parse(body) as unknown;
    };

    const cursor = await deepCursor(db, Math.floor(info.transitions * 0.9));
    const deep = (await getJson(`${OPS}/transitions?cursor=${cursor}`)) as { items: unknown[] };
    if (!deep.items.length) throw new Error('the deep cursor page is empty');
    await printShape(getJson);

    const calls: [string, string][] = [
      ['ops summary', `${OPS}/summary`],
      ['ops summary ?facility', `${OPS}/summary?facility=RIVERSIDE`],
      ['ops breach-risk', `${OPS}/breach-risk`],
      ['ops breach-risk ?facility', `${OPS}/breach-risk?facility=RIVERSIDE`],
      [
        'ops breach-risk ?facility&pathway&stepKey',
        `${OPS}/breach-risk?facility=RIVERSIDE&pathway=tcm-discharge-home&stepKey=tcm-contact`,
      ],
      ['ops breach-risk ?role (all facilities)', `${OPS}/breach-risk?role=scheduler`],
      ['ops stuck-transitions', `${OPS}/stuck-transitions`],
      ['ops feeds', `${OPS}/feeds`],
      ['ops pipeline', `${OPS}/pipeline`],
      ['ops transitions (first page)', `${OPS}/transitions`],
      ['ops transitions (cursor, 90 % deep)', `${OPS}/transitions?cursor=${cursor}`],
      ['ops transitions ?status=active&facility', `${OPS}/transitions?status=active&facility=RIVERSIDE`],
      ['ops dead-letters', `${OPS}/dead-letters`],
    ];
    const results: Result[] = [];
    for (const [label, path] of calls) results.push(await measure(label, () => getJson(path), API_GOAL_MS));
    results.push(await measureScrape(base, ops));

    // peers in the same run: PostgreSQL alone, on one connection of the same server; the summary
    // SQL in turn with the API's summary, so the two see the same load on a shared machine
    results.push(await measure('peer: SELECT 1 through pg', () => db.query('SELECT 1')));
    const [summary] = await handlerSql.summary();
    results.push(
      ...(await measureTogether(
        [
          ['ops summary (in turn with the next row)', () => getJson(`${OPS}/summary`), API_GOAL_MS],
          ['peer: summary SQL through pg', () => db.query(summary.sql, summary.params)],
        ],
        config,
      )),
    );

    printTable(results);
    const missed = missedGoals(results);
    console.log(
      `\ngoals: p99 < ${API_GOAL_MS} ms per API call, < ${SCRAPE_GOAL_MS} ms per scrape: ` +
        (missed.length ? `missed by ${missed.map((r) => r.label).join(', ')}` : 'all met') +
        `; load average now ${os
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

/** GET /metrics as Prometheus scrapes it (no token; the ops token if it asks for one), or a note. */
async function measureScrape(base: string, ops: { authorization: string }): Promise<Result> {
  const label = 'GET /metrics (scrape)';
  let headers: Record<string, string> = {};
  const probe = await fetch(`${base}/metrics`);
  await probe.text();
  if (probe.status === 404) {
    return {
      label,
      n: 0,
      mean: NaN,
      p50: NaN,
      p99: NaN,
      max: NaN,
      note: 'the api has no GET /metrics (404)',
    };
  }
  if (probe.status === 401 || probe.status === 403) headers = ops;
  const scrape = async () => {
    const response = await fetch(`${base}/metrics`, { headers });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET /metrics: ${response.status} ${body.slice(0, 300)}`);
  };
  return measure(label, scrape, SCRAPE_GOAL_MS);
}

/** What the routes answer over this seed: shows the seed exercises every count. */
async function printShape(getJson: (path: string) => Promise<unknown>): Promise<void> {
  const summary = (await getJson(`${OPS}/summary`)) as { totals: Record<string, number>; items: unknown[] };
  const board = (await getJson(`${OPS}/breach-risk`)) as { buckets: Record<string, { count: number }> };
  const stuck = (await getJson(`${OPS}/stuck-transitions`)) as {
    stuck: { count: number };
    failed: { count: number };
  };
  const feeds = (await getJson(`${OPS}/feeds`)) as { items: unknown[] };
  const letters = (await getJson(`${OPS}/dead-letters`)) as { total: number };
  const buckets = Object.entries(board.buckets).map(([name, b]) => `${name} ${thousands(b.count)}`);
  const totals = Object.entries(summary.totals).map(([name, n]) => `${name} ${thousands(n)}`);
  console.log(
    `shape: summary ${summary.items.length} rows (${totals.join(', ')}); breach-risk ${buckets.join(', ')}; ` +
      `stuck ${thousands(stuck.stuck.count)}, failed ${thousands(stuck.failed.count)}; ` +
      `${feeds.items.length} feeds; ${thousands(letters.total)} open dead letters`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
