import { factsOf } from './pathway-choice';

describe('factsOf', () => {
  const facts = [{ occurredAt: '2055-02-01T00:00:00.000Z', patientClass: 'I', disposition: '01' }];

  it('folds the ADT facts for the trigger', () => {
    expect(factsOf('discharge', { facts })).toEqual({
      trigger: 'discharge',
      patientClass: 'I',
      disposition: '01',
    });
  });

  it('adds the types of the referrals that joined the discharge', () => {
    const referrals = [{ id: 'R1', type: 'HOM', occurredAt: '2055-02-01T00:00:00.000Z' }];
    expect(factsOf('discharge', { facts, referrals })).toMatchObject({ referralTypes: ['HOM'] });
    expect(factsOf('discharge', { facts, referrals: [] })).toMatchObject({ referralTypes: [] });
  });
});
