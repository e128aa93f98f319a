import type { DataSource } from 'typeorm';
import { fmt } from './cli';
import { percentile } from './latency';

/** One measured call of an HTTP or SQL bench. */
export interface Result {
  label: string;
  n: number;
  mean: number;
  p50: number;
  p99: number;
  max: number;
  /** p99 goal in ms; none for a peer. */
  goal?: number;
  /** Why it was skipped (n = 0). */
  note?: string;
}

export type Call = [label: string, call: () => Promise<unknown>, goal?: number];

/**
 * `warmup` unmeasured rounds, then `requests` rounds; a round calls each in turn (sequentially,
 * each timed to its last byte), so calls measured together see the same load.
 */
export async function measureTogether(
  calls: Call[],
  rounds: { warmup: number; requests: number },
): Promise<Result[]> {
  for (let i = 0; i < rounds.warmup; i++) for (const [, call] of calls) await call();
  const ms = calls.map(() => [] as number[]);
  for (let i = 0; i < rounds.requests; i++) {
    for (const [c, [, call]] of calls.entries()) {
      const started = performance.now();
      await call();
      ms[c].push(performance.now() - started);
    }
  }
  return calls.map(([label, , goal], c) => {
    const sorted = ms[c].sort((a, b) => a - b);
    const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
    const p99 = percentile(sorted, 99);
    console.error(`  ${label}: p50 ${fmt(percentile(sorted, 50))} ms, p99 ${fmt(p99)} ms`);
    return { label, n: sorted.length, mean, p50: percentile(sorted, 50), p99, max: sorted.at(-1)!, goal };
  });
}

/** The results as a markdown table: each call against its goal, peers marked as such. */
export function printTable(results: Result[]): void {
  console.log('\n| call | n | mean ms | p50 ms | p99 ms | max ms | goal p99 | result |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    if (r.n === 0) {
      console.log(`| ${r.label} | 0 | | | | | | skipped: ${r.note} |`);
      continue;
    }
    const result = r.goal === undefined ? 'peer' : r.p99 < r.goal ? 'pass' : 'MISS';
    const goal = r.goal === undefined ? '' : `< ${r.goal} ms`;
    console.log(
      `| ${r.label} | ${r.n} | ${fmt(r.mean)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${goal} | ${result} |`,
    );
  }
}

/** The calls that missed their p99 goal. */
export const missedGoals = (results: Result[]) =>
  results.filter((r) => r.goal !== undefined && r.n > 0 && r.p99 >= r.goal);

/**
 * The SQL a handler sends, with its parameters, from a stand-in for TypeORM's DataSource that
 * answers each query with `rows(sql)` (none by default) and each entity read with no row.
 */
export async function capturedSql(
  run: (db: DataSource) => Promise<unknown>,
  rows: (sql: string) => unknown[] = () => [],
): Promise<{ sql: string; params: unknown[] }[]> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const db = {
    query: (sql: string, params: unknown[] = []) => {
      captured.push({ sql, params });
      return Promise.resolve(rows(sql));
    },
    getRepository: () => ({ findBy: () => Promise.resolve([]) }),
  } as unknown as DataSource;
  await run(db);
  return captured;
}
