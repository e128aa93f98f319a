import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from 'pino';
import { scrubStrings } from '@ct/observability';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

let installed = false;

export interface TemporalRuntimeOptions {
  level?: LogLevel;
  /**
   * `IP:port` where the SDK's Rust core serves its own Prometheus metrics (`/metrics`: workflow and
   * activity task latencies, poller and slot counts, sticky cache); unset: none are exported.
   */
  metricsAddress?: string;
}

/**
 * Sends the Temporal SDK's own log lines (worker state, task failures) to our JSON logger and,
 * when asked, serves its metrics. The runtime can be installed once per process, before the
 * first connection.
 */
export function installTemporalRuntime(logger: Logger, options: TemporalRuntimeOptions = {}): void {
  if (installed) return;
  installed = true;
  const { level = 'INFO', metricsAddress } = options;
  Runtime.install({
    logger: new DefaultLogger(level, (entry) => {
      // task/taskEncoded are the whole activity task, its arguments (patient data) included
      const {
        error,
        task: _task,
        taskEncoded: _taskEncoded,
        ...meta
      }: Record<string, unknown> = entry.meta ?? {};
      const fields = { component: 'temporal', ...scrubStrings(meta), err: error };
      logger[LEVELS[entry.level]](fields, entry.message);
    }),
    telemetryOptions: {
      // core's own lines (e.g. a failed workflow task, with its error text) through pino, not raw to stderr
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      // tags are namespace, task queue, workflow and activity type: no patient data. Durations in
      // seconds, named so (…_latency_seconds); counters keep core's names (some end in _total already)
      ...(metricsAddress && {
        metrics: {
          prometheus: { bindAddress: metricsAddress, unitSuffix: true, useSecondsForDurations: true },
        },
      }),
    },
  });
}
