import type { TransitionActivities } from '@ct/workflows/care-transition.activities';

// A Record over the interface's keys: a new activity that is not listed here does not compile.
const ACTIVITY_NAMES: Record<keyof TransitionActivities, true> = {
  openTask: true,
  closeTask: true,
  changeTask: true,
  sendReminder: true,
  recordTimeline: true,
  recordTransition: true,
};

/** The plain object Temporal registers: every activity method, bound to its instance. */
export function bindActivities(impl: TransitionActivities): TransitionActivities {
  const bound = Object.keys(ACTIVITY_NAMES).map((name) => {
    const key = name as keyof TransitionActivities;
    return [key, impl[key].bind(impl)] as const;
  });
  return Object.fromEntries(bound) as unknown as TransitionActivities;
}
