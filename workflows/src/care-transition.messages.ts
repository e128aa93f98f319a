import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/** What the orchestrator tells a running transition about an ADT event (ids and codes, no names). */
export interface TransitionEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  patientKey: string;
  dischargeAt?: string;
  dischargeDisposition?: string;
  patientClass?: string;
}

export interface CareTransitionInput {
  transitionId: string;
  facility: string;
  visitNumber: string;
  timeZone: string;
  holidays: string[];
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

export interface TransitionState {
  status: 'waiting-for-discharge' | 'active' | 'completed' | 'cancelled';
  pathwayId?: string;
  currentStep?: string;
  dueAt?: string;
  eventsSeen: number;
}

export const adtEventSignal = defineSignal<[TransitionEvent]>('adtEvent');
export const completeStepUpdate = defineUpdate<CompleteStepResult, [CompleteStepRequest]>('completeStep');
export const stateQuery = defineQuery<TransitionState>('state');
