import { Query } from '@nestjs/cqrs';
import type { Principal } from '@ct/auth';
import type { TransitionView } from '../transition.view';

/** One transition, if it is of one of the caller's facilities (else the same 404 as a missing one). */
export class GetTransitionQuery extends Query<TransitionView> {
  constructor(
    readonly transitionId: string,
    readonly caller: Principal,
  ) {
    super();
  }
}
