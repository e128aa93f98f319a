import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '@ct/auth';
import { idText } from '@ct/contracts';
import { HANDOVER_REASONS, type StepClaimResult } from '@ct/workflows/care-transition.messages';

/** To whom (a subject id, as in tokens), or `null`: back to the pool; why, as a code. */
export const reassignTaskRequestSchema = z
  .object({ assignee: idText(255).nullable(), reason: z.enum(HANDOVER_REASONS) })
  .strict()
  .meta({ id: 'ReassignTaskRequest' });
export type ReassignTaskRequest = z.infer<typeof reassignTaskRequestSchema>;

/** A supervisor hands a task to a named person or back to the pool, whoever holds it now. */
export class ReassignTaskCommand extends Command<StepClaimResult> {
  constructor(
    readonly taskId: string,
    readonly actor: Principal,
    readonly request: ReassignTaskRequest,
    readonly ifMatch?: number,
  ) {
    super();
  }
}
