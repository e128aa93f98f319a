import { patched } from '@temporalio/workflow';
import { inOutreachWindow, outreachMet, type OutreachWindow } from '@ct/domain/workflow-safe';
import { checkActualTime, workStart } from './actual-times';
import type { RecordAttemptRequest, RecordAttemptResult } from './care-transition.messages';
import type { TransitionRunner } from './transition-runner';
import { readySteps, type OpenStep } from './transition-state';

/** Outcome a step met by documented unsuccessful attempts is completed with. */
export const ATTEMPTS_OUTCOME = 'attempts-documented';

function openStep(runner: TransitionRunner, stepKey: string) {
  const run = runner.state.steps.find((s) => s.key === stepKey);
  const pathway = runner.pathway;
  const def = pathway?.steps.find((s) => s.key === stepKey);
  if (run?.status !== 'open' || !pathway || !def)
    throw new Error(`step ${stepKey} is not open in this transition`);
  return { run, def, pathway };
}

/** From the discharge to the step's deadline: attempts outside it are recorded, never counted. */
function windowOf(runner: TransitionRunner, run: OpenStep): OutreachWindow {
  return { from: workStart(runner) ?? run.openedAt, until: run.dueAt };
}

/** The update's validator: an open step, and a contact time that is not in the future or before the discharge. */
export function validateAttempt(runner: TransitionRunner, request: RecordAttemptRequest): void {
  openStep(runner, request.stepKey);
  checkActualTime(runner, 'contactedAt', request.contactedAt);
}

/**
 * v5 (`outreach-attempts`): an outreach attempt is written as a row of its own with a timeline
 * entry (codes and times only), and a step with an `attempts` rule completes once a contact or
 * enough unsuccessful attempts in its window meet it, recording which and when.
 */
export async function recordAttempt(
  runner: TransitionRunner,
  request: RecordAttemptRequest,
): Promise<RecordAttemptResult> {
  patched('outreach-attempts');
  const { run, def, pathway } = openStep(runner, request.stepKey);
  const window = windowOf(runner, run);
  const contactedAt = new Date(request.contactedAt).toISOString();
  const inWindow = inOutreachWindow(contactedAt, window);
  const seen = run.attempts?.some((a) => a.id === request.attemptId);
  if (!seen) {
    run.attempts = [
      ...(run.attempts ?? []),
      { id: request.attemptId, outcome: request.outcome, contactedAt },
    ];
    const { attemptId, channel, outcome, recordedBy } = request;
    const count = run.attempts.length;
    const detail = { attemptId, channel, outcome, contactedAt, inWindow, attempts: count, by: recordedBy };
    await runner.recordAttempt({
      attemptId,
      stepKey: run.key,
      episode: runner.state.episode,
      channel,
      outcome,
      contactedAt,
      recordedBy,
      inWindow,
      entry: runner.entry('attempt.recorded', [run.key, attemptId], detail, run.key),
    });
  }
  const result = {
    stepKey: run.key,
    attemptId: request.attemptId,
    attempts: run.attempts?.length ?? 0,
    inWindow,
  };
  const met = def.attempts && outreachMet(def.attempts, run.attempts ?? [], window);
  if (!met) return result;
  const outcome = met.metBy === 'contact' ? def.completingOutcomes[0] : ATTEMPTS_OUTCOME;
  await runner.closeStep(run, 'completed', outcome, request.recordedBy, { doneAt: met.at, metBy: met.metBy });
  const nextStepKey = readySteps(pathway, runner.state.steps)[0]?.def.key;
  return { ...result, metBy: met.metBy, ...(nextStepKey ? { nextStepKey } : {}) };
}
