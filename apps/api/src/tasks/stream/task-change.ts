import { z } from 'zod';

/** The NOTIFY channel of migration 1765600000000's trigger on tasks. */
export const TASK_CHANGES_CHANNEL = 'ct_task_changes';

const instant = z.string().transform((value, ctx) => {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'not a time' });
    return z.NEVER;
  }
  return at.toISOString();
});

/** One task as it is now, ids and codes only: what a worklist screen needs to update a row. */
export const taskChangeSchema = z
  .object({
    id: z.uuid(),
    transitionId: z.string(),
    stepKey: z.string(),
    facility: z.string(),
    role: z.string(),
    status: z.enum(['open', 'claimed', 'completed', 'cancelled']),
    priority: z.string(),
    /** The token subject holding it, if any. */
    assignee: z.string().nullable(),
    dueAt: instant,
    breachedAt: instant.nullable(),
    /** The task's revision (ETag) where the schema has one; null otherwise. */
    revision: z.union([z.number(), z.string()]).nullable().default(null),
    updatedAt: instant,
  })
  .meta({ id: 'TaskChange' });
export type TaskChange = z.infer<typeof taskChangeSchema>;

/** A NOTIFY payload, or undefined for one that is not a task change (nothing of it is logged). */
export function parseTaskChange(payload: string | undefined): TaskChange | undefined {
  if (!payload) return undefined;
  try {
    const parsed = taskChangeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
