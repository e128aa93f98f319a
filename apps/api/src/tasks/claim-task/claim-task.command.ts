import { Command } from '@nestjs/cqrs';
import { z } from 'zod';

export const claimTaskRequestSchema = z.object({ claimedBy: z.string().min(1).max(100) }).strict();
export type ClaimTaskRequest = z.infer<typeof claimTaskRequestSchema>;

/** A coordinator takes an open task: it is assigned to them, and the timeline says so. */
export class ClaimTaskCommand extends Command<void> {
  constructor(
    readonly taskId: string,
    readonly request: ClaimTaskRequest,
  ) {
    super();
  }
}
