import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OutreachAttemptEntity, TaskEntity } from '@ct/persistence';
import { findScopedTask } from '../scoped-task';
import { toAttemptView } from './attempt.view';
import { ListAttemptsQuery } from './list-attempts.query';

/** A task's attempts in the order they were made; a task reopened by a new episode lists its own. */
@QueryHandler(ListAttemptsQuery)
export class ListAttemptsHandler implements IQueryHandler<ListAttemptsQuery> {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(OutreachAttemptEntity) private readonly attempts: Repository<OutreachAttemptEntity>,
  ) {}

  async execute({ taskId, actor }: ListAttemptsQuery) {
    const task = await findScopedTask(this.tasks, actor, taskId);
    const rows = await this.attempts.find({
      where: { taskId: task.id, ...(task.episode ? { episode: task.episode } : {}) },
      order: { contactedAt: 'ASC', recordedAt: 'ASC' },
    });
    return { items: rows.map(toAttemptView), total: rows.length };
  }
}
