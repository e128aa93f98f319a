import { definePathway } from '@ct/domain/workflow-safe';
import {
  foldFacts,
  newStepRun,
  openSteps,
  readySteps,
  type OpenStep,
  type StepRun,
  type StepStatus,
} from './transition-state';

const clock = { kind: 'hours', amount: 24, from: 'stepOpened' } as const;
const pathway = definePathway({
  id: 'test',
  version: 1,
  title: 'Test',
  trigger: 'discharge',
  priority: 1,
  appliesWhen: [{}],
  onReadmission: 'close',
  steps: [
    { key: 'call', title: 'Call', role: 'nurse', clock, completingOutcomes: ['reached'] },
    { key: 'meds', title: 'Meds', role: 'pharmacist', clock, completingOutcomes: ['done'] },
    {
      key: 'visit',
      title: 'Visit',
      role: 'clinic',
      after: ['call', 'meds'],
      clock,
      completingOutcomes: ['seen'],
    },
  ],
});

function step(key: string, status: StepStatus, dueAt = '2055-01-01T00:00:00.000Z'): StepRun {
  const run = newStepRun(key, 'nurse');
  return status === 'open'
    ? { ...run, status, openedAt: '2054-12-31T00:00:00.000Z', dueAt }
    : status === 'pending'
      ? run
      : { ...run, status };
}

describe('foldFacts', () => {
  it('lets later facts win field by field, by when they happened, not when they arrived', () => {
    const facts = foldFacts('discharge', [
      { occurredAt: '2055-01-02T00:00:00Z', disposition: '06' },
      { occurredAt: '2055-01-01T00:00:00Z', patientClass: 'I', disposition: '01', diagnoses: ['I50.9'] },
      { occurredAt: '2055-01-03T00:00:00Z', service: 'MED', diagnoses: [] },
    ]);
    expect(facts).toEqual({
      trigger: 'discharge',
      patientClass: 'I',
      disposition: '06',
      service: 'MED',
      diagnoses: ['I50.9'],
    });
  });

  it('has only the trigger without events, and does not reorder its input', () => {
    const events = [{ occurredAt: '2055-01-02T00:00:00Z' }, { occurredAt: '2055-01-01T00:00:00Z' }];
    expect(foldFacts('referral', [])).toEqual({ trigger: 'referral' });
    foldFacts('discharge', events);
    expect(events[0].occurredAt).toBe('2055-01-02T00:00:00Z');
  });
});

describe('readySteps', () => {
  const keys = (steps: StepRun[]) => readySteps(pathway, steps).map((r) => r.def.key);

  it('starts the steps without predecessors, in pathway order, with their runs', () => {
    const steps = [step('call', 'pending'), step('meds', 'pending'), step('visit', 'pending')];
    const ready = readySteps(pathway, steps);
    expect(ready.map((r) => r.def.key)).toEqual(['call', 'meds']);
    expect(ready[0].run).toBe(steps[0]);
  });

  it('opens a step once every predecessor is completed or expired', () => {
    expect(keys([step('call', 'completed'), step('meds', 'open'), step('visit', 'pending')])).toEqual([]);
    expect(keys([step('call', 'completed'), step('meds', 'expired'), step('visit', 'pending')])).toEqual([
      'visit',
    ]);
  });

  it('does not count a cancelled predecessor as done, nor return steps that are not pending', () => {
    expect(keys([step('call', 'cancelled'), step('meds', 'completed'), step('visit', 'pending')])).toEqual(
      [],
    );
    expect(keys([step('call', 'open'), step('meds', 'completed'), step('visit', 'cancelled')])).toEqual([]);
  });

  it('skips definitions the transition has no run for', () => {
    expect(keys([step('meds', 'pending')])).toEqual(['meds']);
  });
});

describe('openSteps', () => {
  it('returns the open steps, the one due soonest first', () => {
    const later = step('call', 'open', '2055-01-03T00:00:00.000Z');
    const sooner = step('meds', 'open', '2055-01-02T00:00:00.000Z');
    const open: OpenStep[] = openSteps([later, step('visit', 'pending'), sooner]);
    expect(open.map((s) => s.key)).toEqual(['meds', 'call']);
  });
});
