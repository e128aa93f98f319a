import { ApplicationFailure } from '@temporalio/common';
import { failureReason } from '@ct/observability';
import { isDataError } from '@ct/persistence';
import { BAD_DATA } from '@ct/workflows/care-transition.activities';

/**
 * An activity's error as Temporal should see it: bad data (`isDataError`: SQLSTATE 22, 23) becomes
 * a non-retryable `BadData` failure (the workflow then records it and ends); anything else (a
 * server down, a timeout) is left as it is and retried with backoff. The message is scrubbed: a
 * driver quotes the values.
 */
export function asActivityError(error: unknown): unknown {
  if (!isDataError(error)) return error;
  return ApplicationFailure.create({
    type: BAD_DATA,
    nonRetryable: true,
    message: `the database refused the data: ${failureReason(error)}`,
  });
}
