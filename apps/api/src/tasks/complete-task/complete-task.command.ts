import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '@ct/auth';
import type { CompleteStepResult } from '@ct/workflows/care-transition.messages';

/** Who completes is the caller, as the access token says: a body cannot name someone else. */
export const completeTaskRequestSchema = z
  .object({
    outcome: z.string().min(1).max(100),
    occurredAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe(
        'When the visit or reconciliation actually happened (default: now); not in the future, not before the discharge',
      ),
  })
  .strict();
export type CompleteTaskRequest = z.infer<typeof completeTaskRequestSchema>;

export const completeTaskResultSchema = z
  .object({
    stepKey: z.string(),
    accepted: z.boolean(),
    nextStepKey: z.string().optional(),
    revision: z.number().int().min(0),
  })
  .meta({ id: 'CompleteTaskResult' }) satisfies z.ZodType<CompleteStepResult>;

/**
 * A claimed task is completed by its holder or a supervisor; an unclaimed one by any holder of
 * the step's role (no claim needed for a quick task).
 */
export class CompleteTaskCommand extends Command<CompleteStepResult> {
  constructor(
    readonly taskId: string,
    /** The verified caller: who completes, and whose facilities the task must be in. */
    readonly actor: Principal,
    readonly request: CompleteTaskRequest,
    readonly ifMatch?: number,
  ) {
    super();
  }
}
