import { Query } from '@nestjs/cqrs';
import { z } from 'zod';

export const deadLetterStatuses = ['open', 'replay-requested', 'replaying', 'replayed', 'discarded'] as const;

export const deadLetterFilterSchema = z
  .object({
    status: z.enum(deadLetterStatuses).optional(),
    stage: z.enum(['orchestrator', 'outbox', 'worker']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type DeadLetterFilter = z.infer<typeof deadLetterFilterSchema>;

/** A dead letter as ops list it: where it came from, why, how old; never the record's content. */
export interface DeadLetterView {
  id: string;
  stage: string;
  status: string;
  code: string;
  reason: string;
  topic: string;
  partition: number | null;
  sourceRef: string;
  eventId: string | null;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  ageSeconds: number;
  resolvedBy: string | null;
  resolution: string | null;
}

export class ListDeadLettersQuery extends Query<{ items: DeadLetterView[]; total: number }> {
  constructor(readonly filter: DeadLetterFilter) {
    super();
  }
}
