import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { FacilityScope } from '../facility-scope';
import { code } from '../sql';
import { decodeCursor, filtersFingerprint, type TransitionCursor } from './cursor';

export const transitionStatuses = [
  'active',
  'paused',
  'completed',
  'expired',
  'cancelled',
  'superseded',
  'no-outreach',
  'failed',
] as const;

const instant = z.iso.datetime({ offset: true });

export const transitionListFilterSchema = z
  .object({
    facility: code.optional(),
    pathway: code.optional(),
    status: z.enum(transitionStatuses).optional(),
    /** Discharged at or after (inclusive). */
    dischargedFrom: instant.optional(),
    /** Discharged before (exclusive). */
    dischargedTo: instant.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** `nextCursor` of the previous page, with the same filters. */
    cursor: z.string().max(1000).optional(),
  })
  .strict()
  .transform((filter, ctx) => {
    const { cursor: text, limit, ...filters } = filter;
    if (filters.dischargedFrom && filters.dischargedTo) {
      if (Date.parse(filters.dischargedFrom) > Date.parse(filters.dischargedTo)) {
        ctx.addIssue({
          code: 'custom',
          path: ['dischargedTo'],
          message: 'must not be before dischargedFrom',
        });
      }
    }
    const fingerprint = filtersFingerprint(filters);
    let cursor: TransitionCursor | undefined;
    if (text !== undefined) {
      const decoded = decodeCursor(text);
      if ('error' in decoded) ctx.addIssue({ code: 'custom', path: ['cursor'], message: decoded.error });
      else if (decoded.filters !== fingerprint) {
        ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'belongs to a list with other filters' });
      } else cursor = decoded;
    }
    return { ...filters, limit, cursor, fingerprint };
  });
export type TransitionListFilter = z.output<typeof transitionListFilterSchema>;

/** A transition as the list shows it: ids and codes, no patient. */
export interface TransitionListItem {
  id: string;
  facility: string;
  pathway: string;
  status: string;
  reason: string | null;
  dischargedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TransitionPage {
  items: TransitionListItem[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export class ListTransitionsQuery extends Query<TransitionPage> {
  /** `facilities`: the caller's scope narrowed by `filter.facility` (facility-scope.ts). */
  constructor(
    readonly filter: TransitionListFilter,
    readonly facilities: FacilityScope,
  ) {
    super();
  }
}
