import { scrubMessage } from './scrub-message';

/**
 * A failure as an operator reads it where it is stored (dead letters, quarantine, outbox): the
 * error's class, code and message with quoted values scrubbed; never a stack or parameters.
 */
export function failureReason(error: unknown, max = 500): string {
  if (!(error instanceof Error)) return scrubMessage(String(error)).slice(0, max);
  const code = (error as { code?: unknown }).code;
  const named = `${error.name}${typeof code === 'string' || typeof code === 'number' ? ` (${code})` : ''}`;
  return `${named}: ${scrubMessage(error.message)}`.slice(0, max);
}
