import { z } from 'zod';
import type { TaskEntity } from '@ct/persistence';

/** A task as coordinators see it through the API. */
export const taskViewSchema = z
  .object({
    id: z.uuid(),
    transitionId: z.string(),
    stepKey: z.string(),
    /** The pathway of its transition (`none` while not yet chosen). */
    pathway: z.string(),
    role: z.string(),
    title: z.string(),
    status: z.string(),
    priority: z.string(),
    facility: z.string(),
    patientKey: z.string(),
    dueAt: z.iso.datetime(),
    /** The clock recorded a breach, or the due time has passed while the task is open. */
    breached: z.boolean(),
    assignee: z.string().nullable(),
    outcome: z.string().nullable(),
    /** Outreach attempts recorded on it. */
    attempts: z.number().int(),
    doneAt: z.iso.datetime().nullable().describe('When its work was actually done, as the completion said'),
    metBy: z.enum(['contact', 'attempts']).nullable().describe('How an outreach step was met'),
    createdAt: z.iso.datetime(),
    /** Its step's revision: send it back as If-Match (W/"<revision>") to change only what you saw. */
    revision: z.number().int().min(0),
  })
  .meta({ id: 'Task' });
export type TaskView = z.infer<typeof taskViewSchema>;

export function toTaskView(task: TaskEntity, now = Date.now()): TaskView {
  const active = task.status === 'open' || task.status === 'claimed';
  return {
    id: task.id,
    transitionId: task.transitionId,
    stepKey: task.stepKey,
    pathway: task.pathway,
    role: task.role,
    title: task.title,
    status: task.status,
    priority: task.priority,
    facility: task.facility,
    patientKey: task.patientKey,
    dueAt: task.dueAt.toISOString(),
    breached: task.breachedAt !== null || (active && task.dueAt.getTime() <= now),
    assignee: task.assignee,
    outcome: task.outcome,
    attempts: task.attempts,
    doneAt: task.doneAt?.toISOString() ?? null,
    metBy: task.metBy,
    createdAt: task.createdAt.toISOString(),
    revision: task.revision,
  };
}
