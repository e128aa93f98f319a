import { z } from 'zod';
import type { TimelineEntryEntity, TransitionEntity } from '@ct/persistence';
import { taskViewSchema, type TaskView } from '../tasks/task.view';

const timelineEntrySchema = z.object({
  kind: z.string(),
  stepKey: z.string().nullable(),
  occurredAt: z.iso.datetime(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

/** A transition as operations see it: its read-model state, its tasks and its timeline. */
export const transitionViewSchema = z
  .object({
    id: z.string(),
    facility: z.string(),
    pathway: z.string(),
    status: z.string(),
    reason: z.string().nullable(),
    dischargedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
    tasks: z.array(taskViewSchema),
    timeline: z.array(timelineEntrySchema),
  })
  .meta({ id: 'Transition' });
export type TransitionView = z.infer<typeof transitionViewSchema>;

export function toTransitionView(
  transition: TransitionEntity,
  tasks: TaskView[],
  timeline: TimelineEntryEntity[],
): TransitionView {
  return {
    id: transition.id,
    facility: transition.facility,
    pathway: transition.pathway,
    status: transition.status,
    reason: transition.reason,
    dischargedAt: transition.dischargedAt?.toISOString() ?? null,
    updatedAt: transition.updatedAt.toISOString(),
    tasks,
    timeline: timeline.map((e) => ({
      kind: e.kind,
      stepKey: e.stepKey,
      occurredAt: e.occurredAt.toISOString(),
      detail: e.detail,
    })),
  };
}
