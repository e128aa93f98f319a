import { ApplicationFailure } from '@temporalio/common';
import { QueryFailedError } from 'typeorm';
import { asActivityError } from './bad-data';

const pgError = (code: string, message: string) =>
  new QueryFailedError(
    'INSERT INTO tasks VALUES ($1)',
    ['RIVERSIDE|MRN\u0000'],
    Object.assign(new Error(message), { code }),
  );

describe('asActivityError', () => {
  it.each([
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22001', 'value too long for type character varying(64)'],
    ['22008', 'date/time field value out of range: "0000-01-01"'],
    ['23502', 'null value in column "facility" violates not-null constraint'],
  ])('makes SQLSTATE %s a non-retryable BadData failure', (code, message) => {
    const failure = asActivityError(pgError(code, message));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'BadData', nonRetryable: true });
    expect((failure as Error).message).toContain(`(${code})`);
  });

  it('keeps the quoted values out of the message (they can be patient data)', () => {
    const failure = asActivityError(pgError('22P02', 'invalid input syntax for type uuid: "MRN-12345"'));
    expect((failure as Error).message).not.toContain('MRN-12345');
  });

  it.each([
    [
      'a server going away',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['a statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['a serialization failure', pgError('40001', 'could not serialize access')],
    ['anything else', new Error('boom')],
  ])('leaves %s as it is, to be retried', (_, error) => {
    expect(asActivityError(error)).toBe(error);
  });
});
