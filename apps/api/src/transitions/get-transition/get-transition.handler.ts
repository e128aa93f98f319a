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

  async execute({ transitionId, actor }: GetTransitionQuery) {
    const transition = await this.transitions.findOneBy({ id: transitionId });
    // outside the caller's facilities: the same 404 as no transition at all
    if (!transition || !seesFacility(actor, transition.facility))
      throw new ProblemException(notFoundProblem('Transition', transitionId));
    const [tasks, entries] = await Promise.all([
      this.tasks.find({ where: { transitionId }, order: { dueAt: 'ASC', id: 'ASC' } }),
      this.timeline.find({ where: { transitionId }, order: { occurredAt: 'ASC', recordedAt: 'ASC' } }),
    ]);
    return toTransitionView(
      transition,
      tasks.map((task) => toTaskView(task)),
      entries,
    );
  }
}
