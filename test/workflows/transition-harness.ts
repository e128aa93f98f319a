import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle, WorkflowHandleWithSignaledRunId } from '@temporalio/client';
import { careTransitionWorkflow } from '@ct/workflows/care-transition.workflow';
import {
  adtEventSignal,
  claimStepUpdate,
  completeStepUpdate,
  referralEventSignal,
  stateQuery,
  type CareTransitionInput,
  type ReferralEvent,
  type TransitionEvent,
} from '@ct/workflows/care-transition.messages';
import { FakeTransitionActivities } from '../support/fake-transition-activities';
import { createTestWorker, startTimeSkipping } from '../support/workflow-env';

// Test dates sit in 2054-2055: the time-skipping clock only moves forward from the real now, and
// 28 years later every date falls on the same weekday (and DST rule) as in 2026-2027.
export const NEW_YORK_HOLIDAYS = ['2055-01-01', '2055-01-18', '2055-11-25', '2055-12-24'];

export interface Harness {
  env: TestWorkflowEnvironment;
  activities: FakeTransitionActivities;
  /** Moves the test server's clock forward to an instant (time skipping, no real waiting). */
  skipTo(iso: string): Promise<void>;
  start(
    event: TransitionEvent,
    overrides?: Partial<CareTransitionInput>,
  ): Promise<WorkflowHandleWithSignaledRunId<typeof careTransitionWorkflow>>;
  /** Starts (or signals) a transition with a referral event, as the orchestrator does. */
  startByReferral(
    args: CareTransitionInput,
    event: ReferralEvent,
  ): Promise<WorkflowHandleWithSignaledRunId<typeof careTransitionWorkflow>>;
  complete(handle: WorkflowHandle, stepKey: string, outcome: string): Promise<unknown>;
  /** Claims a step as BY (coordinator-1 unless given). */
  claim(handle: WorkflowHandle, stepKey: string, by?: string): Promise<unknown>;
  state(handle: WorkflowHandle): ReturnType<typeof queryState>;
}

const queryState = (handle: WorkflowHandle) => handle.query(stateQuery);

export const input = (visit: string): CareTransitionInput => ({
  transitionId: `transition:RIVERSIDE:${visit}`,
  facility: 'RIVERSIDE',
  visitNumber: visit,
  timeZone: 'America/New_York',
  holidays: NEW_YORK_HOLIDAYS,
});

/** A discharge home of an inpatient; override what a test is about. */
export function dischargeEvent(at: string, extra: Partial<TransitionEvent> = {}): TransitionEvent {
  return {
    eventId: `evt-discharge-${at}`,
    type: 'patient.discharged',
    occurredAt: at,
    dischargeAt: at,
    patientKey: 'RIVERSIDE|MRN1',
    visitNumber: 'V1',
    patientClass: 'I',
    dischargeDisposition: '01',
    diagnoses: ['K35.80'],
    ...extra,
  };
}

/**
 * Runs a test body on a fresh time-skipping server, so each test sets its own clock (a Friday
 * afternoon, a holiday eve) without depending on the real date.
 */
export async function withTransition(body: (h: Harness) => Promise<void>): Promise<FakeTransitionActivities> {
  const env = await startTimeSkipping();
  const activities = new FakeTransitionActivities();
  const taskQueue = 'transitions';
  try {
    const worker = await createTestWorker(env, taskQueue, activities.asActivities());
    const h: Harness = {
      env,
      activities,
      async skipTo(iso) {
        const gap = new Date(iso).getTime() - (await env.currentTimeMs());
        if (gap > 0) await env.sleep(gap);
      },
      start: (event, overrides) => {
        const args = { ...input(event.visitNumber ?? 'V1'), ...overrides };
        return env.client.workflow.signalWithStart(careTransitionWorkflow, {
          workflowId: args.transitionId,
          taskQueue,
          args: [args],
          signal: adtEventSignal,
          signalArgs: [event],
        });
      },
      startByReferral: (args, event) =>
        env.client.workflow.signalWithStart(careTransitionWorkflow, {
          workflowId: args.transitionId,
          taskQueue,
          args: [args],
          signal: referralEventSignal,
          signalArgs: [event],
        }),
      complete: (handle, stepKey, outcome) =>
        handle.executeUpdate(completeStepUpdate, {
          args: [{ stepKey, outcome, completedBy: 'coordinator-1' }],
        }),
      claim: (handle, stepKey, by = 'coordinator-1') =>
        handle.executeUpdate(claimStepUpdate, { args: [{ stepKey, claimedBy: by }] }),
      state: queryState,
    };
    await worker.runUntil(body(h));
  } finally {
    await env.teardown();
  }
  return activities;
}

/** Polls the workflow's state until `ready` holds: the worker runs activities between our calls. */
export async function eventuallyState(
  handle: WorkflowHandle,
  ready: (state: Awaited<ReturnType<typeof queryState>>) => boolean,
): Promise<Awaited<ReturnType<typeof queryState>>> {
  for (let i = 0; i < 200; i++) {
    const state = await queryState(handle);
    if (ready(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`state never became ready: ${JSON.stringify(await queryState(handle))}`);
}

export const stepOf = (state: Awaited<ReturnType<typeof queryState>>, key: string) =>
  state.steps.find((s) => s.key === key);
