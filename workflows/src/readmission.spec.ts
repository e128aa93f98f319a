import type { TransitionEvent } from './care-transition.messages';
import { isReadmitted, shifted } from './readmission';

const admission = (admitAt?: string): TransitionEvent => ({
  eventId: 'evt-a01',
  type: 'patient.admitted',
  occurredAt: '2055-03-01T00:00:00.000Z',
  patientKey: 'RIV|MRN1',
  visitNumber: 'V2',
  admitAt,
});

describe('isReadmitted', () => {
  const discharged = { trigger: 'discharge', dischargedAt: '2055-02-01T00:00:00.000Z' } as const;

  it('counts an admission within the window after the discharge, by its admit time', () => {
    expect(isReadmitted(discharged, admission('2055-02-10T00:00:00.000Z'))).toBe(true);
    expect(isReadmitted(discharged, admission('2055-04-10T00:00:00.000Z'))).toBe(false);
    // without an admit time, when the event happened
    expect(isReadmitted(discharged, admission())).toBe(true);
  });

  it('counts any admission for a referral, none without a discharge time', () => {
    expect(isReadmitted({ trigger: 'referral' }, admission('2056-01-01T00:00:00.000Z'))).toBe(true);
    expect(isReadmitted({ trigger: 'discharge' }, admission('2055-02-10T00:00:00.000Z'))).toBe(false);
  });
});

describe('shifted', () => {
  it('moves an instant by the pause', () => {
    expect(shifted('2055-02-01T00:00:00.000Z', 90 * 60_000)).toBe('2055-02-01T01:30:00.000Z');
  });
});
