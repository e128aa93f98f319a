import { isReadmission } from '@ct/domain/workflow-safe';
import type { TransitionEvent } from './care-transition.messages';
import type { TransitionLog } from './transition-log';
import { at, isRunning, pathwayOf, type PausedState, type RunningState } from './transition-state';

/** Whether an admission on another visit is a readmission after this transition's discharge. */
export function isReadmitted(s: Pick<RunningState, 'trigger' | 'dischargedAt'>, e: TransitionEvent): boolean {
  const admittedAt = e.admitAt ?? e.occurredAt;
  return (
    s.trigger === 'referral' || (s.dischargedAt !== undefined && isReadmission(s.dischargedAt, admittedAt))
  );
}

/** A readmission closes the transition or pauses its clocks, as its pathway says. */
export async function admitted(log: TransitionLog, e: TransitionEvent): Promise<void> {
  const s = log.state;
  if (e.visitNumber === log.runner.input.visitNumber || !isRunning(s)) return log.ignore(e, 'same-visit');
  if (!isReadmitted(s, e)) return log.ignore(e, 'outside-readmission-window');
  log.note(log.runner.entry('readmission.detected', [e.eventId], { eventId: e.eventId }));
  if (pathwayOf(s).onReadmission === 'close') return log.finish('superseded', 'readmitted');
  s.pausedAt = log.runner.now();
  await log.runner.recordStatus('paused', log.take());
}

/** An instant `shift` milliseconds later. */
export const shifted = (iso: string, shift: number) => new Date(at(iso) + shift).toISOString();

/** Clears the pause; the horizon moves by it. */
function unpause(s: { horizonAt?: string; pausedAt?: string }, shift: number): void {
  s.horizonAt = s.horizonAt === undefined ? undefined : shifted(s.horizonAt, shift);
  s.pausedAt = undefined;
}

/** After a pause the clocks go on where they stopped: every deadline moves by the pause. */
export async function resume(log: TransitionLog, s: PausedState): Promise<void> {
  const shift = Date.now() - at(s.pausedAt);
  unpause(s, shift);
  for (const run of s.steps.filter((r) => r.status === 'open')) {
    const dueAt = shifted(run.dueAt, shift);
    const expiresAt = run.expiresAt === undefined ? undefined : shifted(run.expiresAt, shift);
    Object.assign(run, { dueAt, expiresAt });
    await log.runner.change(run, 'step.rescheduled', [++s.seq], { dueAt }, { dueAt });
  }
  await log.runner.recordStatus('active', log.take());
}
