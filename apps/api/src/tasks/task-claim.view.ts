import { z } from 'zod';
import type { StepClaimResult } from '@ct/workflows/care-transition.messages';

/** Who holds a task after a claim, unclaim or reassignment, and its revision (also the ETag header). */
export const taskClaimSchema = z
  .object({
    stepKey: z.string(),
    assignee: z.string().nullable(),
    revision: z.number().int().min(0),
  })
  .meta({ id: 'TaskClaim' }) satisfies z.ZodType<StepClaimResult>;
