import { completion } from './clock-loop';
import { newStepRun, type StepRun } from './transition-state';

const closed = (key: string, status: 'completed' | 'expired' | 'cancelled'): StepRun => ({
  ...newStepRun(key, 'nurse'),
  status,
});

describe('completion', () => {
  it('is complete once every step is closed, expired if any step ran out', () => {
    expect(completion([closed('a', 'completed'), closed('b', 'cancelled')])).toBe('all-steps-done');
    expect(completion([closed('a', 'completed'), closed('b', 'expired')])).toBe('steps-expired');
  });

  it('goes on while a step is pending or open', () => {
    expect(completion([closed('a', 'completed'), newStepRun('b', 'nurse')])).toBeUndefined();
    const open: StepRun = { ...newStepRun('b', 'nurse'), status: 'open', openedAt: 'x', dueAt: 'y' };
    expect(completion([open])).toBeUndefined();
  });
});
