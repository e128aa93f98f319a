import { Query } from '@nestjs/cqrs';
import type { z } from 'zod';
import type { Principal } from '@ct/auth';
import type { attemptListSchema } from './attempt.view';

export class ListAttemptsQuery extends Query<z.infer<typeof attemptListSchema>> {
  constructor(
    readonly taskId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
