import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AdtEventType, ReferralEventType } from '@ct/contracts';
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
}

export interface CompleteStepResult {
  stepKey: string;
  accepted: boolean;
  nextStepKey?: string;
}

export interface ClaimStepRequest {
  stepKey: string;
  claimedBy: string;
}

export interface StepView {
  key: string;
  role: string;
  status: StepStatus;
  priority: string;
  dueAt?: string;
  breached: boolean;
  outcome?: string;
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
export const claimStepUpdate = defineUpdate<void, [ClaimStepRequest]>('claimStep');
export const stateQuery = defineQuery<TransitionState>('state');
