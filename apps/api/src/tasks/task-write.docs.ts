import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiZodResponse, problemDetailsSchema } from '@ct/observability';

const problem = (status: number, description: string) =>
  ApiZodResponse(status, problemDetailsSchema, description, 'application/problem+json');

/** What every task write may answer besides its result, and the If-Match it takes. */
export function TaskWriteDocs(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The ETag the task came with (W/"<revision>"): the change is made only if the task is still at that revision. Without it, no check.',
    }),
    problem(403, 'The step needs a pathway role (or a supervisor role) the token lacks'),
    problem(404, 'No such task, or one of a facility outside the token'),
    problem(409, 'The transition refused: someone else holds the task (named), the step is not open, ...'),
    problem(412, 'If-Match names an older revision: read the task again'),
  );
}
