import type { TaskEntity } from '@ct/persistence';

/** A task as coordinators see it through the API. */
export interface TaskView {
  id: string;
  transitionId: string;
  stepKey: string;
  role: string;
  title: string;
  status: string;
  priority: string;
  facility: string;
  patientKey: string;
  dueAt: string;
  assignee: string | null;
  outcome: string | null;
  createdAt: string;
}

export function toTaskView(task: TaskEntity): TaskView {
  return {
    id: task.id,
    transitionId: task.transitionId,
    stepKey: task.stepKey,
    role: task.role,
    title: task.title,
    status: task.status,
    priority: task.priority,
    facility: task.facility,
    patientKey: task.patientKey,
    dueAt: task.dueAt.toISOString(),
    assignee: task.assignee,
    outcome: task.outcome,
    createdAt: task.createdAt.toISOString(),
  };
}
