import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { FacilityScope } from '../facility-scope';
import { code } from '../sql';
import type { Bucket } from './time-buckets';

export const breachRiskFilterSchema = z
  .object({
    facility: code.optional(),
    pathway: code.optional(),
    stepKey: code.optional(),
    role: code.optional(),
    /** Items listed per bucket, soonest due first; each bucket's count is always complete. */
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type BreachRiskFilter = z.infer<typeof breachRiskFilterSchema>;

/** A step not yet done, as the board shows it: ids and codes only, never the patient. */
export interface BreachRiskItem {
  taskId: string;
  transitionId: string;
  facility: string;
  pathway: string;
  stepKey: string;
  role: string;
  status: string;
  priority: string;
  assignee: string | null;
  dueAt: string;
  /** Negative once due. */
  timeLeftSeconds: number;
  breachedAt: string | null;
  escalated: boolean;
}

export interface BreachRiskBoard {
  generatedAt: string;
  buckets: Record<Bucket, { count: number; items: BreachRiskItem[] }>;
}

export class GetBreachRiskQuery extends Query<BreachRiskBoard> {
  /** `facilities`: the caller's scope narrowed by `filter.facility` (facility-scope.ts). */
  constructor(
    readonly filter: BreachRiskFilter,
    readonly facilities: FacilityScope,
  ) {
    super();
  }
}
