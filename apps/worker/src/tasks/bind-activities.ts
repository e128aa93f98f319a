import { ApplicationFailure } from '@temporalio/common';
import { BAD_DATA, type TransitionActivities } from '@ct/workflows/care-transition.activities';
import { asActivityError } from './bad-data';
import type { TasksMetrics } from './tasks.metrics';

// A Record over the interface's keys: a new activity that is not listed here does not compile.
const ACTIVITY_NAMES: Record<keyof TransitionActivities, true> = {
  openTask: true,
  closeTask: true,
  changeTask: true,
  recordAttempt: true,
  sendReminder: true,
  recordTimeline: true,
  recordTransition: true,
  recordFailure: true,
};

const kindOf = (error: unknown) =>
  error instanceof ApplicationFailure && error.type === BAD_DATA ? 'bad-data' : 'error';

/**
 * The plain object Temporal registers: every activity method, bound to its instance, with bad
 * data turned into a non-retryable failure (see asActivityError), each run timed by name.
 */
export function bindActivities(impl: TransitionActivities, metrics?: TasksMetrics): TransitionActivities {
  const bound = Object.keys(ACTIVITY_NAMES).map((name) => {
    const key = name as keyof TransitionActivities;
    const method = impl[key].bind(impl) as (input: never) => Promise<unknown>;
    const run = async (input: never) => {
      const done = metrics?.start(key);
      try {
        const result = await method(input);
        done?.();
        return result;
      } catch (error) {
        const failure = asActivityError(error);
        done?.(kindOf(failure));
        throw failure;
      }
    };
    return [key, run] as const;
  });
  return Object.fromEntries(bound) as unknown as TransitionActivities;
}
