import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { loggerOptions } from './logger-options';
import { captureLogs, invalidUuid, MRN_DIGITS, uniqueViolation } from './testing';

// the logger the apps get: pino-http (which wraps the err serializer) over our options
function appLogger() {
  const capture = captureLogs();
  const logger = pinoHttp(loggerOptions({ LOG_LEVEL: 'info' }), capture.stream).logger as Logger;
  return { logger, capture };
}

const callSites: [string, (logger: Logger) => void, string[]][] = [
  [
    '{ err } and a message',
    (log) => log.error({ err: uniqueViolation() }, 'insert failed'),
    ['QueryFailedError', '23505'],
  ],
  [
    'a bare error (pino takes its message)',
    (log) => log.error(uniqueViolation()),
    ['QueryFailedError', '23505'],
  ],
  [
    '{ error }',
    (log) => log.warn({ error: uniqueViolation() }, 'insert failed'),
    ['QueryFailedError', '23505'],
  ],
  [
    'an error with a cause',
    (log) => log.error({ err: new Error('publish failed', { cause: uniqueViolation() }) }),
    ['QueryFailedError', '23505'],
  ],
  [
    'a quoted value in the message',
    (log) => log.error({ err: invalidUuid() }, 'lookup failed'),
    ['QueryFailedError', '22P02'],
  ],
  ['a quoted value, bare', (log) => log.error(invalidUuid()), ['QueryFailedError', '22P02']],
  [
    'the String(error) style',
    (log) => log.warn({ eventId: 'e-1', err: String(invalidUuid()) }, 'publish failed'),
    ['QueryFailedError'],
  ],
  [
    'an error under another key',
    (log) => log.error({ failure: uniqueViolation() }, 'insert failed'),
    ['QueryFailedError', '23505'],
  ],
  [
    'an error in the message text',
    (log) => log.error(`worker stopped with an error: ${String(invalidUuid())}`),
    ['QueryFailedError'],
  ],
  [
    'an error as a format argument',
    (log) => log.warn({ failures: 2 }, 'relay failed: %s', String(invalidUuid())),
    ['QueryFailedError'],
  ],
  [
    'a child logger (per request)',
    (log) => log.child({ correlationId: 'c-1' }).error({ err: invalidUuid() }),
    ['QueryFailedError', '22P02'],
  ],
];

describe('loggerOptions', () => {
  it.each(callSites)('keeps the MRN out of %s, and the class and code in', (_style, logIt, kept) => {
    const { logger, capture } = appLogger();
    logIt(logger);
    expect(capture.lines).toHaveLength(1);
    expect(capture.lines[0]).not.toContain(MRN_DIGITS);
    for (const text of kept) expect(capture.lines[0]).toContain(text);
  });

  it('logs an error as type, code, scrubbed message, schema names and stack frames, nothing else', () => {
    const { logger, capture } = appLogger();
    logger.error({ err: uniqueViolation() }, 'insert failed');
    const { err } = capture.parsed()[0] as { err: Record<string, unknown> };
    expect(Object.keys(err).sort()).toEqual(['code', 'constraint', 'message', 'stack', 'table', 'type']);
    expect(err).toMatchObject({
      type: 'QueryFailedError',
      code: '23505',
      message: 'duplicate key value violates unique constraint "uq_patient_key"',
      constraint: 'uq_patient_key',
      table: 'patients',
    });
    expect(err.stack).toMatch(/^QueryFailedError: duplicate key[^\n]*\n\s+at /);
  });

  it('serializes a cause chain the same way', () => {
    const { logger, capture } = appLogger();
    const outer = new Error('handoff failed', {
      cause: new Error('publish failed', { cause: invalidUuid() }),
    });
    logger.error({ err: outer }, 'handoff failed');
    const { err } = capture.parsed()[0] as { err: { cause: { cause: Record<string, unknown> } } };
    expect(err.cause.cause).toMatchObject({ type: 'QueryFailedError', code: '22P02' });
    expect(err.cause.cause).not.toHaveProperty('parameters');
  });

  it('stops at a cause that points back at itself', () => {
    const { logger, capture } = appLogger();
    const looped = new Error('looped');
    looped.cause = looped;
    logger.error({ err: looped }, 'odd error');
    expect(capture.parsed()[0]).toMatchObject({ err: { type: 'Error', cause: { type: 'Error' } } });
  });
});
