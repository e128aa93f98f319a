import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '@ct/auth';
import { filtersFingerprint } from '../../ops/list-transitions/cursor';
import { code } from '../../ops/sql';
import { taskViewSchema } from '../task.view';
import { decodeWorklistCursor, type WorklistCursor } from './worklist-cursor';
import { keyValueValid, SORT_KEYS, WORKLIST_SORTS } from './worklist-sort';

export const WORKLIST_VIEWS = ['all', 'mine', 'pool'] as const;

const listFields = {
  /**
   * `mine`: assigned to the caller; `pool`: open, unassigned, of a role the caller holds (a
   * supervisor: any role); `all`: every task of the caller's facilities. mine and pool show
   * open and claimed tasks unless `status` says otherwise.
   */
  view: z.enum(WORKLIST_VIEWS).default('all'),
  /** `active` (the default): open or claimed; `any`: every status. */
  status: z.enum(['active', 'open', 'claimed', 'completed', 'cancelled', 'any']).default('active'),
  priority: z.enum(['routine', 'high', 'urgent']).optional(),
  /** Breached: the clock recorded a breach, or the due time has passed. */
  breached: z.stringbool().optional(),
  /** Due before this instant (exclusive). */
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  facility: code.optional(),
  pathway: code.optional(),
  role: code.optional(),
  stepKey: code.optional(),
  transitionId: code.optional(),
  /** The assignee's subject id. */
  assignee: code.optional(),
  sort: z.enum(WORKLIST_SORTS).default('due'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** `nextCursor` of the previous page, read with the same filters and sort. */
  cursor: z.string().max(1000).optional(),
};

/** Patient identifiers stay out of URLs (proxies log them): they are searched with POST. */
const patientFields = {
  /** The MRN (PID-3), of any assigning authority unless `authority` is given. */
  mrn: code.optional(),
  authority: code.optional(),
};

export type WorklistFilter = z.output<z.ZodObject<typeof listFields & typeof patientFields>> & {
  fingerprint: string;
  after?: WorklistCursor;
};

function withCursor<T extends { cursor?: string; limit: number; sort: keyof typeof SORT_KEYS }>(
  filter: T,
  ctx: z.RefinementCtx,
) {
  const { cursor: text, limit: _limit, ...rest } = filter;
  const fingerprint = filtersFingerprint(
    Object.fromEntries(
      Object.entries(rest).map(([key, value]) => [key, value === undefined ? undefined : String(value)]),
    ),
  );
  let after: WorklistCursor | undefined;
  if (text !== undefined) {
    const keys = SORT_KEYS[filter.sort];
    const decoded = decodeWorklistCursor(text, keys.length);
    if ('error' in decoded) ctx.addIssue({ code: 'custom', path: ['cursor'], message: decoded.error });
    else if (decoded.filters !== fingerprint)
      ctx.addIssue({
        code: 'custom',
        path: ['cursor'],
        message: 'belongs to a list with other filters or sort',
      });
    else if (!decoded.keys.every((value, i) => keyValueValid(keys[i], value)))
      ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'not a cursor this API issued' });
    else after = decoded;
  }
  return { ...filter, fingerprint, after };
}

/** `GET /api/v1/tasks` query parameters. */
export const worklistFilterSchema = z.object(listFields).strict().transform(withCursor);

/** `POST /api/v1/tasks/search` body: the same, and patient identifiers. */
export const worklistSearchSchema = z
  .object({ ...listFields, ...patientFields })
  .strict()
  .refine((search) => !search.authority || search.mrn, { path: ['authority'], message: 'only with mrn' })
  .transform(withCursor);

export const worklistCountsSchema = z
  .object({
    all: z.number().int(),
    mine: z.number().int(),
    pool: z.number().int(),
    /** Breached among the listed view's tasks. */
    breached: z.number().int(),
  })
  .meta({ id: 'WorklistCounts', description: 'With the same filters, how many tasks each view holds' });

export const worklistSchema = z
  .object({
    items: z.array(taskViewSchema),
    /** How many tasks the list holds in all (every page). */
    total: z.number().int(),
    counts: worklistCountsSchema,
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'Worklist' });
export type Worklist = z.infer<typeof worklistSchema>;

export class GetWorklistQuery extends Query<Worklist> {
  constructor(
    readonly filter: WorklistFilter,
    readonly actor: Principal,
  ) {
    super();
  }
}
