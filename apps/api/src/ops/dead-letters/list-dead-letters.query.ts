import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { deadLetterStages } from '@ct/persistence';

export const deadLetterStatuses = ['open', 'replay-requested', 'replaying', 'replayed', 'discarded'] as const;

export const deadLetterFilterSchema = z
  .object({
    status: z.enum(deadLetterStatuses).optional(),
    stage: z.enum(deadLetterStages).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type DeadLetterFilter = z.infer<typeof deadLetterFilterSchema>;

/** A dead letter as ops list it: where it came from, why, how old; never the record's content. */
export const deadLetterViewSchema = z
  .object({
    id: z.uuid(),
    stage: z.string(),
    status: z.string(),
    code: z.string(),
    reason: z.string(),
    topic: z.string(),
    partition: z.number().int().nullable(),
    sourceRef: z.string(),
    eventId: z.string().nullable(),
    attempts: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    ageSeconds: z.number(),
    resolvedBy: z.string().nullable(),
    resolution: z.string().nullable(),
  })
  .meta({ id: 'DeadLetter' });
export type DeadLetterView = z.infer<typeof deadLetterViewSchema>;

export const deadLetterPageSchema = z
  .object({ items: z.array(deadLetterViewSchema), total: z.number().int() })
  .meta({ id: 'DeadLetterPage' });

export class ListDeadLettersQuery extends Query<z.infer<typeof deadLetterPageSchema>> {
  constructor(readonly filter: DeadLetterFilter) {
    super();
  }
}
