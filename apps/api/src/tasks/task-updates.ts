import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Repository } from 'typeorm';
import { ProblemException } from '@ct/observability';
import { TaskEntity } from '@ct/persistence';

/**
 * Work on a task is a Temporal update to its transition: the workflow validates it against the
 * pathway and refuses at once with its reason (409), before anything is written.
 */
@Injectable()
export class TaskUpdates {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    private readonly temporal: Client,
  ) {}

  async send<Ret, Arg>(taskId: string, update: UpdateDefinition<Ret, [Arg]>, arg: (task: TaskEntity) => Arg) {
    const task = await this.tasks.findOneBy({ id: taskId });
    if (!task) {
      throw new ProblemException({
        type: 'https://care-transitions.dev/problems/not-found',
        title: 'Task not found',
        status: HttpStatus.NOT_FOUND,
        detail: `No task with id ${taskId}.`,
      });
    }
    try {
      return await this.temporal.workflow
        .getHandle(task.transitionId)
        .executeUpdate(update, { args: [arg(task)] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        throw new ProblemException({
          type: 'https://care-transitions.dev/problems/step-refused',
          title: 'The transition refused this change',
          status: HttpStatus.CONFLICT,
          detail: error.cause?.message ?? error.message,
        });
      }
      if (error instanceof WorkflowNotFoundError) {
        throw new ProblemException({
          type: 'https://care-transitions.dev/problems/transition-closed',
          title: 'The transition of this task has ended',
          status: HttpStatus.CONFLICT,
        });
      }
      throw error;
    }
  }
}
