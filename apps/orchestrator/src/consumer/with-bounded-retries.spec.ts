import { status } from '@grpc/grpc-js';
import { QueryFailedError } from 'typeorm';
import { z } from 'zod';
import { failureKind } from './failure-kind';
import { withBoundedRetries } from './with-bounded-retries';

const grpcError = (code: number) =>
  Object.assign(new Error(`grpc ${code}`), { code, details: '', metadata: {} });
const pgError = (code: string) =>
  new QueryFailedError('SELECT 1', ['MRN-SECRET'], Object.assign(new Error('pg'), { code }));

describe('failureKind', () => {
  it.each([
    ['an id over the server limit (INVALID_ARGUMENT)', grpcError(status.INVALID_ARGUMENT), 'bad-data'],
    ['Temporal unreachable', grpcError(status.UNAVAILABLE), 'transient'],
    ['a NUL byte PostgreSQL refuses (22021)', pgError('22021'), 'bad-data'],
    ['a statement timeout (57014)', pgError('57014'), 'transient'],
    ['a refused connection', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), 'transient'],
    ['a contract error', z.string().safeParse(1).error, 'bad-data'],
    ['anything else', new Error('surprise'), 'unknown'],
  ])('%s is %s', (_what, error, kind) => {
    expect(failureKind(error)).toBe(kind);
  });

  it('looks through causes', () => {
    expect(failureKind(new Error('wrapped', { cause: grpcError(status.INVALID_ARGUMENT) }))).toBe('bad-data');
  });
});

describe('withBoundedRetries', () => {
  const options = { maxAttempts: 3, baseDelayMs: 0, kindOf: failureKind };

  it('returns the value once the work succeeds', async () => {
    const work = jest.fn().mockRejectedValueOnce(new Error('once')).mockResolvedValue('done');
    expect(await withBoundedRetries(work, options)).toEqual({ ok: true, value: 'done' });
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('gives up on bad data at once, with a reason that names the error but not its parameters', async () => {
    const work = jest.fn().mockRejectedValue(pgError('22021'));
    const outcome = await withBoundedRetries(work, options);
    expect(outcome).toMatchObject({ ok: false, kind: 'bad-data', attempts: 1 });
    expect(JSON.stringify(outcome)).toContain('QueryFailedError (22021)');
    expect(JSON.stringify(outcome)).not.toContain('MRN-SECRET');
  });

  it('gives up on an unknown failure after maxAttempts', async () => {
    const work = jest.fn().mockRejectedValue(new Error('surprise'));
    expect(await withBoundedRetries(work, options)).toMatchObject({
      ok: false,
      kind: 'unknown',
      attempts: 3,
    });
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('throws a transient failure so the broker redelivers the record instead of dead-lettering it', async () => {
    const work = jest.fn().mockRejectedValue(grpcError(status.UNAVAILABLE));
    await expect(withBoundedRetries(work, options)).rejects.toThrow('grpc 14');
    expect(work).toHaveBeenCalledTimes(1);
  });
});
