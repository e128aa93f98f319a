import type { RecordedTransitionStatus } from '@ct/contracts';
import type { PathwayDefinition, TransitionFacts } from '@ct/domain/workflow-safe';

/**
 * Before its discharge (or referral) a transition waits; every later status is recorded as a
 * `transition.<status>` care event. `failed`: an activity refused its data for good (BadData),
 * recorded as a dead letter, and it ends.
 */
export type TransitionStatus = 'waiting-for-discharge' | RecordedTransitionStatus;

export type StepStatus = 'pending' | 'open' | 'completed' | 'expired' | 'cancelled';

export interface StepRun {
  key: string;
  status: StepStatus;
  role: string;
  priority: 'routine' | 'high' | 'urgent';
  dueAt?: string;
  expiresAt?: string;
  openedAt?: string;
  reminded: boolean;
  breached: boolean;
  /** Escalation rungs already run. */
  rungsDone: number;
  outcome?: string;
  claimedBy?: string;
}

/** Fact-bearing events kept so out-of-order updates fold by the time they happened. */
export interface FactEvent {
  occurredAt: string;
  patientClass?: string;
  disposition?: string;
  service?: string;
  diagnoses?: string[];
}

/** Everything a run needs to go on; continue-as-new carries it to the next run. */
export interface CarriedState {
  status: TransitionStatus;
  reason?: string;
  episode: string;
  patientKey?: string;
  trigger?: 'discharge' | 'referral';
  dischargedAt?: string;
  dischargeOccurredAt?: string;
  startedAt?: string;
  cancelledAt?: string;
  referralExpiresAt?: string;
  pathway?: { id: string; version: number };
  horizonAt?: string;
  pausedAt?: string;
  facts: FactEvent[];
  /** Open referrals that joined this visit's discharge (home care): they choose the pathway too. */
  referrals?: { id: string; type: string; occurredAt: string }[];
  steps: StepRun[];
  seen: string[];
  eventsSeen: number;
  seq: number;
}

/** A transition whose pathway runs (paused: by a readmission, its clocks stand still). */
export type RunningStatus = Extract<TransitionStatus, 'active' | 'paused'>;
export type EndedStatus = Exclude<RecordedTransitionStatus, RunningStatus>;

export const isRunning = (status: TransitionStatus) => status === 'active' || status === 'paused';

export const TERMINAL: readonly TransitionStatus[] = [
  'completed',
  'expired',
  'cancelled',
  'superseded',
  'no-outreach',
  'failed',
];

/** Later facts win field by field, by when they happened, not when they arrived. */
export function foldFacts(trigger: 'discharge' | 'referral', events: readonly FactEvent[]): TransitionFacts {
  const facts: TransitionFacts = { trigger };
  for (const e of [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))) {
    facts.patientClass = e.patientClass ?? facts.patientClass;
    facts.disposition = e.disposition ?? facts.disposition;
    facts.service = e.service ?? facts.service;
    if (e.diagnoses?.length) facts.diagnoses = e.diagnoses;
  }
  return facts;
}

/** Pending steps whose predecessors are all done (completed or past their outer bound). */
export function readySteps(pathway: PathwayDefinition, steps: readonly StepRun[]): string[] {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const done = (key: string) => ['completed', 'expired'].includes(byKey.get(key)?.status ?? '');
  return pathway.steps
    .filter((def) => byKey.get(def.key)?.status === 'pending' && def.after.every(done))
    .map((def) => def.key);
}

export function newStepRun(key: string, role: string): StepRun {
  return {
    key,
    status: 'pending',
    role,
    priority: 'routine',
    reminded: false,
    breached: false,
    rungsDone: 0,
  };
}

export const hours = (n: number) => n * 3_600_000;
export const at = (iso: string) => new Date(iso).getTime();
