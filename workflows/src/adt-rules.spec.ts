import type { TransitionEvent } from './care-transition.messages';
import { adtRule, isFactEvent, isOtherVisit } from './adt-rules';

const event = (type: TransitionEvent['type'], extra: Partial<TransitionEvent> = {}): TransitionEvent => ({
  eventId: `evt-${type}`,
  type,
  occurredAt: '2055-02-02T15:00:00.000Z',
  patientKey: 'RIV|MRN1',
  visitNumber: 'V1',
  ...extra,
});

describe('adtRule', () => {
  it('takes the discharge while waiting, and chooses the pathway again on later facts', () => {
    expect(adtRule(event('patient.discharged'), { status: 'waiting-for-discharge' })).toEqual({
      kind: 'discharge',
    });
    for (const status of ['active', 'paused'] as const) {
      expect(adtRule(event('patient.discharged'), { status })).toEqual({ kind: 'reevaluate' });
      expect(adtRule(event('patient.updated'), { status })).toEqual({ kind: 'reevaluate' });
      expect(adtRule(event('patient.class-changed'), { status })).toEqual({ kind: 'reevaluate' });
    }
    expect(adtRule(event('patient.updated'), { status: 'waiting-for-discharge' })).toEqual({ kind: 'keep' });
  });

  it('ignores a cancel older than the discharge it holds', () => {
    const cancel = event('discharge.cancelled', { occurredAt: '2055-02-02T14:00:00.000Z' });
    const held = { status: 'active', dischargeOccurredAt: '2055-02-02T15:00:00.000Z' } as const;
    expect(adtRule(cancel, held)).toEqual({ kind: 'ignore', reason: 'older-than-discharge' });
    expect(adtRule(cancel, { status: 'waiting-for-discharge' })).toEqual({ kind: 'cancel' });
    const later = event('discharge.cancelled', { occurredAt: '2055-02-02T16:00:00.000Z' });
    expect(adtRule(later, held)).toEqual({ kind: 'cancel' });
  });

  it('names merges and admissions, and ignores the events that do not concern transitions', () => {
    expect(adtRule(event('patients.merged'), { status: 'active' })).toEqual({ kind: 'merge' });
    expect(adtRule(event('patient.admitted'), { status: 'active' })).toEqual({ kind: 'admit' });
    const other = [
      'patient.registered',
      'patient.pre-admitted',
      'patient.transferred',
      'admit.cancelled',
      'transfer.cancelled',
    ] as const;
    for (const type of other) {
      expect(adtRule(event(type), { status: 'active' })).toEqual({ kind: 'ignore', reason: 'not-relevant' });
    }
  });
});

describe('isOtherVisit and isFactEvent', () => {
  it('tells another visit by its number, except admissions and merges, which concern every visit', () => {
    expect(isOtherVisit(event('patient.discharged', { visitNumber: 'V2' }), 'V1')).toBe(true);
    expect(isOtherVisit(event('patient.discharged'), 'V1')).toBe(false);
    expect(isOtherVisit(event('patient.updated', { visitNumber: undefined }), 'V1')).toBe(false);
    expect(isOtherVisit(event('patient.admitted', { visitNumber: 'V2' }), 'V1')).toBe(false);
    expect(isOtherVisit(event('patients.merged', { visitNumber: 'V2' }), 'V1')).toBe(false);
  });

  it('keeps the facts of discharges, updates and class changes', () => {
    const facts = ['patient.discharged', 'patient.updated', 'patient.class-changed'] as const;
    expect(facts.every((type) => isFactEvent(type))).toBe(true);
    expect(isFactEvent('discharge.cancelled')).toBe(false);
  });
});
