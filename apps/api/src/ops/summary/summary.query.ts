import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { FacilityScope } from '../facility-scope';
import { code } from '../sql';

export const summaryFilterSchema = z.object({ facility: code.optional(), pathway: code.optional() }).strict();
export type SummaryFilter = z.infer<typeof summaryFilterSchema>;

/** Counts of the steps not yet done (open or claimed) of one facility, pathway and step. */
export interface SummaryCounts {
  open: number;
  claimed: number;
  /** Not breached and due before the facility's local midnight. */
  dueToday: number;
  breached: number;
  escalated: number;
}

export interface SummaryRow extends SummaryCounts {
  facility: string;
  pathway: string;
  stepKey: string;
}

export interface Summary {
  generatedAt: string;
  totals: SummaryCounts;
  items: SummaryRow[];
}

export class GetSummaryQuery extends Query<Summary> {
  /** `facilities`: the caller's scope narrowed by `filter.facility` (facility-scope.ts). */
  constructor(
    readonly filter: SummaryFilter,
    readonly facilities: FacilityScope,
  ) {
    super();
  }
}
