import { Query } from '@nestjs/cqrs';
import type { Principal } from '@ct/auth';
import type { TransitionView } from '../transition.view';

export class GetTransitionQuery extends Query<TransitionView> {
  constructor(
    readonly transitionId: string,
    /** The caller: a transition of a facility outside its token is not found. */
    readonly actor: Principal,
  ) {
    super();
  }
}
