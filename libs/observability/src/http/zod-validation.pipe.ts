import { HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ProblemException } from './problem-details.filter';

/** Validates a body or query with a zod schema; a 400 problem lists each bad field. */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw new ProblemException({
      type: 'https://care-transitions.dev/problems/validation',
      title: 'Invalid request',
      status: HttpStatus.BAD_REQUEST,
      detail: 'One or more fields are invalid.',
      errors: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
}
