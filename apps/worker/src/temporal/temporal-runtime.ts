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

/**
 * Sends the Temporal SDK's own log lines (worker state, task failures) to our JSON logger. The
 * runtime can be installed once per process, before the first connection.
 */
export function installTemporalRuntime(logger: Logger, level: LogLevel = 'INFO'): void {
  if (installed) return;
  installed = true;
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
    // core's own lines (e.g. a failed workflow task, with its error text) through pino, not raw to stderr
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
  });
}
