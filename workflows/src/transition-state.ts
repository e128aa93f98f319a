import type { RecordedTransitionStatus } from '@ct/contracts';
import {
  findPathway,
  type OutreachAttemptFact,
  type OutreachMetBy,
  type PathwayDefinition,
  type StepDefinition,
  type TransitionFacts,
} from '@ct/domain/workflow-safe';

/**
 * Before its discharge (or referral) a transition waits; every later status is recorded as a
 * `transition.<status>` care event. `failed`: an activity refused its data for good (BadData),
 * recorded as a dead letter, and it ends.
 */
export type TransitionStatus = 'waiting-for-discharge' | RecordedTransitionStatus;
/** A transition whose pathway runs (paused: by a readmission, its clocks stand still). */
export type RunningStatus = Extract<TransitionStatus, 'active' | 'paused'>;
export type EndedStatus = Exclude<RecordedTransitionStatus, RunningStatus>;

export type Trigger = TransitionFacts['trigger'];

export type StepStatus = 'pending' | 'open' | 'completed' | 'expired' | 'cancelled';

interface StepFields {
  key: string;
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
  /** Outreach attempts recorded on the step (ids, codes and times), in the order they came. */
  attempts?: StepAttempt[];
  /** How an outreach step was met, once it is. */
  metBy?: OutreachMetBy;
  /** Changes of the step's task so far (ETag / If-Match); absent in state carried from before revisions. */
  revision?: number;
}

export interface StepAttempt extends OutreachAttemptFact {
  id: string;
}

export interface PendingStep extends StepFields {
  status: 'pending';
}

/** An open step is a task with a deadline. */
export interface OpenStep extends StepFields {
  status: 'open';
  openedAt: string;
  dueAt: string;
}

export interface ClosedStep extends StepFields {
  status: 'completed' | 'expired' | 'cancelled';
}

export type StepRun = PendingStep | OpenStep | ClosedStep;

/** Fact-bearing events kept so out-of-order updates fold by the time they happened. */
export interface FactEvent {
  occurredAt: string;
  patientClass?: string;
  disposition?: string;
  service?: string;
  diagnoses?: string[];
}

export interface PathwayRef {
  id: string;
  version: number;
}

interface StateFields {
  reason?: string;
  episode: string;
  patientKey?: string;
  trigger?: Trigger;
  dischargedAt?: string;
  dischargeOccurredAt?: string;
  startedAt?: string;
  cancelledAt?: string;
  referralExpiresAt?: string;
  pathway?: PathwayRef;
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

/** Waiting for its discharge (or referral), or for the pathway it chooses. */
export interface WaitingState extends StateFields {
  status: 'waiting-for-discharge';
}

/** The pathway runs: it was chosen when the trigger came, and the clocks count from the start. */
export interface ActiveState extends StateFields {
  status: 'active';
  trigger: Trigger;
  startedAt: string;
  pathway: PathwayRef;
}

/** A readmission stopped the clocks at `pausedAt`. */
export interface PausedState extends Omit<ActiveState, 'status'> {
  status: 'paused';
  pausedAt: string;
}

export interface EndedState extends StateFields {
  status: EndedStatus;
}

export type RunningState = ActiveState | PausedState;

/**
 * Everything a run needs to go on; continue-as-new carries it to the next run. The status tells
 * what else is known (the stored shape is the same for every status).
 */
export type CarriedState = WaitingState | RunningState | EndedState;

export const isRunning = (state: CarriedState) => state.status === 'active' || state.status === 'paused';

export const pathwayOf = ({ pathway }: { pathway: PathwayRef }): PathwayDefinition =>
  findPathway(pathway.id, pathway.version);

export const TERMINAL: readonly TransitionStatus[] = [
  'completed',
  'expired',
  'cancelled',
  'superseded',
  'no-outreach',
  'failed',
];

/** Later facts win field by field, by when they happened, not when they arrived. */
export function foldFacts(trigger: Trigger, events: readonly FactEvent[]): TransitionFacts {
  const facts: TransitionFacts = { trigger };
  for (const e of [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))) {
    facts.patientClass = e.patientClass ?? facts.patientClass;
    facts.disposition = e.disposition ?? facts.disposition;
    facts.service = e.service ?? facts.service;
    if (e.diagnoses?.length) facts.diagnoses = e.diagnoses;
  }
  return facts;
}

/** A pending step whose predecessors are all done, with its definition. */
export interface ReadyStep {
  def: StepDefinition;
  run: PendingStep;
}

/** Pending steps whose predecessors are all done (completed or past their outer bound), in pathway order. */
export function readySteps(pathway: PathwayDefinition, steps: readonly StepRun[]): ReadyStep[] {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const done = (key: string) => ['completed', 'expired'].includes(byKey.get(key)?.status ?? '');
  return pathway.steps.flatMap((def) => {
    const run = byKey.get(def.key);
    return run?.status === 'pending' && def.after.every(done) ? [{ def, run }] : [];
  });
}

/** Open steps, the one due soonest first. */
export function openSteps(steps: readonly StepRun[]): OpenStep[] {
  return steps.filter((s) => s.status === 'open').sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));
}

/** An open step of the transition; updates for any other step are refused. */
export function openRun(state: CarriedState, stepKey: string): OpenStep {
  const run = state.steps.find((s) => s.key === stepKey);
  if (run?.status !== 'open') throw new Error(`step ${stepKey} is not open in this transition`);
  return run;
}

export const revisionOf = (run: StepRun) => run.revision ?? 0;

/** The step's task changes: one more revision, returned for the write that records it. */
export function nextRevision(run: StepRun): number {
  run.revision = revisionOf(run) + 1;
  return run.revision;
}

export function newStepRun(key: string, role: string): PendingStep {
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
