import {
  adtEventSignal,
  claimStepUpdate,
  type TransitionEvent,
} from '@ct/workflows/care-transition.messages';
import { dischargeEvent, eventuallyState, stepOf, withTransition } from './transition-harness';

const DISCHARGE = '2055-02-02T15:00:00.000Z'; // Tuesday 10:00 in New York
const event = (type: TransitionEvent['type'], occurredAt: string, extra = {}): TransitionEvent => ({
  ...dischargeEvent(DISCHARGE),
  eventId: `evt-${type}-${occurredAt}`,
  type,
  occurredAt,
  ...extra,
});

describe('later ADT events change a running transition (time-skipping)', () => {
  it('A13 after a task was claimed cancels the open tasks and keeps the reason', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(DISCHARGE);
      const handle = await h.start(dischargeEvent(DISCHARGE));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      await handle.executeUpdate(claimStepUpdate, {
        args: [{ stepKey: 'tcm-contact', claimedBy: 'nurse-3' }],
      });
      await handle.signal(adtEventSignal, event('discharge.cancelled', '2055-02-02T18:00:00.000Z'));
      expect(await handle.result()).toMatchObject({ status: 'cancelled', reason: 'discharge-cancelled' });
    });
    expect(activities.changed[0]).toMatchObject({ assignee: 'nurse-3' });
    expect(activities.closed).toEqual([
      expect.objectContaining({
        stepKey: 'tcm-contact',
        status: 'cancelled',
        outcome: 'discharge-cancelled',
      }),
    ]);
    expect(activities.recorded.at(-1)).toMatchObject({ status: 'cancelled', reason: 'discharge-cancelled' });
  });

  it('an admission on day 29 is a readmission and closes TCM; on day 31 the transition has already ended', async () => {
    await withTransition(async (h) => {
      await h.skipTo(DISCHARGE);
      const handle = await h.start(dischargeEvent(DISCHARGE));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      const day29 = '2055-03-03T15:00:00.000Z';
      await h.skipTo(day29);
      await handle.signal(
        adtEventSignal,
        event('patient.admitted', day29, { visitNumber: 'V2', admitAt: day29 }),
      );
      expect(await handle.result()).toMatchObject({ status: 'superseded', reason: 'readmitted' });
    });
    await withTransition(async (h) => {
      await h.skipTo(DISCHARGE);
      const handle = await h.start(dischargeEvent(DISCHARGE));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      // the 30-day TCM period ends first: nothing is left for the day-31 admission to change
      expect(await handle.result()).toMatchObject({ status: 'expired', reason: 'pathway-horizon' });
    });
  });

  it('an admission outside 30 days (late, out of order) is recorded and ignored', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(DISCHARGE);
      const handle = await h.start(dischargeEvent(DISCHARGE));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      const day31 = '2055-03-05T15:00:00.000Z';
      await handle.signal(
        adtEventSignal,
        event('patient.admitted', day31, { visitNumber: 'V2', admitAt: day31 }),
      );
      await h.complete(handle, 'tcm-contact', 'reached-patient');
      expect((await h.state(handle)).status).toBe('active');
    });
    expect(activities.kinds()).toContain('event.ignored');
    expect(activities.kinds()).not.toContain('readmission.detected');
  });

  it('A40 merge moves the transition to the surviving patient', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(DISCHARGE);
      const handle = await h.start(dischargeEvent(DISCHARGE));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      await handle.signal(
        adtEventSignal,
        event('patients.merged', DISCHARGE, { patientKey: 'RIVERSIDE|MRN9' }),
      );
      await eventuallyState(handle, () => h.activities.kinds().includes('patient.merged'));
    });
    expect(activities.recorded.at(-1)).toMatchObject({ patientKey: 'RIVERSIDE|MRN9', status: 'active' });
  });

  it('applies a redelivered event once, and an A13 that overtook its A03 cancels before any task', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(DISCHARGE);
      const cancel = event('discharge.cancelled', '2055-02-02T18:00:00.000Z');
      const handle = await h.start(cancel);
      await h.start(cancel); // twice
      await handle.signal(adtEventSignal, dischargeEvent(DISCHARGE));
      expect(await handle.result()).toMatchObject({ status: 'cancelled', eventsSeen: 2 });
    });
    expect(activities.opened).toHaveLength(0);
  });

  it('an A08 that overtook its A03 (disposition 06) chooses home health; a later A08 to 20 stops outreach', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(DISCHARGE);
      const update = event('patient.updated', '2055-02-02T16:00:00.000Z', { dischargeDisposition: '06' });
      const handle = await h.start(update);
      await handle.signal(adtEventSignal, dischargeEvent(DISCHARGE));
      const state = await eventuallyState(handle, (s) => s.currentStep !== undefined);
      expect(state.pathwayId).toBe('discharge-home-health');
      await handle.signal(
        adtEventSignal,
        event('patient.updated', '2055-02-02T19:00:00.000Z', { dischargeDisposition: '20' }),
      );
      expect(await handle.result()).toMatchObject({ status: 'no-outreach', reason: 'patient-expired' });
    });
    // home health's two first steps were open; both close for the death, nothing else closed
    expect(activities.closed.map((c) => [c.stepKey, c.status, c.outcome]).sort()).toEqual([
      ['home-health-liaison-confirmation', 'cancelled', 'patient-expired'],
      ['tcm-contact', 'cancelled', 'patient-expired'],
    ]);
  });

  it('an A08 that changes the disposition to home health switches pathway and keeps shared work', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(DISCHARGE);
      const handle = await h.start(dischargeEvent(DISCHARGE));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      await handle.signal(
        adtEventSignal,
        event('patient.updated', '2055-02-02T17:00:00.000Z', { dischargeDisposition: '06' }),
      );
      const state = await eventuallyState(
        handle,
        (s) =>
          s.pathwayId === 'discharge-home-health' && s.steps.filter((x) => x.status === 'open').length === 2,
      );
      expect(stepOf(state, 'tcm-contact')?.status).toBe('open');
    });
    expect(activities.opened.filter((t) => t.stepKey === 'tcm-contact')).toHaveLength(1);
    expect(activities.kinds()).toContain('pathway.changed');
  });

  it('a death disposition on the discharge means no outreach at all', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(DISCHARGE);
      const handle = await h.start(dischargeEvent(DISCHARGE, { dischargeDisposition: '20' }));
      expect(await handle.result()).toMatchObject({ status: 'no-outreach', reason: 'patient-expired' });
    });
    expect(activities.opened).toHaveLength(0);
  });
});
