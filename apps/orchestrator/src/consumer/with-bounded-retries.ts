import { setTimeout as sleep } from 'node:timers/promises';
import { failureReason } from '@ct/observability';
import type { FailureKind } from './failure-kind';

export type RetryOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: Exclude<FailureKind, 'transient'>; reason: string; attempts: number };

export interface RetryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  kindOf: (error: unknown) => FailureKind;
  /** Called before each repeated try (metrics). */
  onRetry?: () => void;
}

/**
 * Runs `work` until it succeeds, fails with bad data (at once), or has failed `maxAttempts`
 * times, waiting baseDelayMs · 2^n between tries. A transient failure (a server is down) is
 * thrown: the record is not at fault, so it is retried from the broker instead of dead-lettered.
 */
export async function withBoundedRetries<T>(
  work: () => Promise<T>,
  options: RetryOptions,
): Promise<RetryOutcome<T>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      const kind = options.kindOf(error);
      if (kind === 'transient') throw error;
      if (kind === 'bad-data' || attempt >= options.maxAttempts) {
        return { ok: false, kind, reason: failureReason(error), attempts: attempt };
      }
      options.onRetry?.();
      await sleep(options.baseDelayMs * 2 ** (attempt - 1));
    }
  }
}
