import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '@ct/auth';

/** Nothing to send: who claims is the caller, as the access token says. */
export const claimTaskRequestSchema = z.object({}).strict();
export type ClaimTaskRequest = z.infer<typeof claimTaskRequestSchema>;

/** A coordinator takes an open task: it is assigned to them, and the timeline says so. */
export class ClaimTaskCommand extends Command<void> {
  constructor(
    readonly taskId: string,
    /** The verified caller: the claimer, and whose facilities the task must be in. */
    readonly actor: Principal,
  ) {
    super();
  }
}
