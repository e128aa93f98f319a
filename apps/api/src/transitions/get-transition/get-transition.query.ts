import { Query } from '@nestjs/cqrs';
import type { Principal } from '@ct/auth';
import type { TransitionView } from '../transition.view';

/** One transition, if it is of one of the caller's facilities (else the same 404 as a missing one). */
export class GetTransitionQuery extends Query<TransitionView> {
  constructor(
    readonly transitionId: string,
    /** The caller: a transition of a facility outside its token is not found. */
    readonly actor: Principal,
  ) {
    super();
  }
}
