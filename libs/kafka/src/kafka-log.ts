import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';

/** Routes kafkajs's own log lines into our JSON logger; they carry broker details, never payloads. */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      // the rest of kafkajs's line is untyped (`any`): read it as unknown
      const { message, ...extra }: { message: string; [key: string]: unknown } = log;
      const fields = {
        component: 'kafkajs',
        namespace,
        broker: extra.broker,
        error: extra.error,
      };
      if (level === logLevel.ERROR) logger.error(fields, message);
      else if (level === logLevel.WARN) logger.warn(fields, message);
      else logger.debug(fields, message);
    };
}
