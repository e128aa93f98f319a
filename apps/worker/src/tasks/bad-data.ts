import { ApplicationFailure } from '@temporalio/common';
import { failureReason } from '@ct/observability';
import { BAD_DATA } from '@ct/workflows/care-transition.activities';

/**
 * SQLSTATE classes that name the data, not the server: 22 (data exception: a NUL, a value too
 * long, a date out of range) and 23 (integrity: a value the schema forbids). Another try with
 * the same input fails the same way, so retrying only holds the transition back.
 */
const DATA_CLASSES = ['22', '23'];

function sqlState(error: unknown): string | undefined {
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: { code?: unknown } };
  const value = driverError?.code ?? code;
  return typeof value === 'string' && /^[0-9A-Z]{5}$/.test(value) ? value : undefined;
}

/**
 * An activity's error as Temporal should see it: bad data becomes a non-retryable `BadData`
 * failure (the workflow then records it and ends); anything else (a server down, a timeout) is
 * left as it is and retried with backoff. The message is scrubbed: a driver quotes the values.
 */
export function asActivityError(error: unknown): unknown {
  const state = sqlState(error);
  if (!state || !DATA_CLASSES.includes(state.slice(0, 2))) return error;
  return ApplicationFailure.create({
    type: BAD_DATA,
    nonRetryable: true,
    message: `the database refused the data: ${failureReason(error)}`,
  });
}
