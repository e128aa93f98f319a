import type { EscalationRung, PathwayDefinition, StepDefinition } from '@ct/domain/workflow-safe';
import { at, hours, type CarriedState, type OpenStep, type StepRun } from './transition-state';

export type ClockAction =
  | { kind: 'remind'; step: OpenStep }
  | { kind: 'breach'; step: OpenStep }
  | { kind: 'rung'; step: OpenStep; rung: EscalationRung; index: number }
  | { kind: 'expire'; step: OpenStep; expiresAt: string }
  | { kind: 'horizon' };

/** The clock actions of one step's task, the transition's pathway horizon aside. */
export type StepClockAction = Exclude<ClockAction, { kind: 'horizon' }>;

interface Instant {
  when: number;
  action: ClockAction;
}

function instants(def: StepDefinition, run: StepRun): Instant[] {
  if (run.status !== 'open') return [];
  const due = at(run.dueAt);
  const list: Instant[] = [];
  if (def.remindBeforeHours && !run.reminded && !run.breached) {
    list.push({ when: due - hours(def.remindBeforeHours), action: { kind: 'remind', step: run } });
  }
  if (!run.breached) list.push({ when: due, action: { kind: 'breach', step: run } });
  const rung = def.escalation[run.rungsDone];
  if (rung) {
    const action = { kind: 'rung', step: run, rung, index: run.rungsDone } as const;
    list.push({ when: due + hours(rung.afterHours), action });
  }
  const { expiresAt } = run;
  if (expiresAt) list.push({ when: at(expiresAt), action: { kind: 'expire', step: run, expiresAt } });
  return list;
}

function allInstants(state: CarriedState, pathway: PathwayDefinition): Instant[] {
  const list = pathway.steps.flatMap((def) => {
    const run = state.steps.find((s) => s.key === def.key);
    return run ? instants(def, run) : [];
  });
  if (state.horizonAt) list.push({ when: at(state.horizonAt), action: { kind: 'horizon' } });
  return list;
}

/** A reminder whose deadline already passed is not sent (the breach says it). */
const stale = (action: ClockAction, now: number) => action.kind === 'remind' && at(action.step.dueAt) <= now;

/** What is due at `now`, oldest first; a reminder whose deadline already passed is skipped. */
export function dueClockActions(state: CarriedState, pathway: PathwayDefinition, now: number): ClockAction[] {
  if (state.status !== 'active') return [];
  return allInstants(state, pathway)
    .filter((i) => i.when <= now)
    .filter((i) => !stale(i.action, now))
    .sort((a, b) => a.when - b.when)
    .map((i) => i.action);
}

/** The next instant a clock fires, or undefined when nothing is timed (or the clocks are paused). */
export function nextWakeUp(state: CarriedState, pathway: PathwayDefinition | undefined): number | undefined {
  if (state.status !== 'active' || !pathway) return undefined;
  const times = allInstants(state, pathway).map((i) => i.when);
  return times.length ? Math.min(...times) : undefined;
}
