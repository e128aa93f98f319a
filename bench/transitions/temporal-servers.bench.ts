// The ceiling Temporal itself sets on this machine: the bare-Temporal peer (signalWithStart, one
// local activity, a timer) at each offered rate, on the CLI dev server (SQLite, one shard) and on
// the Temporal server with PostgreSQL and 8 shards (bench/temporal-pg), with each server's CPU.
// Usage: npm run bench:temporal -- [rates, comma separated] [seconds]
// BENCH_SERVERS=dev runs the dev server only (bench:smoke: the other server's first build takes minutes).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runBareTemporal } from './bare-temporal';
import { terminateRun } from '../sandbox';

const rates = (process.argv[2] ?? '40,80,160').split(',').map(Number);
const seconds = Number(process.argv[3] ?? 15);
const root = path.resolve(__dirname, '../../..');
const runDir =
  process.env.CT_RUN_DIR ?? path.join(process.env.HOME ?? '', '.cache/care-transitions/state/run');
const pgScript = path.join(root, 'bench/temporal-pg/temporal-pg.sh');

const servers = [
  {
    key: 'dev',
    name: 'CLI dev server 1.5.1 (SQLite WAL, 1 shard)',
    address: '127.0.0.1:7233',
    pidFile: 'temporal.pid',
  },
  {
    key: 'pg',
    name: 'server 1.29.1 on PostgreSQL 15 (8 shards)',
    address: '127.0.0.1:7243',
    pidFile: 'temporal-pg.pid',
  },
].filter((server) => (process.env.BENCH_SERVERS ?? 'dev,pg').split(',').includes(server.key));
const withPg = servers.some((server) => server.key === 'pg');

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pidFile: string): number {
  const pid = readFileSync(path.join(runDir, pidFile), 'utf8').trim();
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

async function main(): Promise<void> {
  if (servers.length === 0) throw new Error('BENCH_SERVERS names no server (dev, pg)');
  if (withPg) execFileSync('bash', [pgScript, 'start'], { stdio: 'inherit' });
  try {
    for (const server of servers) {
      process.env.TEMPORAL_ADDRESS = server.address;
      for (const rate of rates) {
        const queue = `bench-servers-${Date.now()}`;
        const before = cpuSeconds(server.pidFile);
        const result = await runBareTemporal(queue, rate, seconds);
        const serverCpuMs = ((cpuSeconds(server.pidFile) - before) * 1000) / Math.max(result.started, 1);
        console.log(
          JSON.stringify({
            server: server.name,
            offeredRatePerSecond: rate,
            seconds,
            started: result.started,
            perSecond: result.perSecond,
            latencyMs: result.latencyMs,
            serverCpuMsPerStart: Number(serverCpuMs.toFixed(1)),
          }),
        );
        console.error(await terminateRun(queue));
      }
    }
  } finally {
    if (withPg) execFileSync('bash', [pgScript, 'stop'], { stdio: 'inherit' });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
