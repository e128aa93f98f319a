import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AdtEventType, ReferralEventType } from '@ct/contracts';
import type { OutreachChannel, OutreachMetBy, OutreachOutcome } from '@ct/domain/workflow-safe';
import type { CarriedState, StepStatus, TransitionStatus } from './transition-state';

/** What the orchestrator tells a running transition about an ADT event (ids and codes, no names). */
export interface TransitionEvent {
  eventId: string;
  type: AdtEventType;
  occurredAt: string;
  patientKey: string;
  visitNumber?: string;
  dischargeAt?: string;
  admitAt?: string;
  dischargeDisposition?: string;
  patientClass?: string;
  hospitalService?: string;
  /** ICD-10 codes, primary first. */
  diagnoses?: string[];
}

/** A referral event (REF^I12/I13/I14, topic referral.events.v1) for a referral transition. */
export interface ReferralEvent {
  eventId: string;
  type: ReferralEventType;
  occurredAt: string;
  patientKey: string;
  referralId: string;
  /** The visit the referral names (PV1-19), if any. */
  visitNumber?: string;
  /** RF1-3 referral type code (HL7 table 0281: HOM home care, MED, PSY ...). */
  referralType?: string;
  /** The end of the window the referral asks to be scheduled in (RF1-8). */
  expiresAt?: string;
}

export interface CareTransitionInput {
  transitionId: string;
  facility: string;
  visitNumber: string;
  timeZone: string;
  holidays: string[];
  /** State carried over by continue-as-new. */
  carried?: CarriedState;
  /** Events applied in one run before it continues as new (tests set it low). */
  maxEventsPerRun?: number;
}

export interface CompleteStepRequest {
  stepKey: string;
  outcome: string;
  completedBy: string;
  /** When the visit or reconciliation actually happened (default: now); not before the discharge. */
  occurredAt?: string;
  /** The api found a supervisor role in the caller's token: a step claimed by another may be completed. */
  supervisor?: boolean;
  /** The step's revision the caller saw (If-Match); absent: no check. */
  ifMatch?: number;
}

export interface CompleteStepResult {
  stepKey: string;
  accepted: boolean;
  nextStepKey?: string;
  /** The step's revision after it (ETag). */
  revision: number;
}

/** An outreach attempt: codes and times only (its note stays in the api's table, out of Temporal). */
export interface RecordAttemptRequest {
  /** Made by the api; also the update id, so a resent request is one attempt. */
  attemptId: string;
  stepKey: string;
  channel: OutreachChannel;
  outcome: OutreachOutcome;
  contactedAt: string;
  recordedBy: string;
}

export interface RecordAttemptResult {
  stepKey: string;
  attemptId: string;
  /** Attempts recorded on the step so far, this one included. */
  attempts: number;
  /** Whether it falls in the step's window (discharge to deadline) and so counts toward its rule. */
  inWindow: boolean;
  /** Set when this attempt met the step (it completed). */
  metBy?: OutreachMetBy;
  nextStepKey?: string;
}

export interface ClaimStepRequest {
  stepKey: string;
  claimedBy: string;
  ifMatch?: number;
}

/**
 * Why a step changed hands: codes, never free text, since the timeline goes to care.events.v1
 * and a sentence could carry a patient's name.
 */
export const HANDOVER_REASONS = [
  'shift-change',
  'workload',
  'absence',
  'skill-mix',
  'patient-preference',
  'escalation',
  'other',
] as const;
export type HandoverReason = (typeof HANDOVER_REASONS)[number];

/** The holder gives a claimed step back to the pool. */
export interface UnclaimStepRequest {
  stepKey: string;
  by: string;
  reason?: HandoverReason;
  ifMatch?: number;
}

/** A supervisor (checked by the api) hands a step to someone, or back to the pool (`assignee: null`). */
export interface ReassignStepRequest {
  stepKey: string;
  assignee: string | null;
  reason: HandoverReason;
  by: string;
  ifMatch?: number;
}

/** Who holds a step after a claim, unclaim or reassignment, and its revision (ETag). */
export interface StepClaimResult {
  stepKey: string;
  assignee: string | null;
  revision: number;
}

/**
 * The types of the ApplicationFailure a claim rule refuses an update with (its details: one
 * StepRefusalDetails): StepHeld, someone else holds the step; StepNotClaimed, nobody does;
 * StaleRevision, the step changed since the caller's If-Match.
 */
export const STEP_REFUSALS = ['StepHeld', 'StepNotClaimed', 'StaleRevision'] as const;
export type StepRefusal = (typeof STEP_REFUSALS)[number];
export interface StepRefusalDetails {
  stepKey: string;
  holder: string | null;
  revision: number;
}

export interface StepView {
  key: string;
  role: string;
  status: StepStatus;
  priority: string;
  dueAt?: string;
  breached: boolean;
  outcome?: string;
  /** Outreach attempts recorded on the step. */
  attempts: number;
  metBy?: OutreachMetBy;
  assignee?: string;
  revision: number;
}

export interface TransitionState {
  status: TransitionStatus;
  reason?: string;
  pathwayId?: string;
  pathwayVersion?: number;
  /** The open step due soonest, and its due time. */
  currentStep?: string;
  dueAt?: string;
  eventsSeen: number;
  steps: StepView[];
}

/** The workflow type the orchestrator starts, and its signature (care-transition.workflow.ts checks both). */
export const CARE_TRANSITION_WORKFLOW = 'careTransitionWorkflow';
export type CareTransitionWorkflow = (input: CareTransitionInput) => Promise<TransitionState>;

export const adtEventSignal = defineSignal<[TransitionEvent]>('adtEvent');
export const referralEventSignal = defineSignal<[ReferralEvent]>('referralEvent');
export const completeStepUpdate = defineUpdate<CompleteStepResult, [CompleteStepRequest]>('completeStep');
export const claimStepUpdate = defineUpdate<StepClaimResult, [ClaimStepRequest]>('claimStep');
export const unclaimStepUpdate = defineUpdate<StepClaimResult, [UnclaimStepRequest]>('unclaimStep');
export const reassignStepUpdate = defineUpdate<StepClaimResult, [ReassignStepRequest]>('reassignStep');
export const recordAttemptUpdate = defineUpdate<RecordAttemptResult, [RecordAttemptRequest]>('recordAttempt');
/** The validator's refusal of a time (in the future, before the discharge): the api answers 422. */
export const INVALID_TIME = 'InvalidTime';
export const stateQuery = defineQuery<TransitionState>('state');
