import { definePathway, type PathwayInput } from './pathway';
import { PATHWAYS, currentPathways, findPathway } from './pathway-registry';
import { assertPathwaysValid, pathwayIssues } from './pathway.schema';

/** What the worker does at boot: fill in, then validate against the schema. */
function loaded(input: PathwayInput) {
  const pathway = definePathway(input);
  assertPathwaysValid([pathway]);
  return pathway;
}

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

describe('pathway definitions', () => {
  it('fills defaults: no predecessors, no retries, no ladder', () => {
    const pathway = loaded(valid);
    expect(pathway.steps[0]).toMatchObject({
      after: [],
      retryOutcomes: [],
      escalation: [],
      notOnDischargeDay: false,
    });
  });

  it('refuses a step that waits for a later or unknown step (no cycles)', () => {
    const second = { ...valid.steps[0], key: 'second', after: ['third'] };
    expect(() => loaded({ ...valid, steps: [...valid.steps, second] })).toThrow(
      /steps\.1\.after: third is not an earlier step/,
    );
  });

  it('refuses duplicate step keys, an outcome that both completes and retries, and a bad clock', () => {
    expect(() => loaded({ ...valid, steps: [valid.steps[0], valid.steps[0]] })).toThrow(
      /duplicate step first/,
    );
    expect(() => loaded({ ...valid, steps: [{ ...valid.steps[0], retryOutcomes: ['done'] }] })).toThrow(
      /both completes and retries: done/,
    );
    expect(() =>
      loaded({
        ...valid,
        steps: [{ ...valid.steps[0], clock: { kind: 'hours', amount: -1, from: 'discharge' } }],
      }),
    ).toThrow(/sample v1 is invalid: steps\.0\.clock\.amount/);
  });

  it('every shipped pathway passes the schema, defaults included', () => {
    expect(() => assertPathwaysValid(PATHWAYS)).not.toThrow();
  });

  it('notices a definition whose filled-in defaults are not what the schema would give', () => {
    const pathway = definePathway(valid);
    const { retryOutcomes: _dropped, ...step } = pathway.steps[0];
    expect(pathwayIssues({ ...pathway, steps: [step] })).toEqual(['defaults differ from the schema']);
    expect(() => assertPathwaysValid([{ ...pathway, steps: [step] }])).toThrow(/sample v1 is invalid/);
  });

  it('refuses a pathway without steps or criteria', () => {
    expect(() => loaded({ ...valid, steps: [] })).toThrow(/steps/);
    expect(() => loaded({ ...valid, appliesWhen: [] })).toThrow(/appliesWhen/);
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
