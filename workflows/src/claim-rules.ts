import { ApplicationFailure } from '@temporalio/workflow';
import type {
  ClaimStepRequest,
  CompleteStepRequest,
  ReassignStepRequest,
  StepRefusal,
  StepRefusalDetails,
  UnclaimStepRequest,
} from './care-transition.messages';
import { revisionOf, type StepRun } from './transition-state';

/**
 * Who may change a step's claim, checked by the update validators: Temporal runs one update's
 * validator and the start of its handler before the next update's, so of two racing claims the
 * second sees the first. A refusal leaves no trace in the history (validators do not replay).
 */
function refuse(type: StepRefusal, run: StepRun, message: string): never {
  const details: StepRefusalDetails = {
    stepKey: run.key,
    holder: run.claimedBy ?? null,
    revision: revisionOf(run),
  };
  throw ApplicationFailure.create({ type, message, details: [details], nonRetryable: true });
}

/** If-Match: the revision the caller saw must still be the step's; absent, there is no check. */
export function checkRevision(run: StepRun, ifMatch: number | undefined): void {
  if (ifMatch !== undefined && ifMatch !== revisionOf(run))
    refuse('StaleRevision', run, `step ${run.key} is at revision ${revisionOf(run)}, not ${ifMatch}`);
}

function refuseIfHeldByOther(run: StepRun, caller: string): void {
  if (run.claimedBy !== undefined && run.claimedBy !== caller)
    refuse('StepHeld', run, `step ${run.key} is claimed by ${run.claimedBy}`);
}

/** Whether a claim changes nothing: the caller holds the step already (a retried request). */
export const isOwnClaim = (run: StepRun, claimedBy: string) => run.claimedBy === claimedBy;

/** A claimed step stays claimed: another's claim is refused; one's own again is a no-op. */
export function checkClaim(run: StepRun, { claimedBy, ifMatch }: ClaimStepRequest): void {
  refuseIfHeldByOther(run, claimedBy);
  if (!isOwnClaim(run, claimedBy)) checkRevision(run, ifMatch);
}

/** Only the holder gives a step back to the pool. */
export function checkUnclaim(run: StepRun, { by, ifMatch }: UnclaimStepRequest): void {
  if (run.claimedBy === undefined) refuse('StepNotClaimed', run, `step ${run.key} is not claimed`);
  refuseIfHeldByOther(run, by);
  checkRevision(run, ifMatch);
}

/** A supervisor (the api checks the role) may move any claim; only the revision is checked here. */
export function checkReassign(run: StepRun, { ifMatch }: ReassignStepRequest): void {
  checkRevision(run, ifMatch);
}

/** A claimed step is completed by its holder or a supervisor; an unclaimed one by any holder of the role. */
export function checkCompleter(run: StepRun, request: CompleteStepRequest): void {
  if (!request.supervisor) refuseIfHeldByOther(run, request.completedBy);
  checkRevision(run, request.ifMatch);
}
