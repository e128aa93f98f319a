import { Query } from '@nestjs/cqrs';
import type { TransitionView } from '../transition.view';

export class GetTransitionQuery extends Query<TransitionView> {
  constructor(readonly transitionId: string) {
    super();
  }
}
