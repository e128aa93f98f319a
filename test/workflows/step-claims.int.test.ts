import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  claimStepUpdate,
  completeStepUpdate,
  reassignStepUpdate,
  unclaimStepUpdate,
} from '@ct/workflows/care-transition.messages';
import { dischargeEvent, eventuallyState, stepOf, withTransition } from './transition-harness';

const AT = '2055-01-08T21:30:00.000Z';
const stepKey = 'tcm-contact';

/** The claim rule an update was refused by, and what it said. */
async function refusal(update: Promise<unknown>) {
  const error = await update.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure))
    throw new Error(`expected a refused update, got ${String(error)}`);
  return { type: error.cause.type, details: error.cause.details?.[0] };
}

describe('claiming a step (time-skipping)', () => {
  it('of two claims sent at once exactly one wins; the other is refused naming the holder', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(AT);
      const handle = await h.start(dischargeEvent(AT));
      await eventuallyState(handle, (s) => s.currentStep === stepKey);
      const claims = ['nurse-a', 'nurse-b'].map((claimedBy) =>
        handle.executeUpdate(claimStepUpdate, { args: [{ stepKey, claimedBy }] }),
      );
      const settled = await Promise.allSettled(claims);
      const won = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      expect(won).toHaveLength(1);
      const loser = claims[settled.findIndex((s) => s.status === 'rejected')];
      expect(await refusal(loser)).toEqual({
        type: 'StepHeld',
        details: { stepKey, holder: won[0].assignee, revision: 2 },
      });
      // the holder again: a no-op success, no second write
      expect(await h.claim(handle, stepKey, won[0].assignee!)).toEqual(won[0]);
      expect(stepOf(await h.state(handle), stepKey)).toMatchObject({
        assignee: won[0].assignee,
        revision: 2,
      });
    });
    expect(activities.changed.map((c) => [c.entry.kind, c.assignee, c.revision])).toEqual([
      ['step.claimed', expect.stringMatching(/^nurse-[ab]$/), 2],
    ]);
  });

  it('unclaim by the holder, reassignment, If-Match and completion by the holder, each on the timeline', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(AT);
      const handle = await h.start(dischargeEvent(AT));
      await eventuallyState(handle, (s) => s.currentStep === stepKey);
      await h.claim(handle, stepKey, 'nurse-a');
      const unclaim = (by: string, ifMatch?: number) =>
        handle.executeUpdate(unclaimStepUpdate, { args: [{ stepKey, by, ifMatch }] });
      expect(await refusal(unclaim('nurse-b'))).toMatchObject({
        type: 'StepHeld',
        details: { holder: 'nurse-a' },
      });
      expect(await refusal(unclaim('nurse-a', 1))).toMatchObject({
        type: 'StaleRevision',
        details: { revision: 2 },
      });
      expect(await unclaim('nurse-a', 2)).toEqual({ stepKey, assignee: null, revision: 3 });
      expect(await refusal(unclaim('nurse-a'))).toMatchObject({ type: 'StepNotClaimed' });

      await h.claim(handle, stepKey, 'nurse-b');
      const reassign = (assignee: string | null) =>
        handle.executeUpdate(reassignStepUpdate, {
          args: [{ stepKey, assignee, reason: 'absence', by: 'sup-1' }],
        });
      expect(await reassign('nurse-c')).toEqual({ stepKey, assignee: 'nurse-c', revision: 5 });
      const complete = (completedBy: string, supervisor?: boolean) =>
        handle.executeUpdate(completeStepUpdate, {
          args: [{ stepKey, outcome: 'reached-patient', completedBy, supervisor }],
        });
      expect(await refusal(complete('nurse-b'))).toMatchObject({
        type: 'StepHeld',
        details: { holder: 'nurse-c' },
      });
      expect(await complete('nurse-c')).toMatchObject({ accepted: true, revision: 6 });
    });
    expect(activities.changed.map((c) => [c.entry.kind, c.assignee, c.revision, c.entry.detail])).toEqual([
      ['step.claimed', 'nurse-a', 2, { assignee: 'nurse-a', by: 'nurse-a', reason: 'self-claim' }],
      ['step.unclaimed', null, 3, { assignee: null, by: 'nurse-a', reason: 'released' }],
      ['step.claimed', 'nurse-b', 4, { assignee: 'nurse-b', by: 'nurse-b', reason: 'self-claim' }],
      [
        'step.reassigned',
        'nurse-c',
        5,
        { assignee: 'nurse-c', previous: 'nurse-b', by: 'sup-1', reason: 'absence' },
      ],
    ]);
    expect(activities.closed).toEqual([
      expect.objectContaining({ stepKey, closedBy: 'nurse-c', revision: 6 }),
    ]);
  });

  it('lets a supervisor complete a step someone else holds, and reassign it back to the pool', async () => {
    await withTransition(async (h) => {
      await h.skipTo(AT);
      const handle = await h.start(dischargeEvent(AT));
      await eventuallyState(handle, (s) => s.currentStep === stepKey);
      await h.claim(handle, stepKey, 'nurse-a');
      const pool = await handle.executeUpdate(reassignStepUpdate, {
        args: [{ stepKey, assignee: null, reason: 'workload', by: 'sup-1' }],
      });
      expect(pool).toEqual({ stepKey, assignee: null, revision: 3 });
      await h.claim(handle, stepKey, 'nurse-b');
      const done = await handle.executeUpdate(completeStepUpdate, {
        args: [{ stepKey, outcome: 'reached-patient', completedBy: 'sup-1', supervisor: true }],
      });
      expect(done).toMatchObject({ accepted: true });
    });
  });
});
