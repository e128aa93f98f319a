import { patched, setHandler } from '@temporalio/workflow';
import type { TimelineEntry } from './care-transition.activities';
import {
  claimStepUpdate,
  reassignStepUpdate,
  unclaimStepUpdate,
  type ClaimStepRequest,
  type ReassignStepRequest,
  type StepClaimResult,
  type UnclaimStepRequest,
} from './care-transition.messages';
import { checkClaim, checkReassign, checkUnclaim, isOwnClaim } from './claim-rules';
import type { TransitionRunner } from './transition-runner';
import { openRun, revisionOf, type StepRun } from './transition-state';

const claimOf = (run: StepRun): StepClaimResult => ({
  stepKey: run.key,
  assignee: run.claimedBy ?? null,
  revision: revisionOf(run),
});

/**
 * Claim, unclaim and reassignment of a step: the holder is set before the first await, so the
 * next update's validator already sees it (claim-rules.ts). Each change is a task write with its
 * timeline entry: who (`by`) and why (`reason`, a code).
 */
export function handleStepClaims(runner: TransitionRunner): void {
  const { state } = runner;
  setHandler(
    claimStepUpdate,
    async ({ stepKey, claimedBy }) => {
      const run = openRun(state, stepKey);
      // v6: a claim by the holder again changes nothing (histories before it wrote it again)
      const guarded = patched('claim-guard');
      if (guarded && isOwnClaim(run, claimedBy)) return claimOf(run);
      run.claimedBy = claimedBy;
      const detail: TimelineEntry['detail'] = guarded
        ? { assignee: claimedBy, by: claimedBy, reason: 'self-claim' }
        : { by: claimedBy };
      await runner.change(run, 'step.claimed', [++state.seq], { assignee: claimedBy }, detail);
      return claimOf(run);
    },
    { validator: (request: ClaimStepRequest) => checkClaim(openRun(state, request.stepKey), request) },
  );
  // new updates: no history before them holds one, so they need no patch
  setHandler(
    unclaimStepUpdate,
    async ({ stepKey, by, reason }) => {
      const run = openRun(state, stepKey);
      delete run.claimedBy;
      const detail = { assignee: null, by, reason: reason ?? 'released' };
      await runner.change(run, 'step.unclaimed', [++state.seq], { assignee: null }, detail);
      return claimOf(run);
    },
    { validator: (request: UnclaimStepRequest) => checkUnclaim(openRun(state, request.stepKey), request) },
  );
  setHandler(
    reassignStepUpdate,
    async ({ stepKey, assignee, reason, by }) => {
      const run = openRun(state, stepKey);
      const previous = run.claimedBy ?? null;
      if (previous === assignee) return claimOf(run);
      if (assignee === null) delete run.claimedBy;
      else run.claimedBy = assignee;
      const detail = { assignee, previous, by, reason };
      await runner.change(run, 'step.reassigned', [++state.seq], { assignee }, detail);
      return claimOf(run);
    },
    { validator: (request: ReassignStepRequest) => checkReassign(openRun(state, request.stepKey), request) },
  );
}
