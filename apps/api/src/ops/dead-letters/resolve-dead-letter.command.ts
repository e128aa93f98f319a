import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import type { DeadLetterView } from './list-dead-letters.query';

export const discardBodySchema = z.object({ reason: z.string().trim().min(3).max(500) }).strict();
export type DiscardBody = z.infer<typeof discardBodySchema>;

/** Ask for a replay (the orchestrator runs it) or discard with a reason; `actor` is the token's subject. */
export class ResolveDeadLetterCommand extends Command<DeadLetterView> {
  constructor(
    readonly id: string,
    readonly action: 'replay' | 'discard',
    readonly actor: string,
    readonly reason?: string,
  ) {
    super();
  }
}
