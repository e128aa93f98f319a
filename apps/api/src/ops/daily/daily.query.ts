import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { FacilityScope } from '../facility-scope';
import { code } from '../sql';
import type { DayCounts } from './days';

export const dailyFilterSchema = z
  .object({
    facility: code.optional(),
    pathway: code.optional(),
    /** Local days up to and including today (1–90, default 14). */
    days: z.coerce.number().int().min(1).max(90).default(14),
  })
  .strict();
export type DailyFilter = z.infer<typeof dailyFilterSchema>;

export interface Daily {
  generatedAt: string;
  /** The zone the days are counted in: the facility's calendar's, or FACILITY_TIME_ZONE. */
  timeZone: string;
  items: DayCounts[];
}

export class GetDailyQuery extends Query<Daily> {
  /** `facilities`: the caller's scope narrowed by `filter.facility` (facility-scope.ts). */
  constructor(
    readonly filter: DailyFilter,
    readonly facilities: FacilityScope,
  ) {
    super();
  }
}
