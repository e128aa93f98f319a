import { createHash } from 'node:crypto';

/** One transition's events share a partition, so consumers see its timeline in order. */
export function careEventKey(transitionId: string): string {
  return 'tk_' + createHash('sha256').update(transitionId).digest('hex').slice(0, 32);
}
