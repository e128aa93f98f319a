import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '@ct/auth';
import { decodeCursor, filtersFingerprint, type TransitionCursor } from '../../ops/list-transitions/cursor';

const instant = z.iso.datetime({ offset: true });
const text = z.string().trim().min(1).max(300);

export const accessLogFilterSchema = z
  .object({
    patientKey: text.optional(),
    subject: text.optional(),
    /** At or after (inclusive). */
    from: instant.optional(),
    /** Before (exclusive). */
    to: instant.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** `nextCursor` of the previous page, with the same filters. */
    cursor: z.string().max(1000).optional(),
  })
  .strict()
  .transform((filter, ctx) => {
    const { cursor: given, limit, ...filters } = filter;
    if (filters.from && filters.to && Date.parse(filters.from) > Date.parse(filters.to)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    }
    const fingerprint = filtersFingerprint(filters);
    let cursor: TransitionCursor | undefined;
    if (given !== undefined) {
      const decoded = decodeCursor(given);
      if ('error' in decoded) ctx.addIssue({ code: 'custom', path: ['cursor'], message: decoded.error });
      else if (decoded.filters !== fingerprint) {
        ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'belongs to a list with other filters' });
      } else cursor = decoded;
    }
    return { ...filters, limit, cursor, fingerprint };
  });
export type AccessLogFilter = z.output<typeof accessLogFilterSchema>;

export const accessLogEntrySchema = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    /** The token subject of the reader. */
    subject: z.string(),
    patientKey: z.string(),
    facility: z.string(),
    taskId: z.uuid().nullable(),
    transitionId: z.string().nullable(),
    route: z.string(),
    /** The request's x-correlation-id, as in the api's log lines. */
    requestId: z.string(),
    /** disclosed: the context was sent; refused: outside the reader's facilities, answered 404. */
    outcome: z.enum(['disclosed', 'refused']),
  })
  .meta({ id: 'AccessLogEntry' });

export const accessLogPageSchema = z
  .object({
    items: z.array(accessLogEntrySchema),
    /** Pass as `cursor` for the next page; null on the last one. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'AccessLogPage' });
export type AccessLogPage = z.infer<typeof accessLogPageSchema>;

export class ListAccessLogQuery extends Query<AccessLogPage> {
  constructor(
    readonly filter: AccessLogFilter,
    readonly principal: Principal,
  ) {
    super();
  }
}
