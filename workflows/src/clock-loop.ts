import { dueClockActions } from './step-clocks';
import type { TransitionLog } from './transition-log';
import { pathwayOf, readySteps, type ActiveState, type StepRun } from './transition-state';

/** Why a transition whose steps are all closed is complete, or undefined while any is pending or open. */
export function completion(steps: readonly StepRun[]): 'all-steps-done' | 'steps-expired' | undefined {
  if (!steps.every((r) => ['completed', 'expired', 'cancelled'].includes(r.status))) return undefined;
  return steps.some((r) => r.status === 'expired') ? 'steps-expired' : 'all-steps-done';
}

/** Opens the steps that may start and runs whatever clock has come due. */
export async function advance(log: TransitionLog, s: ActiveState): Promise<void> {
  const pathway = pathwayOf(s);
  for (;;) {
    const ready = readySteps(pathway, s.steps);
    await Promise.all(ready.map((step) => log.runner.openStep(step)));
    const done = completion(s.steps);
    if (done) return log.finish('completed', done);
    const actions = dueClockActions(s, pathway, Date.now());
    if (!actions.length && !ready.length) return;
    for (const action of actions) {
      switch (action.kind) {
        case 'horizon': {
          // a step that expired at the same instant leaves nothing open: that is completion
          const left = s.steps.some((r) => r.status === 'open' || r.status === 'pending');
          if (left) return log.finish('expired', 'pathway-horizon', 'expired');
          break;
        }
        case 'remind':
        case 'breach':
        case 'rung':
        case 'expire':
          await log.runner.runClock(action);
          break;
      }
    }
  }
}
