export interface RetrySettings {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

/** ±20 %: replicas and subscriptions that failed together do not all come back at the same instant. */
const JITTER = 0.2;

/**
 * The wait after failed try number `attempt` (1-based) before the next, or `undefined` when that
 * was the last try. Exponential: base, 2 × base, 4 × base … capped at maxMs, each with jitter.
 * At the defaults (8 tries, 30 s) the seven waits add up to about an hour.
 */
export function retryDelayMs(
  attempt: number,
  settings: RetrySettings,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= settings.maxAttempts) return undefined;
  const plain = Math.min(settings.baseMs * 2 ** (attempt - 1), settings.maxMs);
  return Math.round(plain * (1 - JITTER + 2 * JITTER * random()));
}
