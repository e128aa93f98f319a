/** The activities a care transition calls; implemented in apps/worker. Types only here. */
export interface OpenTaskInput {
  transitionId: string;
  stepKey: string;
  role: string;
  title: string;
  facility: string;
  patientKey: string;
  dueAt: string;
}

export interface CloseTaskInput {
  transitionId: string;
  stepKey: string;
  status: 'completed' | 'cancelled';
  outcome: string;
  closedBy: string;
}

export interface RecordTransitionInput {
  transitionId: string;
  facility: string;
  patientKey: string;
  pathway: string;
  status: 'active' | 'completed' | 'cancelled';
  dischargedAt?: string;
}

export interface TransitionActivities {
  openTask(input: OpenTaskInput): Promise<{ taskId: string }>;
  closeTask(input: CloseTaskInput): Promise<{ changed: boolean }>;
  recordTransition(input: RecordTransitionInput): Promise<void>;
}
