import { logLevel } from 'kafkajs';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { kafkaLogCreator } from '@ct/kafka';
import { loggerOptions } from './logger-options';
import { captureLogs, invalidUuid, MRN_DIGITS } from './testing';

// kafkajs's lines as they reach our logger: through kafkaLogCreator, onto the app's options
function kafkaLog() {
  const capture = captureLogs();
  const logger = pinoHttp(loggerOptions({ LOG_LEVEL: 'info' }), capture.stream).logger as Logger;
  const write = kafkaLogCreator(logger)(logLevel.INFO);
  const log = (level: logLevel, message: string, extra: Record<string, unknown>) =>
    write({
      namespace: 'Runner',
      level,
      label: 'ERROR',
      log: { timestamp: '', message, ...extra },
    });
  return { log, capture };
}

describe('kafkajs log lines', () => {
  it('scrub the error a message handler threw (kafkajs passes it whole, with its stack)', () => {
    const { log, capture } = kafkaLog();
    const error = invalidUuid();
    log(logLevel.ERROR, 'Error when calling eachMessage', {
      topic: 't',
      offset: '7',
      stack: error.stack,
      error,
    });
    expect(capture.lines[0]).not.toContain(MRN_DIGITS);
    expect(capture.parsed()[0]).toMatchObject({
      component: 'kafkajs',
      namespace: 'Runner',
      error: { type: 'QueryFailedError', code: '22P02' },
    });
  });

  it('scrub an error text kafkajs puts in the message or passes as a string', () => {
    const { log, capture } = kafkaLog();
    const error = invalidUuid();
    log(logLevel.ERROR, `Failed to execute listener: ${error.message}`, { stack: error.stack });
    log(logLevel.WARN, 'The group is rebalancing, re-joining', { error: error.message });
    expect(capture.lines).toHaveLength(2);
    for (const line of capture.lines) expect(line).not.toContain(MRN_DIGITS);
    expect(capture.parsed()[1]).toMatchObject({ error: 'invalid input syntax for type uuid: "[redacted]"' });
  });
});
