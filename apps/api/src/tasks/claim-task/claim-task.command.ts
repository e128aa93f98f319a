import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '@ct/auth';
import type { StepClaimResult } from '@ct/workflows/care-transition.messages';

/** Nothing to send: who claims is the caller, as the access token says. */
export const claimTaskRequestSchema = z.object({}).strict();
export type ClaimTaskRequest = z.infer<typeof claimTaskRequestSchema>;

/** A holder of the step's role takes an open task: it is theirs until they unclaim it or a supervisor moves it. */
export class ClaimTaskCommand extends Command<StepClaimResult> {
  constructor(
    readonly taskId: string,
    /** The verified caller: its subject becomes the assignee; the task must be in its facilities. */
    readonly actor: Principal,
    /** The revision from If-Match, if sent. */
    readonly ifMatch?: number,
  ) {
    super();
  }
}
