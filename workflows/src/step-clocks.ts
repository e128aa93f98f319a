import type { EscalationRung, PathwayDefinition, StepDefinition } from '@ct/domain/workflow-safe';
import { at, hours, type CarriedState, type StepRun } from './transition-state';

export type ClockAction =
  | { kind: 'remind'; step: StepRun }
  | { kind: 'breach'; step: StepRun }
  | { kind: 'rung'; step: StepRun; rung: EscalationRung; index: number }
  | { kind: 'expire'; step: StepRun }
  | { kind: 'horizon' };

function instants(def: StepDefinition, run: StepRun): { when: number; action: ClockAction }[] {
  if (run.status !== 'open' || !run.dueAt) return [];
  const due = at(run.dueAt);
  const list: { when: number; action: ClockAction }[] = [];
  if (def.remindBeforeHours && !run.reminded && !run.breached) {
    list.push({ when: due - hours(def.remindBeforeHours), action: { kind: 'remind', step: run } });
  }
  if (!run.breached) list.push({ when: due, action: { kind: 'breach', step: run } });
  const rung = def.escalation[run.rungsDone];
  if (rung) {
    const action = { kind: 'rung', step: run, rung, index: run.rungsDone } as const;
    list.push({ when: due + hours(rung.afterHours), action });
  }
  if (run.expiresAt) list.push({ when: at(run.expiresAt), action: { kind: 'expire', step: run } });
  return list;
}

function allInstants(state: CarriedState, pathway: PathwayDefinition) {
  const list = pathway.steps.flatMap((def) => {
    const run = state.steps.find((s) => s.key === def.key);
    return run ? instants(def, run) : [];
  });
  if (state.horizonAt) list.push({ when: at(state.horizonAt), action: { kind: 'horizon' } });
  return list;
}

/** What is due at `now`, oldest first; a reminder whose deadline already passed is skipped. */
export function dueClockActions(state: CarriedState, pathway: PathwayDefinition, now: number): ClockAction[] {
  if (state.status !== 'active') return [];
  return allInstants(state, pathway)
    .filter((i) => i.when <= now)
    .filter((i) => !(i.action.kind === 'remind' && at(i.action.step.dueAt!) <= now))
    .sort((a, b) => a.when - b.when)
    .map((i) => i.action);
}

/** The next instant a clock fires, or undefined when nothing is timed (or the clocks are paused). */
export function nextWakeUp(state: CarriedState, pathway: PathwayDefinition | undefined): number | undefined {
  if (state.status !== 'active' || !pathway) return undefined;
  const times = allInstants(state, pathway).map((i) => i.when);
  return times.length ? Math.min(...times) : undefined;
}
