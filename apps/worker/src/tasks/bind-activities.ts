import type { TransitionActivities } from '@ct/workflows/care-transition.activities';
import { asActivityError } from './bad-data';

// A Record over the interface's keys: a new activity that is not listed here does not compile.
const ACTIVITY_NAMES: Record<keyof TransitionActivities, true> = {
  openTask: true,
  closeTask: true,
  changeTask: true,
  sendReminder: true,
  recordTimeline: true,
  recordTransition: true,
  recordFailure: true,
};

/**
 * The plain object Temporal registers: every activity method, bound to its instance, with bad
 * data turned into a non-retryable failure (see asActivityError).
 */
export function bindActivities(impl: TransitionActivities): TransitionActivities {
  const bound = Object.keys(ACTIVITY_NAMES).map((name) => {
    const key = name as keyof TransitionActivities;
    const method = impl[key].bind(impl) as (input: never) => Promise<unknown>;
    const run = async (input: never) => {
      try {
        return await method(input);
      } catch (error) {
        throw asActivityError(error);
      }
    };
    return [key, run] as const;
  });
  return Object.fromEntries(bound) as unknown as TransitionActivities;
}
