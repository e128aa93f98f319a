import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '@ct/auth';
import { freeText } from '@ct/contracts';
import { OUTREACH_CHANNELS, OUTREACH_OUTCOMES } from '@ct/domain';
import { NOTE_MAX_LENGTH } from '@ct/persistence';
import type { RecordAttemptResult } from '@ct/workflows/care-transition.messages';

/** Who made the attempt is the caller, as the access token says. */
export const recordAttemptRequestSchema = z
  .object({
    channel: z.enum(OUTREACH_CHANNELS),
    outcome: z.enum(OUTREACH_OUTCOMES),
    contactedAt: z.iso
      .datetime({ offset: true })
      .describe('When the contact was made: not in the future, not before the discharge'),
    note: freeText(NOTE_MAX_LENGTH).min(1).optional().describe('Free text; kept with the attempt only'),
  })
  .strict()
  .meta({ id: 'RecordAttemptRequest' });
export type RecordAttemptRequest = z.infer<typeof recordAttemptRequestSchema>;

export const recordAttemptResultSchema = z
  .object({
    stepKey: z.string(),
    attemptId: z.uuid(),
    attempts: z.number().int().describe('Attempts on the task so far, this one included'),
    inWindow: z.boolean(),
    metBy: z
      .enum(['contact', 'attempts'])
      .optional()
      .describe('Set when this attempt met (completed) the step'),
    nextStepKey: z.string().optional(),
  })
  .meta({ id: 'RecordAttemptResult' }) satisfies z.ZodType<RecordAttemptResult>;

export class RecordAttemptCommand extends Command<RecordAttemptResult> {
  constructor(
    readonly taskId: string,
    readonly actor: Principal,
    readonly request: RecordAttemptRequest,
  ) {
    super();
  }
}
