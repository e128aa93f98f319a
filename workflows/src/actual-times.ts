import { ApplicationFailure, patched } from '@temporalio/workflow';
import { INVALID_TIME } from './care-transition.messages';
import type { TransitionRunner } from './transition-runner';

/** How far ahead of the workflow's clock a reported time may be (the caller's clock runs fast). */
export const CLOCK_SKEW_MS = 5 * 60_000;

const invalidTime = (message: string) =>
  ApplicationFailure.create({ type: INVALID_TIME, message, nonRetryable: true });

/** The time the transition's work may start from: its discharge, or its start (a referral). */
export function workStart(runner: TransitionRunner): string | undefined {
  return runner.state.dischargedAt ?? runner.state.startedAt;
}

/** Refuses (in a validator) a reported time in the future or before the discharge, saying which. */
export function checkActualTime(runner: TransitionRunner, field: string, iso: string): void {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw invalidTime(`${field} ${iso} is not a time; send an ISO 8601 instant`);
  if (t > Date.now() + CLOCK_SKEW_MS)
    throw invalidTime(`${field} ${iso} is in the future; send the time it actually happened`);
  const start = workStart(runner);
  if (start && t < Date.parse(start))
    throw invalidTime(`${field} ${iso} is before the discharge at ${start}; send a time after it`);
}

/**
 * v5 (`actual-times`): a completion records when the work actually happened (the caller's
 * `occurredAt`, else now) on the task and its timeline entry. Histories from before it replay
 * without (the task's done time is then the write's).
 */
export function doneAt(runner: TransitionRunner, occurredAt: string | undefined): string | undefined {
  if (!patched('actual-times')) return undefined;
  return occurredAt ? new Date(occurredAt).toISOString() : runner.now();
}
