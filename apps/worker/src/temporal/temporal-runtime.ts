import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from 'pino';

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
      const { error, ...meta } = entry.meta ?? {};
      logger[LEVELS[entry.level]]({ component: 'temporal', ...meta, err: error }, entry.message);
    }),
  });
}
