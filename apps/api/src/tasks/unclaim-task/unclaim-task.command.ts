import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '@ct/auth';
import { HANDOVER_REASONS, type StepClaimResult } from '@ct/workflows/care-transition.messages';

/** Optionally why, as a code (the timeline carries codes, never sentences); `released` if not given. */
export const unclaimTaskRequestSchema = z.object({ reason: z.enum(HANDOVER_REASONS).optional() }).strict();
export type UnclaimTaskRequest = z.infer<typeof unclaimTaskRequestSchema>;

/** The holder gives the task back to the pool of its role. */
export class UnclaimTaskCommand extends Command<StepClaimResult> {
  constructor(
    readonly taskId: string,
    readonly actor: Principal,
    readonly request: UnclaimTaskRequest,
    readonly ifMatch?: number,
  ) {
    super();
  }
}
