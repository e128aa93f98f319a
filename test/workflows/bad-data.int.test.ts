import { WorkflowUpdateFailedError } from '@temporalio/client';
import { dischargeEvent, eventuallyState, withTransition } from './transition-harness';

const DISCHARGE = '2055-02-02T15:00:00.000Z'; // Tuesday 10:00 in New York

describe('data the database refuses for good ends the transition as failed (time-skipping)', () => {
  it('a refused task is tried once, then the transition records why and ends failed', async () => {
    const activities = await withTransition(async (h) => {
      h.activities.refuseData.add('openTask');
      await h.skipTo(DISCHARGE);
      const handle = await h.start(dischargeEvent(DISCHARGE));
      const result = await handle.result();
      expect(result.status).toBe('failed');
      expect(result.reason).toMatch(
        /^bad data in openTask: the database refused the data: QueryFailedError \(22021\)/,
      );
    });
    expect(activities.calls.get('openTask')).toBe(1);
    expect(activities.failures).toEqual([
      expect.objectContaining({
        transitionId: 'transition:RIVERSIDE:V1',
        activity: 'openTask',
        reason: expect.stringContaining('22021'),
      }),
    ]);
    expect(activities.kinds()).toContain('transition.failed');
  });

  it('a refused completion rejects that update and ends the transition failed, once', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(DISCHARGE);
      const handle = await h.start(dischargeEvent(DISCHARGE));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      h.activities.refuseData.add('closeTask');
      const completion = h.complete(handle, 'tcm-contact', 'reached-patient');
      await expect(completion).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(completion).rejects.toMatchObject({
        cause: { message: expect.stringContaining('bad data in closeTask') },
      });
      expect(await handle.result()).toMatchObject({ status: 'failed' });
    });
    expect(activities.calls.get('closeTask')).toBe(1);
    expect(activities.failures.map((f) => f.activity)).toEqual(['closeTask']);
  });

  it('an error that is not the data (a crash after the write) is still retried, and the step opens', async () => {
    await withTransition(async (h) => {
      h.activities.failOnce.add('changeTask');
      await h.skipTo(DISCHARGE);
      const handle = await h.start(dischargeEvent(DISCHARGE));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      await h.skipTo('2055-02-06T00:00:00.000Z'); // past the contact's deadline: the breach changes the task
      const state = await eventuallyState(handle, (s) => s.steps.some((x) => x.breached));
      expect(state.status).toBe('active');
      expect(h.activities.failures).toEqual([]);
    });
  });
});
