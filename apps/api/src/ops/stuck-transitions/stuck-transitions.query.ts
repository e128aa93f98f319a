import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { FacilityScope } from '../facility-scope';
import { code } from '../sql';

export const stuckFilterSchema = z
  .object({
    /** No timeline entry for this long makes an active transition stuck. */
    hours: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24),
    facility: code.optional(),
    /** Rows per list (stuck, failed), longest stuck and latest failed first. */
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type StuckFilter = z.infer<typeof stuckFilterSchema>;

/** An open dead letter of the transition: the worker's (bad data) or one of its outbox records. */
export interface LinkedDeadLetter {
  id: string;
  stage: string;
  code: string;
  createdAt: string;
}

export interface StuckTransition {
  transitionId: string;
  facility: string;
  pathway: string;
  status: string;
  reason: string | null;
  dischargedAt: string | null;
  updatedAt: string;
  /** The last timeline entry (its creation when it has none). */
  lastProgressAt: string;
  hoursSinceProgress: number;
  openDeadLetters: LinkedDeadLetter[];
}

export interface StuckTransitions {
  generatedAt: string;
  hours: number;
  stuck: { count: number; items: StuckTransition[] };
  failed: { count: number; items: StuckTransition[] };
}

export class GetStuckTransitionsQuery extends Query<StuckTransitions> {
  /** `facilities`: the caller's scope narrowed by `filter.facility` (facility-scope.ts). */
  constructor(
    readonly filter: StuckFilter,
    readonly facilities: FacilityScope,
  ) {
    super();
  }
}
