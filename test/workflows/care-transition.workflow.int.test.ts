import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { careTransitionWorkflow } from '@ct/workflows/care-transition.workflow';
import {
  adtEventSignal,
  completeStepUpdate,
  stateQuery,
  type CareTransitionInput,
  type TransitionEvent,
} from '@ct/workflows/care-transition.messages';
import { FakeTransitionActivities } from '../support/fake-transition-activities';
import { createTestWorker, startTimeSkipping } from '../support/workflow-env';

const taskQueue = 'workflow-test';
const input = (visit: string): CareTransitionInput => ({
  transitionId: `transition:RIVERSIDE:${visit}`,
  facility: 'RIVERSIDE',
  visitNumber: visit,
  timeZone: 'America/New_York',
  holidays: ['2054-11-26'],
});
// Friday 2055-01-08, 16:30 in New York (the test server's clock is moved there first)
const discharge: TransitionEvent = {
  eventId: 'evt-discharge',
  type: 'patient.discharged',
  occurredAt: '2055-01-08T21:30:00.000Z',
  dischargeAt: '2055-01-08T21:30:00.000Z',
  patientKey: 'RIVERSIDE|MRN1',
  patientClass: 'I',
  dischargeDisposition: '01',
};

describe('careTransitionWorkflow (Temporal time-skipping server)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkipping();
    await env.sleep(new Date(discharge.occurredAt).getTime() - (await env.currentTimeMs()));
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function run(visit: string, body: (activities: FakeTransitionActivities) => Promise<void>) {
    const activities = new FakeTransitionActivities();
    const worker = await createTestWorker(env, taskQueue, activities.asActivities());
    await worker.runUntil(body(activities));
    return activities;
  }

  const start = (visit: string, event: TransitionEvent = discharge) =>
    env.client.workflow.signalWithStart(careTransitionWorkflow, {
      workflowId: input(visit).transitionId,
      taskQueue,
      args: [input(visit)],
      signal: adtEventSignal,
      signalArgs: [event],
    });

  it('opens the TCM contact task due at the end of the second business day, once per event id', async () => {
    const activities = await run('V1', async () => {
      const handle = await start('V1');
      await start('V1'); // redelivered discharge: same workflow, same event id
      await handle.query(stateQuery);
      const state = await handle.query(stateQuery);
      expect(state).toMatchObject({ status: 'active', currentStep: 'tcm-contact', eventsSeen: 1 });
      expect(state.dueAt).toBe('2055-01-13T05:00:00.000Z'); // Mon 11, Tue 12 -> end of Tuesday EST
    });
    expect(activities.opened).toHaveLength(1);
    expect(activities.opened[0]).toMatchObject({ stepKey: 'tcm-contact', role: 'transitional-care-nurse' });
    expect(activities.recorded[0]).toMatchObject({ status: 'active', dischargedAt: discharge.dischargeAt });
  });

  it('refuses a completion with a reason, and moves on when the outcome allows it', async () => {
    const activities = await run('V2', async () => {
      const handle = await start('V2');
      const wrongStep = handle.executeUpdate(completeStepUpdate, {
        args: [{ stepKey: 'follow-up-visit', outcome: 'visit-held', completedBy: 'u1' }],
      });
      await expect(wrongStep).rejects.toThrow(WorkflowUpdateFailedError);
      const badOutcome = await handle
        .executeUpdate(completeStepUpdate, {
          args: [{ stepKey: 'tcm-contact', outcome: 'done', completedBy: 'u1' }],
        })
        .catch((error: WorkflowUpdateFailedError) => error.cause?.message);
      expect(badOutcome).toMatch(/outcome done is not valid.*reached-patient, unable-to-reach/);

      const retry = await handle.executeUpdate(completeStepUpdate, {
        args: [{ stepKey: 'tcm-contact', outcome: 'unable-to-reach', completedBy: 'u1' }],
      });
      expect(retry).toEqual({ stepKey: 'tcm-contact', accepted: false, revision: 1 });
      expect((await handle.query(stateQuery)).currentStep).toBe('tcm-contact');

      const done = await handle.executeUpdate(completeStepUpdate, {
        args: [{ stepKey: 'tcm-contact', outcome: 'reached-patient', completedBy: 'u1' }],
      });
      expect(done).toEqual({
        stepKey: 'tcm-contact',
        accepted: true,
        nextStepKey: 'follow-up-visit',
        revision: 2,
      });
      const state = await handle.query(stateQuery);
      expect(state.currentStep).toBe('follow-up-visit');
      expect(state.dueAt).toBe('2055-01-23T05:00:00.000Z'); // 14 calendar days after Jan 8, end of day
    });
    expect(activities.closed).toEqual([
      expect.objectContaining({ stepKey: 'tcm-contact', status: 'completed' }),
    ]);
    // med rec runs alongside the visit, due no later than it
    expect(activities.opened.map((t) => t.stepKey).sort()).toEqual([
      'follow-up-visit',
      'medication-reconciliation',
      'tcm-contact',
    ]);
  });

  it('cancels the open task when the discharge is cancelled (A13), keeping the reason', async () => {
    const activities = await run('V3', async () => {
      const handle = await start('V3');
      await env.sleep('3 days'); // time skips: the transition waits, nothing else happens
      await handle.signal(adtEventSignal, {
        ...discharge,
        eventId: 'evt-cancel',
        type: 'discharge.cancelled',
      });
      expect(await handle.result()).toMatchObject({ status: 'cancelled' });
    });
    expect(activities.closed).toEqual([
      expect.objectContaining({
        stepKey: 'tcm-contact',
        status: 'cancelled',
        outcome: 'discharge-cancelled',
      }),
    ]);
    expect(activities.recorded.at(-1)).toMatchObject({ status: 'cancelled' });
  });
});
