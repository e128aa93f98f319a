import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { careTransitionWorkflow } from '@ct/workflows/care-transition.workflow';
import { adtEventSignal, completeStepUpdate } from '@ct/workflows/care-transition.messages';
import { FakeTransitionActivities } from '../support/fake-transition-activities';
import { testEnv } from '../support/test-env';
import { workflowBundle } from '../support/workflow-env';
import { dischargeEvent, eventuallyState, input } from './transition-harness';

/**
 * On the dev server, not the time-skipping one: nothing here waits on a clock, and the Java test
 * server holds queries and updates to a run continued right after local activities for ~90 s.
 */
describe('continue-as-new (dev server)', () => {
  it('continues as new when the history grows, carrying steps and seen events', async () => {
    const taskQueue = `can-${randomUUID()}`;
    const connection = await NativeConnection.connect({ address: testEnv.temporalAddress });
    const clientConnection = await Connection.connect({ address: testEnv.temporalAddress });
    const client = new Client({ connection: clientConnection });
    const worker = await Worker.create({
      connection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: new FakeTransitionActivities().asActivities(),
    });
    const visit = `V-${randomUUID()}`;
    const args = { ...input(visit), maxEventsPerRun: 3 };
    const discharge = { ...dischargeEvent(new Date().toISOString()), visitNumber: visit };
    const start = () =>
      client.workflow.signalWithStart(careTransitionWorkflow, {
        workflowId: args.transitionId,
        taskQueue,
        args: [args],
        signal: adtEventSignal,
        signalArgs: [discharge],
      });
    try {
      await worker.runUntil(async () => {
        const handle = await start();
        await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
        for (let i = 0; i < 4; i++) {
          const at = new Date().toISOString();
          await handle.signal(adtEventSignal, {
            ...discharge,
            eventId: `transfer-${i}`,
            type: 'patient.transferred',
            occurredAt: at,
          });
        }
        await start(); // the discharge redelivered after the new run began: dropped as seen
        const latest = client.workflow.getHandle(args.transitionId);
        for (let i = 0; i < 200 && (await latest.describe()).runId === handle.signaledRunId; i++) {
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        expect((await latest.describe()).runId).not.toBe(handle.signaledRunId);
        const carried = await eventuallyState(latest, (s) => s.eventsSeen === 5);
        expect(carried.currentStep).toBe('tcm-contact');
        await latest.executeUpdate(completeStepUpdate, {
          args: [{ stepKey: 'tcm-contact', outcome: 'reached-patient', completedBy: 'coordinator-1' }],
        });
        await eventuallyState(latest, (s) => s.currentStep === 'follow-up-visit');
        await latest.terminate('test done');
      });
    } finally {
      await clientConnection.close();
      await connection.close();
    }
  });
});
