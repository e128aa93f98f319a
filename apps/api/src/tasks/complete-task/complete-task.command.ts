import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import type { CompleteStepResult } from '@ct/workflows/care-transition.messages';

export const completeTaskRequestSchema = z.object({
  outcome: z.string().min(1).max(100),
  completedBy: z.string().min(1).max(100),
});
export type CompleteTaskRequest = z.infer<typeof completeTaskRequestSchema>;

export class CompleteTaskCommand extends Command<CompleteStepResult> {
  constructor(
    readonly taskId: string,
    readonly request: CompleteTaskRequest,
  ) {
    super();
  }
}
