/** The activities a care transition calls; implemented in apps/worker. Types only here. */
import type { CareEventType, RecordedTransitionStatus } from '@ct/contracts';
import type { OutreachChannel, OutreachMetBy, OutreachOutcome } from '@ct/domain/workflow-safe';

/** One line of a transition's timeline; written with an outbox record for care.events.v1. */
export interface TimelineEntry {
  /** The care.events.v1 event type the entry is published as. */
  kind: CareEventType;
  stepKey?: string;
  occurredAt: string;
  /** transition + episode + kind + step (+ rung): a retried activity writes nothing twice. */
  dedupeKey: string;
  /** Ids and codes only, never patient details. */
  detail?: Record<string, string | number | boolean | null>;
}

interface TransitionRef {
  transitionId: string;
  facility: string;
  pathway: string | null;
}

export interface OpenTaskInput extends TransitionRef {
  stepKey: string;
  role: string;
  title: string;
  patientKey: string;
  dueAt: string;
  /** The workflow chain's first run id: a re-discharge after A13 reopens the same step. */
  episode: string;
  /** The step's revision (ETag); absent from activities scheduled before revisions. */
  revision?: number;
  entry: TimelineEntry;
}

export interface CloseTaskInput extends TransitionRef {
  stepKey: string;
  status: 'completed' | 'cancelled';
  outcome: string;
  closedBy: string;
  /** When the work was actually done (completed steps); the write's time when absent. */
  doneAt?: string;
  /** How an outreach step was met. */
  metBy?: OutreachMetBy;
  revision?: number;
  entry: TimelineEntry;
}

/** One outreach attempt on a step's task; `attemptId` makes a retried write a no-op. */
export interface RecordAttemptInput extends TransitionRef {
  attemptId: string;
  stepKey: string;
  episode: string;
  channel: OutreachChannel;
  outcome: OutreachOutcome;
  contactedAt: string;
  recordedBy: string;
  inWindow: boolean;
  entry: TimelineEntry;
}

export interface ChangeTaskInput extends TransitionRef {
  stepKey: string;
  role?: string;
  priority?: 'high' | 'urgent';
  dueAt?: string;
  /** The holder (status claimed), or null: back to the pool (status open). */
  assignee?: string | null;
  breached?: boolean;
  /** The step's revision after this change: an older change arriving late does not move the holder back. */
  revision?: number;
  entry: TimelineEntry;
}

export interface RecordTransitionInput extends TransitionRef {
  patientKey: string;
  status: RecordedTransitionStatus;
  dischargedAt?: string;
  reason?: string;
  entries: TimelineEntry[];
}

export interface RecordTimelineInput extends TransitionRef {
  entries: TimelineEntry[];
}

/** A write refused its data for good: the transition ends as failed, kept as a dead letter. */
export interface RecordFailureInput extends TransitionRef {
  activity: string;
  /** Why, without patient details (the worker scrubs the database's message). */
  reason: string;
  entry: TimelineEntry;
}

/** The type of the non-retryable failure an activity raises when the database refuses its data. */
export const BAD_DATA = 'BadData';

export interface TransitionActivities {
  openTask(input: OpenTaskInput): Promise<{ taskId: string }>;
  closeTask(input: CloseTaskInput): Promise<{ changed: boolean }>;
  /** Claims, escalations (reassign, priority), reschedules and breaches of one task. */
  changeTask(input: ChangeTaskInput): Promise<{ changed: boolean }>;
  /** An outreach attempt row, the task's count and a timeline entry, in one transaction. */
  recordAttempt(input: RecordAttemptInput): Promise<{ recorded: boolean }>;
  sendReminder(input: RecordTimelineInput): Promise<void>;
  recordTransition(input: RecordTransitionInput): Promise<void>;
  recordTimeline(input: RecordTimelineInput): Promise<void>;
  recordFailure(input: RecordFailureInput): Promise<void>;
}
