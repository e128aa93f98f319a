import { selectPathway, type TransitionFacts } from './select-pathway';

const home: TransitionFacts = {
  trigger: 'discharge',
  patientClass: 'I',
  disposition: '01',
  diagnoses: ['K35.80'],
};
const chosen = (facts: TransitionFacts) => {
  const selection = selectPathway(facts);
  return selection.kind === 'pathway' ? selection.pathway.id : selection.kind;
};

describe('selectPathway', () => {
  it('chooses TCM for an inpatient discharged home', () => {
    expect(chosen(home)).toBe('tcm-discharge-home');
  });

  it('chooses high-complexity TCM (7-day visit) for a heart failure discharge', () => {
    const selection = selectPathway({ ...home, diagnoses: ['I50.9', 'E11.9'] });
    expect(selection.kind === 'pathway' && selection.pathway.id).toBe('tcm-discharge-home-high');
  });

  it('chooses home health for disposition 06', () => {
    expect(chosen({ ...home, disposition: '06' })).toBe('discharge-home-health');
  });

  it('chooses home health for a discharge that holds a home care referral (RF1-3 HOM or HH)', () => {
    expect(chosen({ ...home, referralTypes: ['HOM'] })).toBe('discharge-home-health');
    expect(chosen({ ...home, referralTypes: ['hh'] })).toBe('discharge-home-health');
    // other referral types (table 0281: Lab, Med, Psy, ...) leave TCM as it was
    expect(chosen({ ...home, referralTypes: ['LAB', 'MED'] })).toBe('tcm-discharge-home');
    expect(chosen({ ...home, referralTypes: [] })).toBe('tcm-discharge-home');
    expect(chosen({ ...home, disposition: '20', referralTypes: ['HOM'] })).toBe('no-outreach');
  });

  it('chooses mental health follow-up for service PSY or an F-chapter primary diagnosis', () => {
    expect(chosen({ ...home, service: 'psy' })).toBe('mental-health-follow-up');
    expect(chosen({ ...home, diagnoses: ['F32.2'] })).toBe('mental-health-follow-up');
    // an F code that is not primary does not count
    expect(chosen({ ...home, diagnoses: ['K35.80', 'F32.2'] })).toBe('tcm-discharge-home');
  });

  it('plans no outreach when the patient died (PV1-36 20), whatever else matches', () => {
    expect(selectPathway({ ...home, disposition: '20', service: 'PSY' })).toEqual({
      kind: 'no-outreach',
      reason: 'patient-expired',
    });
  });

  it('says why when nothing matches', () => {
    const selection = selectPathway({ trigger: 'discharge', patientClass: 'E', disposition: '01' });
    expect(selection).toEqual({ kind: 'no-pathway', reason: 'no pathway for class E disposition 01' });
    expect(chosen({ trigger: 'discharge' })).toBe('no-pathway');
  });

  it('matches referrals only to referral pathways', () => {
    expect(chosen({ trigger: 'referral' })).toBe('referral-scheduling');
  });
});
