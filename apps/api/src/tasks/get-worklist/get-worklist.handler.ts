import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { FindOptionsWhere, Repository } from 'typeorm';
import { TaskEntity } from '@ct/persistence';
import { toTaskView } from '../task.view';
import { GetWorklistQuery } from './get-worklist.query';

/** Tasks by due time, soonest first: the order a coordinator works them in. */
@QueryHandler(GetWorklistQuery)
export class GetWorklistHandler implements IQueryHandler<GetWorklistQuery> {
  constructor(@InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>) {}

  async execute({ filter }: GetWorklistQuery) {
    const where: FindOptionsWhere<TaskEntity> = {};
    if (filter.status) where.status = filter.status;
    if (filter.role) where.role = filter.role;
    if (filter.facility) where.facility = filter.facility;
    if (filter.transitionId) where.transitionId = filter.transitionId;
    if (filter.stepKey) where.stepKey = filter.stepKey;
    const [rows, total] = await this.tasks.findAndCount({
      where,
      order: { dueAt: 'ASC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items: rows.map(toTaskView), total };
  }
}
