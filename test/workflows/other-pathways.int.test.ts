import { WorkflowUpdateFailedError } from '@temporalio/client';
import { adtEventSignal, referralEventSignal } from '@ct/workflows/care-transition.messages';
import { dischargeEvent, eventuallyState, input, stepOf, withTransition } from './transition-harness';

const MONDAY_NOON = '2055-03-01T17:00:00.000Z';
const homeCare = {
  patientKey: 'RIVERSIDE|MRN1',
  referralId: 'HH1',
  visitNumber: 'V1',
  referralType: 'HOM',
  occurredAt: MONDAY_NOON,
  expiresAt: '2055-03-10T22:00:00.000Z',
};

describe('home health, mental health and referral pathways (time-skipping)', () => {
  it('home health (06): liaison confirmation alongside TCM; a missed 48-hour start of care escalates', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(MONDAY_NOON);
      const handle = await h.start(dischargeEvent(MONDAY_NOON, { dischargeDisposition: '06' }));
      const first = await eventuallyState(
        handle,
        (s) => s.steps.filter((x) => x.status === 'open').length === 2,
      );
      expect(first.pathwayId).toBe('discharge-home-health');
      expect(stepOf(first, 'home-health-liaison-confirmation')?.status).toBe('open');
      await h.complete(handle, 'home-health-liaison-confirmation', 'referral-accepted');
      const soc = await eventuallyState(
        handle,
        (s) => stepOf(s, 'home-health-start-of-care')?.status === 'open',
      );
      expect(stepOf(soc, 'home-health-start-of-care')?.dueAt).toBe('2055-03-03T17:00:00.000Z');
      await h.complete(handle, 'tcm-contact', 'reached-patient');
      await h.skipTo('2055-03-03T18:00:00.000Z');
      const late = await eventuallyState(
        handle,
        (s) => stepOf(s, 'home-health-start-of-care')?.priority === 'urgent',
      );
      expect(late.status).toBe('active');
    });
    expect(activities.kinds()).toEqual(
      expect.arrayContaining([
        'breach.recorded:home-health-start-of-care',
        'escalation.notify:home-health-start-of-care',
      ]),
    );
  });

  it('mental health: a visit on the discharge day does not count; the next day it does', async () => {
    await withTransition(async (h) => {
      await h.skipTo(MONDAY_NOON);
      const handle = await h.start(dischargeEvent(MONDAY_NOON, { hospitalService: 'PSY' }));
      const state = await eventuallyState(handle, (s) => s.currentStep === 'fuh-follow-up-visit');
      expect(state).toMatchObject({
        pathwayId: 'mental-health-follow-up',
        dueAt: '2055-03-09T05:00:00.000Z',
      });
      const sameDay = await h
        .complete(handle, 'fuh-follow-up-visit', 'visit-held')
        .catch((e: WorkflowUpdateFailedError) => e.cause?.message);
      expect(sameDay).toMatch(/discharge day does not count/);
      await h.skipTo('2055-03-02T15:00:00.000Z');
      await h.complete(handle, 'fuh-follow-up-visit', 'visit-held');
      expect(await handle.result()).toMatchObject({ status: 'completed' });
    });
  });

  it('mental health (F-chapter diagnosis): breach at 7 days, then expiry at the 30-day outer bound', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(MONDAY_NOON);
      const handle = await h.start(dischargeEvent(MONDAY_NOON, { diagnoses: ['F32.2'] }));
      await eventuallyState(handle, (s) => s.currentStep === 'fuh-follow-up-visit');
      expect(await handle.result()).toMatchObject({ status: 'completed', reason: 'steps-expired' });
    });
    expect(activities.kinds()).toEqual(
      expect.arrayContaining([
        'breach.recorded:fuh-follow-up-visit',
        'escalation.reassign:fuh-follow-up-visit',
        'step.expired:fuh-follow-up-visit',
      ]),
    );
    expect(activities.closed).toEqual([expect.objectContaining({ outcome: 'expired', status: 'cancelled' })]);
  });

  it('referral: scheduling due at the window end; I13 moves it; I14 cancels it', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(MONDAY_NOON);
      const args = { ...input('REF1'), transitionId: 'referral:RIVERSIDE:R1' };
      const referral = { patientKey: 'RIVERSIDE|MRN1', referralId: 'R1', occurredAt: MONDAY_NOON };
      const handle = await h.startByReferral(args, {
        ...referral,
        eventId: 'i12',
        type: 'referral.created',
        expiresAt: '2055-03-10T22:00:00.000Z',
      });
      const first = await eventuallyState(handle, (s) => s.currentStep === 'schedule-referral');
      expect(first).toMatchObject({ pathwayId: 'referral-scheduling', dueAt: '2055-03-10T22:00:00.000Z' });
      await handle.signal(referralEventSignal, {
        ...referral,
        eventId: 'i13',
        type: 'referral.modified',
        expiresAt: '2055-03-20T22:00:00.000Z',
      });
      await eventuallyState(handle, (s) => s.dueAt === '2055-03-20T22:00:00.000Z');
      await h.skipTo('2055-03-12T00:00:00.000Z'); // past the old window: no breach
      await handle.signal(referralEventSignal, { ...referral, eventId: 'i14', type: 'referral.cancelled' });
      expect(await handle.result()).toMatchObject({ status: 'cancelled', reason: 'referral-cancelled' });
    });
    expect(activities.kinds()).not.toContain('breach.recorded:schedule-referral');
    expect(activities.kinds()).toContain('step.rescheduled:schedule-referral');
    expect(activities.closed).toEqual([expect.objectContaining({ outcome: 'referral-cancelled' })]);
  });
  it('a home care referral (REF^I12 HOM) turns a running TCM into home health; its I14 turns it back', async () => {
    const activities = await withTransition(async (h) => {
      await h.skipTo(MONDAY_NOON);
      const handle = await h.start(dischargeEvent(MONDAY_NOON));
      await eventuallyState(
        handle,
        (s) => s.pathwayId === 'tcm-discharge-home' && s.currentStep === 'tcm-contact',
      );
      const referral = { ...homeCare, occurredAt: '2055-03-01T19:00:00.000Z' };
      await handle.signal(referralEventSignal, { ...referral, eventId: 'i12', type: 'referral.created' });
      const joined = await eventuallyState(
        handle,
        (s) => stepOf(s, 'home-health-liaison-confirmation')?.status === 'open',
      );
      expect(joined).toMatchObject({ status: 'active', pathwayId: 'discharge-home-health' });
      expect(stepOf(joined, 'tcm-contact')?.status).toBe('open'); // shared work is kept, not reopened
      // I14 without RF1-3: the referral is known by its id
      const { referralType: _omitted, ...cancel } = referral;
      await handle.signal(referralEventSignal, { ...cancel, eventId: 'i14', type: 'referral.cancelled' });
      const back = await eventuallyState(handle, (s) => s.pathwayId === 'tcm-discharge-home');
      expect(back.status).toBe('active');
      expect(stepOf(back, 'home-health-liaison-confirmation')).toBeUndefined();
    });
    expect(activities.opened.filter((t) => t.stepKey === 'tcm-contact')).toHaveLength(1);
    expect(activities.closed).toEqual([
      expect.objectContaining({ stepKey: 'home-health-liaison-confirmation', outcome: 'pathway-changed' }),
    ]);
  });

  it('a home care referral before the discharge waits for it; with no discharge in 7 days it is scheduled', async () => {
    await withTransition(async (h) => {
      await h.skipTo(MONDAY_NOON);
      const early = { ...homeCare, eventId: 'i12-v1', type: 'referral.created' as const };
      const v1 = await h.startByReferral(input('V1'), early);
      expect((await h.state(v1)).status).toBe('waiting-for-discharge');
      await v1.signal(adtEventSignal, dischargeEvent('2055-03-02T17:00:00.000Z'));
      const discharged = await eventuallyState(v1, (s) => s.status === 'active');
      expect(discharged.pathwayId).toBe('discharge-home-health');

      const outpatient = { ...early, eventId: 'i12-v2', visitNumber: 'V2', referralId: 'HH2' };
      const v2 = await h.startByReferral(input('V2'), outpatient);
      await h.skipTo('2055-03-09T18:00:00.000Z');
      const scheduled = await eventuallyState(v2, (s) => s.status === 'active');
      expect(scheduled).toMatchObject({ pathwayId: 'referral-scheduling', currentStep: 'schedule-referral' });
      expect(scheduled.dueAt).toBe('2055-03-10T22:00:00.000Z');
    });
  });
  it('referral: an admission pauses it; the discharge of that stay resumes it with its clock moved by the pause', async () => {
    await withTransition(async (h) => {
      await h.skipTo(MONDAY_NOON);
      const args = { ...input('REF2'), transitionId: 'referral:RIVERSIDE:R2' };
      const handle = await h.startByReferral(args, {
        ...homeCare,
        visitNumber: undefined,
        referralType: 'MED',
        eventId: 'i12',
        type: 'referral.created',
      });
      await eventuallyState(handle, (s) => s.dueAt === '2055-03-10T22:00:00.000Z');
      const stay = { visitNumber: 'V9', patientClass: 'I' };
      const admitted = '2055-03-02T17:00:00.000Z';
      await h.skipTo(admitted);
      await handle.signal(adtEventSignal, {
        ...dischargeEvent(admitted, stay),
        eventId: 'a01-v9',
        type: 'patient.admitted',
        admitAt: admitted,
      });
      await eventuallyState(handle, (s) => s.status === 'paused');
      // another visit's update is not this transition's business: it stays paused
      await handle.signal(adtEventSignal, {
        ...dischargeEvent(admitted, stay),
        eventId: 'a08-v9',
        type: 'patient.updated',
      });
      await h.skipTo('2055-03-05T17:00:00.000Z');
      expect((await h.state(handle)).status).toBe('paused');
      await handle.signal(adtEventSignal, {
        ...dischargeEvent('2055-03-05T17:00:00.000Z', stay),
        eventId: 'a03-v9',
      });
      const resumed = await eventuallyState(handle, (s) => s.status === 'active');
      expect(resumed).toMatchObject({ pathwayId: 'referral-scheduling', currentStep: 'schedule-referral' });
      // paused from day 1 to day 4 (three days, to the clock's resolution): the window ends three days later
      expect(
        new Date(resumed.dueAt!).getTime() - Date.parse('2055-03-10T22:00:00.000Z'),
      ).toBeGreaterThanOrEqual(3 * 86_400_000);
      expect(new Date(resumed.dueAt!).getTime() - Date.parse('2055-03-10T22:00:00.000Z')).toBeLessThan(
        3 * 86_400_000 + 3_600_000,
      );
    });
  });
});
