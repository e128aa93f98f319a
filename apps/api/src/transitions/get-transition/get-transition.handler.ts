import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { notFoundProblem, seesFacility } from '@ct/auth';
import { ProblemException } from '@ct/observability';
import { TaskEntity, TimelineEntryEntity, TransitionEntity } from '@ct/persistence';
import { toTaskView } from '../../tasks/task.view';
import { toTransitionView } from '../transition.view';
import { GetTransitionQuery } from './get-transition.query';

/** State, tasks and timeline of one transition, from Postgres (it outlives the workflow). */
@QueryHandler(GetTransitionQuery)
export class GetTransitionHandler implements IQueryHandler<GetTransitionQuery> {
  constructor(
    @InjectRepository(TransitionEntity) private readonly transitions: Repository<TransitionEntity>,
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(TimelineEntryEntity) private readonly timeline: Repository<TimelineEntryEntity>,
  ) {}

  async execute({ transitionId, caller }: GetTransitionQuery) {
    const transition = await this.transitions.findOneBy({ id: transitionId });
    // another facility's transition is answered as if it did not exist: a 403 would confirm it does
    if (!transition || !seesFacility(caller, transition.facility)) {
      throw new ProblemException(notFoundProblem('Transition', transitionId));
    }
    const [tasks, entries] = await Promise.all([
      this.tasks.find({ where: { transitionId }, order: { dueAt: 'ASC', id: 'ASC' } }),
      this.timeline.find({ where: { transitionId }, order: { occurredAt: 'ASC', recordedAt: 'ASC' } }),
    ]);
    return toTransitionView(transition, tasks.map(toTaskView), entries);
  }
}
