import { z } from 'zod';
import { OUTREACH_CHANNELS, OUTREACH_OUTCOMES } from '@ct/domain';
import type { OutreachAttemptEntity } from '@ct/persistence';

/** An outreach attempt as the task's coordinators see it, its note included. */
export const attemptViewSchema = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    stepKey: z.string(),
    channel: z.enum(OUTREACH_CHANNELS),
    outcome: z.enum(OUTREACH_OUTCOMES),
    contactedAt: z.iso.datetime(),
    inWindow: z
      .boolean()
      .describe("Within the step's window (discharge to deadline), so it counted toward its rule"),
    recordedBy: z.string(),
    recordedAt: z.iso.datetime(),
    note: z.string().nullable(),
  })
  .meta({ id: 'OutreachAttempt' });
export type AttemptView = z.infer<typeof attemptViewSchema>;

export const attemptListSchema = z
  .object({ items: z.array(attemptViewSchema), total: z.number().int() })
  .meta({ id: 'OutreachAttempts' });

export function toAttemptView(row: OutreachAttemptEntity): AttemptView {
  return {
    id: row.id,
    taskId: row.taskId,
    stepKey: row.stepKey,
    channel: row.channel as AttemptView['channel'],
    outcome: row.outcome as AttemptView['outcome'],
    contactedAt: row.contactedAt.toISOString(),
    inWindow: row.inWindow,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
    note: row.note,
  };
}
