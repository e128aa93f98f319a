import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import type { CompleteStepResult } from '@ct/workflows/care-transition.messages';

/** Who completes is the caller, as the access token says: a body cannot name someone else. */
export const completeTaskRequestSchema = z.object({ outcome: z.string().min(1).max(100) }).strict();
export type CompleteTaskRequest = z.infer<typeof completeTaskRequestSchema>;

export const completeTaskResultSchema = z
  .object({ stepKey: z.string(), accepted: z.boolean(), nextStepKey: z.string().optional() })
  .meta({ id: 'CompleteTaskResult' }) satisfies z.ZodType<CompleteStepResult>;

export class CompleteTaskCommand extends Command<CompleteStepResult> {
  constructor(
    readonly taskId: string,
    /** The caller's subject id from the verified token. */
    readonly completedBy: string,
    readonly request: CompleteTaskRequest,
  ) {
    super();
  }
}
