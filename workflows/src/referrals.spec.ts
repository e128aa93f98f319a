import type { ReferralEvent } from './care-transition.messages';
import { heldReferrals } from './referrals';

const referral = (type: ReferralEvent['type'], extra: Partial<ReferralEvent> = {}): ReferralEvent => ({
  eventId: `evt-${type}`,
  type,
  occurredAt: '2055-02-03T10:00:00.000Z',
  patientKey: 'RIV|MRN1',
  referralId: 'R1',
  visitNumber: 'V1',
  referralType: 'hom',
  ...extra,
});

describe('heldReferrals', () => {
  it('holds a new referral with its type in capitals', () => {
    expect(heldReferrals(undefined, referral('referral.created'))).toEqual([
      { id: 'R1', type: 'HOM', occurredAt: '2055-02-03T10:00:00.000Z' },
    ]);
  });

  it('keeps when a referral first came and its type when an update names none', () => {
    const held = [
      { id: 'R1', type: 'HOM', occurredAt: '2055-02-01T00:00:00.000Z' },
      { id: 'R2', type: 'MED', occurredAt: '2055-02-02T00:00:00.000Z' },
    ];
    expect(heldReferrals(held, referral('referral.modified', { referralType: undefined }))).toEqual([
      held[1],
      { id: 'R1', type: 'HOM', occurredAt: '2055-02-01T00:00:00.000Z' },
    ]);
  });

  it('lets a cancel withdraw the referral', () => {
    const held = [{ id: 'R1', type: 'HOM', occurredAt: '2055-02-01T00:00:00.000Z' }];
    expect(heldReferrals(held, referral('referral.cancelled'))).toEqual([]);
    expect(heldReferrals(held, referral('referral.cancelled', { referralId: 'R9' }))).toEqual(held);
  });
});
