import type { TimelineEntryEntity, TransitionEntity } from '@ct/persistence';
import type { TaskView } from '../tasks/task.view';

/** A transition as operations see it: its read-model state, its tasks and its timeline. */
export interface TransitionView {
  id: string;
  facility: string;
  pathway: string;
  status: string;
  reason: string | null;
  dischargedAt: string | null;
  updatedAt: string;
  tasks: TaskView[];
  timeline: {
    kind: string;
    stepKey: string | null;
    occurredAt: string;
    detail: Record<string, string | number | boolean | null>;
  }[];
}

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
