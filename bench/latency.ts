/** Percentiles over recorded latencies, in milliseconds. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)];
}

/**
 * Calls `send(i, due)` for i = 0 … total-1 at a steady `perSecond`, each at its due time
 * (`performance.now()` clock) whatever the earlier calls take: an open loop, so queueing counts.
 */
export async function atSteadyRate(
  perSecond: number,
  total: number,
  send: (index: number, due: number) => void,
): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    send(i, due);
  }
}

export interface RunResult {
  label: string;
  connections: number;
  messages: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
}

export function summarize(
  label: string,
  connections: number,
  latencies: number[],
  seconds: number,
  errors: number,
): RunResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    label,
    connections,
    messages: latencies.length,
    seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors,
  };
}

export function printTable(results: RunResult[]): void {
  console.log('\n| run | connections | messages | msgs/s | p50 ACK ms | p99 ACK ms | NAKs/errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const rate = (r.messages / r.seconds).toFixed(0);
    console.log(
      `| ${r.label} | ${r.connections} | ${r.messages} | ${rate} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`,
    );
  }
}
