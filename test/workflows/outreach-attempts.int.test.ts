import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import {
  completeStepUpdate,
  recordAttemptUpdate,
  type RecordAttemptRequest,
} from '@ct/workflows/care-transition.messages';
import { dischargeEvent, eventuallyState, stepOf, withTransition } from './transition-harness';

// Friday 2055-01-08, 16:30 in New York; tcm-contact is due at the end of Tuesday 12 (2055-01-13T05:00Z)
const FRIDAY_AFTERNOON = '2055-01-08T21:30:00.000Z';
const MONDAY = '2055-01-11T15:00:00.000Z';
const TUESDAY = '2055-01-12T15:00:00.000Z';
const WEDNESDAY = '2055-01-13T15:00:00.000Z';

const attempt = (
  handle: WorkflowHandle,
  outcome: RecordAttemptRequest['outcome'],
  contactedAt: string,
  attemptId = randomUUID(),
) =>
  handle.executeUpdate(recordAttemptUpdate, {
    updateId: attemptId,
    args: [
      { attemptId, stepKey: 'tcm-contact', channel: 'phone', outcome, contactedAt, recordedBy: 'nurse-1' },
    ],
  });

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: WorkflowUpdateFailedError) => ({
      type: (e.cause as { type?: string })?.type,
      message: e.cause?.message,
    }),
  );

describe('outreach attempts and the TCM contact rule (time-skipping)', () => {
  it('two unsuccessful attempts in the window meet the step, at the second one; one alone does not', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(FRIDAY_AFTERNOON);
      const handle = await h.start(dischargeEvent(FRIDAY_AFTERNOON));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      await h.skipTo(TUESDAY);
      const first = await attempt(handle, 'no-answer', MONDAY);
      expect(first).toEqual(expect.objectContaining({ attempts: 1, inWindow: true }));
      expect(first.metBy).toBeUndefined();
      expect(stepOf(await h.state(handle), 'tcm-contact')).toMatchObject({ status: 'open', attempts: 1 });

      const second = await attempt(handle, 'left-message', '2055-01-12T14:00:00.000Z');
      expect(second).toMatchObject({ attempts: 2, metBy: 'attempts', nextStepKey: 'follow-up-visit' });
      const state = await eventuallyState(handle, (s) => stepOf(s, 'follow-up-visit')?.status === 'open');
      expect(stepOf(state, 'tcm-contact')).toMatchObject({
        status: 'completed',
        metBy: 'attempts',
        attempts: 2,
      });
    });
    const closed = activities.closed.find((c) => c.stepKey === 'tcm-contact');
    expect(closed).toMatchObject({
      status: 'completed',
      outcome: 'attempts-documented',
      metBy: 'attempts',
      doneAt: '2055-01-12T14:00:00.000Z',
    });
    expect(closed?.entry.detail).toMatchObject({ metBy: 'attempts', doneAt: '2055-01-12T14:00:00.000Z' });
    expect(activities.attempts.size).toBe(2);
    expect(activities.kinds().filter((k) => k === 'attempt.recorded:tcm-contact')).toHaveLength(2);
    expect(activities.kinds()).not.toContain('breach.recorded:tcm-contact');
  });

  it('one attempt leaves the step open through its breach; attempts after the window are recorded, not counted', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(FRIDAY_AFTERNOON);
      const handle = await h.start(dischargeEvent(FRIDAY_AFTERNOON));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      await h.skipTo(MONDAY);
      await attempt(handle, 'no-answer', MONDAY);
      await h.skipTo(WEDNESDAY); // past the deadline
      await eventuallyState(handle, (s) => stepOf(s, 'tcm-contact')?.breached === true);
      const late = await attempt(handle, 'wrong-number', '2055-01-13T14:00:00.000Z');
      expect(late).toEqual(expect.objectContaining({ attempts: 2, inWindow: false }));
      expect(late.metBy).toBeUndefined();
      expect(stepOf(await h.state(handle), 'tcm-contact')).toMatchObject({ status: 'open', attempts: 2 });
      // a contact after the window still completes the step, late
      const reached = await attempt(handle, 'reached', '2055-01-13T14:30:00.000Z');
      expect(reached).toMatchObject({ attempts: 3, inWindow: false, metBy: 'contact' });
    });
    const rows = [...activities.attempts.values()];
    expect(rows.map((a) => a.inWindow)).toEqual([true, false, false]);
    expect(activities.closed.find((c) => c.stepKey === 'tcm-contact')).toMatchObject({
      outcome: 'reached-patient',
      metBy: 'contact',
      doneAt: '2055-01-13T14:30:00.000Z',
    });
  });

  it('a contact (reached) in the window meets it at once; a resent attempt is one attempt', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(FRIDAY_AFTERNOON);
      const handle = await h.start(dischargeEvent(FRIDAY_AFTERNOON));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      await h.skipTo(MONDAY);
      const id = randomUUID();
      const result = await attempt(handle, 'reached', '2055-01-11T14:00:00.000Z', id);
      expect(result).toMatchObject({ attempts: 1, inWindow: true, metBy: 'contact' });
      // the api resends with the same id (its update id): Temporal answers with the first result
      expect(await attempt(handle, 'reached', '2055-01-11T14:00:00.000Z', id)).toEqual(result);
      await eventuallyState(handle, (s) => s.currentStep === 'follow-up-visit');
    });
    expect(activities.attempts.size).toBe(1);
    expect(activities.closed.find((c) => c.stepKey === 'tcm-contact')).toMatchObject({
      outcome: 'reached-patient',
      metBy: 'contact',
      doneAt: '2055-01-11T14:00:00.000Z',
    });
  });

  it('refuses a contact time in the future or before the discharge, saying which; completions take occurredAt', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(FRIDAY_AFTERNOON);
      const handle = await h.start(dischargeEvent(FRIDAY_AFTERNOON));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      await h.skipTo(MONDAY);
      expect(await refusal(attempt(handle, 'no-answer', '2055-01-11T16:00:00.000Z'))).toMatchObject({
        type: 'InvalidTime',
        message: expect.stringMatching(/contactedAt .* is in the future/),
      });
      expect(await refusal(attempt(handle, 'no-answer', '2055-01-08T20:00:00.000Z'))).toMatchObject({
        type: 'InvalidTime',
        message: expect.stringMatching(/contactedAt .* is before the discharge/),
      });
      expect(stepOf(await h.state(handle), 'tcm-contact')?.attempts).toBe(0);
      const complete = (occurredAt: string) =>
        handle.executeUpdate(completeStepUpdate, {
          args: [{ stepKey: 'tcm-contact', outcome: 'reached-patient', completedBy: 'nurse-1', occurredAt }],
        });
      expect(await refusal(complete('2055-01-12T15:00:00.000Z'))).toMatchObject({ type: 'InvalidTime' });
      await complete('2055-01-10T18:00:00.000Z');
    });
    expect(activities.attempts.size).toBe(0);
    expect(activities.closed.find((c) => c.stepKey === 'tcm-contact')).toMatchObject({
      doneAt: '2055-01-10T18:00:00.000Z',
    });
  });

  it('mental health: "not on the discharge day" goes by when the visit happened, not when it is recorded', async () => {
    await withTransition(async (h) => {
      const monday = '2055-03-01T17:00:00.000Z';
      await h.skipTo(monday);
      const handle = await h.start(dischargeEvent(monday, { hospitalService: 'PSY' }));
      await eventuallyState(handle, (s) => s.currentStep === 'fuh-follow-up-visit');
      await h.skipTo('2055-03-03T15:00:00.000Z');
      const complete = (occurredAt: string) =>
        handle.executeUpdate(completeStepUpdate, {
          args: [
            { stepKey: 'fuh-follow-up-visit', outcome: 'visit-held', completedBy: 'nurse-1', occurredAt },
          ],
        });
      expect(await refusal(complete('2055-03-01T20:00:00.000Z'))).toMatchObject({
        message: expect.stringMatching(/discharge day does not count/),
      });
      await complete('2055-03-02T15:00:00.000Z');
      expect(await handle.result()).toMatchObject({ status: 'completed' });
    });
  });
});
