import { Command } from '@nestjs/cqrs';
import { z } from 'zod';

/** Nothing to send: who claims is the caller, as the access token says. */
export const claimTaskRequestSchema = z.object({}).strict();
export type ClaimTaskRequest = z.infer<typeof claimTaskRequestSchema>;

/** A coordinator takes an open task: it is assigned to them, and the timeline says so. */
export class ClaimTaskCommand extends Command<void> {
  constructor(
    readonly taskId: string,
    /** The caller's subject id from the verified token. */
    readonly claimedBy: string,
  ) {
    super();
  }
}
