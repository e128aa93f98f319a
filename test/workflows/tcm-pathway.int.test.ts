import { dischargeEvent, eventuallyState, stepOf, withTransition } from './transition-harness';

// Friday 2055-01-08, 16:30 in New York
const FRIDAY_AFTERNOON = '2055-01-08T21:30:00.000Z';

describe('TCM discharge home (time-skipping)', () => {
  it('runs on time: contact, then visit and med rec in parallel, and completes without a breach', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(FRIDAY_AFTERNOON);
      const handle = await h.start(dischargeEvent(FRIDAY_AFTERNOON));
      const first = await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      // Mon 11, Tue 12 are the two business days: due at the end of Tuesday, local
      expect(first).toMatchObject({ pathwayId: 'tcm-discharge-home', dueAt: '2055-01-13T05:00:00.000Z' });
      await h.skipTo('2055-01-11T15:00:00.000Z');
      await h.complete(handle, 'tcm-contact', 'reached-patient');
      const next = await eventuallyState(
        handle,
        (s) => stepOf(s, 'medication-reconciliation')?.status === 'open',
      );
      expect(stepOf(next, 'follow-up-visit')).toMatchObject({
        status: 'open',
        dueAt: '2055-01-23T05:00:00.000Z',
      });
      expect(stepOf(next, 'medication-reconciliation')?.dueAt).toBe(stepOf(next, 'follow-up-visit')?.dueAt);
      await h.complete(handle, 'medication-reconciliation', 'reconciled');
      await h.complete(handle, 'follow-up-visit', 'visit-booked'); // recorded, the step stays open
      await h.complete(handle, 'follow-up-visit', 'visit-held');
      expect(await handle.result()).toMatchObject({ status: 'completed', reason: 'all-steps-done' });
    });
    expect(activities.kinds()).not.toContain('breach.recorded:tcm-contact');
    expect(activities.kinds()).toEqual(
      expect.arrayContaining([
        'step.retried:follow-up-visit',
        'step.completed:follow-up-visit',
        'transition.completed',
      ]),
    );
  });

  it('on a missed contact: reminds first, records the breach once, runs the ladder, and keeps going', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(FRIDAY_AFTERNOON);
      h.activities.failOnce.add('changeTask'); // the breach write "crashes" after committing: retried
      const handle = await h.start(dischargeEvent(FRIDAY_AFTERNOON));
      await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      await h.skipTo('2055-01-14T06:00:00.000Z'); // past the deadline and the 24-hour notify rung
      const state = await eventuallyState(handle, (s) => stepOf(s, 'tcm-contact')?.breached === true);
      expect(stepOf(state, 'tcm-contact')).toMatchObject({
        status: 'open',
        role: 'care-team-supervisor',
        priority: 'urgent',
      });
      expect(state.status).toBe('active');
      await h.complete(handle, 'tcm-contact', 'reached-patient');
      await eventuallyState(handle, (s) => s.currentStep === 'follow-up-visit');
    });
    const kinds = activities.kinds();
    expect(kinds.filter((k) => k === 'breach.recorded:tcm-contact')).toHaveLength(1);
    expect(kinds.indexOf('reminder.sent:tcm-contact')).toBeLessThan(
      kinds.indexOf('breach.recorded:tcm-contact'),
    );
    expect(activities.changed.map((c) => c.entry.kind)).toEqual([
      'breach.recorded',
      'escalation.reassign',
      'escalation.raise-priority',
      'escalation.notify',
    ]);
    expect(activities.changed[0].entry.detail).toMatchObject({
      reason: expect.stringMatching(/tcm-contact not done by/),
    });
  });

  it('skips Thanksgiving for a discharge on its eve, and uses the 7-day visit for high complexity', async () => {
    await withTransition(async (h) => {
      const eve = '2055-11-24T23:00:00.000Z'; // Wed 18:00 EST; Thu 25 is a holiday
      await h.skipTo(eve);
      const handle = await h.start(dischargeEvent(eve, { diagnoses: ['I50.9'] }));
      const state = await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
      // Fri 26 day 1, Mon 29 day 2 -> due at the start of Tue 30
      expect(state).toMatchObject({
        pathwayId: 'tcm-discharge-home-high',
        dueAt: '2055-11-30T05:00:00.000Z',
      });
      await h.complete(handle, 'tcm-contact', 'reached-patient');
      const next = await eventuallyState(handle, (s) => s.currentStep === 'follow-up-visit');
      expect(next.dueAt).toBe('2055-12-02T05:00:00.000Z'); // 7 calendar days after Nov 24
    });
  });
});
