import { definePathway, type PathwayInput } from './pathway';
import { PATHWAYS, currentPathways, findPathway } from './pathway-registry';

const valid: PathwayInput = {
  id: 'sample',
  version: 1,
  title: 'Sample',
  trigger: 'discharge',
  priority: 1,
  appliesWhen: [{ patientClasses: ['I'] }],
  onReadmission: 'close',
  steps: [
    {
      key: 'first',
      title: 'First',
      role: 'nurse',
      clock: { kind: 'hours', amount: 4, from: 'discharge' },
      completingOutcomes: ['done'],
    },
  ],
};

describe('definePathway', () => {
  it('fills defaults: no predecessors, no retries, no ladder', () => {
    const pathway = definePathway(valid);
    expect(pathway.steps[0]).toMatchObject({
      after: [],
      retryOutcomes: [],
      escalation: [],
      notOnDischargeDay: false,
    });
  });

  it('refuses a step that waits for a later or unknown step (no cycles)', () => {
    const second = { ...valid.steps[0], key: 'second', after: ['third'] };
    expect(() => definePathway({ ...valid, steps: [...valid.steps, second] })).toThrow(
      /steps\.1\.after: third is not an earlier step/,
    );
  });

  it('refuses duplicate step keys, an outcome that both completes and retries, and a bad clock', () => {
    expect(() => definePathway({ ...valid, steps: [valid.steps[0], valid.steps[0]] })).toThrow(
      /duplicate step first/,
    );
    expect(() =>
      definePathway({ ...valid, steps: [{ ...valid.steps[0], retryOutcomes: ['done'] }] }),
    ).toThrow(/both completes and retries: done/);
    expect(() =>
      definePathway({
        ...valid,
        steps: [{ ...valid.steps[0], clock: { kind: 'hours', amount: -1, from: 'discharge' } }],
      }),
    ).toThrow(/sample v1 is invalid: steps\.0\.clock\.amount/);
  });

  it('refuses a pathway without steps or criteria', () => {
    expect(() => definePathway({ ...valid, steps: [] })).toThrow(/steps/);
    expect(() => definePathway({ ...valid, appliesWhen: [] })).toThrow(/appliesWhen/);
  });
});

describe('pathway registry', () => {
  it('ships TCM (moderate, high), home health, mental health and referral pathways', () => {
    expect(
      currentPathways()
        .map((p) => p.id)
        .sort(),
    ).toEqual([
      'discharge-home-health',
      'mental-health-follow-up',
      'referral-scheduling',
      'tcm-discharge-home',
      'tcm-discharge-home-high',
    ]);
  });

  it('finds a pathway by id and version, and fails on an unknown one', () => {
    expect(findPathway('tcm-discharge-home', 2).steps.map((s) => s.key)).toEqual([
      'tcm-contact',
      'follow-up-visit',
      'medication-reconciliation',
    ]);
    expect(() => findPathway('tcm-discharge-home', 99)).toThrow(/unknown pathway/);
    expect(new Set(PATHWAYS.map((p) => `${p.id}@${p.version}`)).size).toBe(PATHWAYS.length);
  });
});
