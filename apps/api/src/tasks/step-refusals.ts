import { HttpStatus } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/client';
import { ProblemException } from '@ct/observability';
import {
  STEP_REFUSALS,
  type StepRefusal,
  type StepRefusalDetails,
} from '@ct/workflows/care-transition.messages';
import { etagOf } from './if-match';

const PROBLEMS = 'https://care-transitions.dev/problems';

/** The claim rule the workflow refused a change by, if that is what it was. */
export function stepRefusalOf(
  cause: unknown,
): { type: StepRefusal; details: StepRefusalDetails } | undefined {
  if (!(cause instanceof ApplicationFailure)) return undefined;
  const type = STEP_REFUSALS.find((known) => known === cause.type);
  const details = cause.details?.[0] as StepRefusalDetails | undefined;
  return type && details ? { type, details } : undefined;
}

/** What the caller is told, and what to do: each claim rule is one problem. */
export function stepRefusalProblem(
  taskId: string,
  { type, details }: { type: StepRefusal; details: StepRefusalDetails },
): ProblemException {
  switch (type) {
    case 'StepHeld':
      return new ProblemException({
        type: `${PROBLEMS}/task-held`,
        title: 'Someone else holds this task',
        status: HttpStatus.CONFLICT,
        detail:
          `Task ${taskId} is claimed by ${details.holder}. Ask them to unclaim it, or a supervisor to ` +
          `reassign it (POST /api/v1/tasks/${taskId}/reassign).`,
      });
    case 'StepNotClaimed':
      return new ProblemException({
        type: `${PROBLEMS}/task-not-claimed`,
        title: 'Nobody holds this task',
        status: HttpStatus.CONFLICT,
        detail: `Task ${taskId} is not claimed, so there is nothing to give back; claim it first.`,
      });
    case 'StaleRevision':
      return new ProblemException({
        type: `${PROBLEMS}/task-changed`,
        title: 'The task changed since you read it',
        status: HttpStatus.PRECONDITION_FAILED,
        detail:
          `Task ${taskId} is now at ${etagOf(details.revision)}, not the revision in If-Match. Read it ` +
          `again; if the change still makes sense, send it with If-Match: ${etagOf(details.revision)}.`,
      });
    default:
      return assertUnreachable(type);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unhandled step refusal ${String(value)}`);
}
