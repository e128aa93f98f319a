import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { atSteadyRate, percentile } from '../latency';

export interface BareResult {
  label: string;
  started: number;
  perSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
}

/**
 * The peer: bare Temporal on the same servers, at the same offered rate. Each "transition" is a
 * signalWithStart of a workflow that runs one local activity in its first workflow task and then
 * waits on a timer; latency is from the call until that activity ran.
 */
export async function runBareTemporal(taskQueue: string, rate: number, seconds: number): Promise<BareResult> {
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const reachedAt = new Map<string, number>();
  const nativeConnection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: path.join(__dirname, 'bare.workflow.js'),
      logger: { log() {}, info() {}, warn() {}, error() {}, debug() {}, trace() {} },
    }),
    activities: { reached: async (id: string) => void reachedAt.set(id, Date.now()) },
  });
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  const sentAt = new Map<string, number>();
  const running = worker.run();
  try {
    const calls: Promise<unknown>[] = [];
    await atSteadyRate(rate, rate * seconds, (i) => {
      const id = `${taskQueue}-${i}`;
      sentAt.set(id, Date.now());
      calls.push(
        client.workflow.signalWithStart('bareTransition', {
          taskQueue,
          workflowId: id,
          signal: 'go',
          signalArgs: [id],
        }),
      );
    });
    await Promise.allSettled(calls);
    const deadline = Date.now() + 120_000;
    while (reachedAt.size < sentAt.size && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const latencies = [...reachedAt].map(([id, at]) => at - sentAt.get(id)!).sort((a, b) => a - b);
    const times = [...reachedAt.values()].sort((a, b) => a - b);
    const span = Math.max((times.at(-1)! - times[0]) / 1000, seconds);
    return {
      label: 'peer: bare Temporal (signalWithStart + 1 local activity + timer)',
      started: reachedAt.size,
      perSecond: Number((reachedAt.size / span).toFixed(1)),
      latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1)! },
    };
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
    await nativeConnection.close();
  }
}
