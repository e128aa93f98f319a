import { HttpStatus } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Repository } from 'typeorm';
import { ProblemException } from '@ct/observability';
import { TaskEntity } from '@ct/persistence';
import { completeStepUpdate } from '@ct/workflows/care-transition.messages';
import { CompleteTaskCommand } from './complete-task.command';

/**
 * Completing a task is a Temporal update: the workflow validates it against the pathway and
 * either moves on or refuses at once with its reason (409), before anything is written.
 */
@CommandHandler(CompleteTaskCommand)
export class CompleteTaskHandler implements ICommandHandler<CompleteTaskCommand> {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    private readonly temporal: Client,
  ) {}

  async execute({ taskId, request }: CompleteTaskCommand) {
    const task = await this.tasks.findOneBy({ id: taskId });
    if (!task) throw notFound(taskId);
    const handle = this.temporal.workflow.getHandle(task.transitionId);
    try {
      return await handle.executeUpdate(completeStepUpdate, {
        args: [{ stepKey: task.stepKey, ...request }],
      });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        throw new ProblemException({
          type: 'https://care-transitions.dev/problems/step-refused',
          title: 'The transition refused this completion',
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

function notFound(taskId: string): ProblemException {
  return new ProblemException({
    type: 'https://care-transitions.dev/problems/not-found',
    title: 'Task not found',
    status: HttpStatus.NOT_FOUND,
    detail: `No task with id ${taskId}.`,
  });
}
