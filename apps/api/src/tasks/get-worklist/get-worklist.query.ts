import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { taskViewSchema } from '../task.view';

export const worklistFilterSchema = z
  .object({
    status: z.enum(['open', 'claimed', 'completed', 'cancelled']).optional(),
    role: z.string().min(1).max(100).optional(),
    facility: z.string().min(1).max(100).optional(),
    transitionId: z.string().min(1).max(200).optional(),
    stepKey: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type WorklistFilter = z.infer<typeof worklistFilterSchema>;

export const worklistSchema = z
  .object({ items: z.array(taskViewSchema), total: z.number().int() })
  .meta({ id: 'Worklist' });

export class GetWorklistQuery extends Query<z.infer<typeof worklistSchema>> {
  constructor(readonly filter: WorklistFilter) {
    super();
  }
}
