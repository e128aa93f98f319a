import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ApplicationFailure,
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Repository } from 'typeorm';
import type { Principal } from '@ct/auth';
import { ProblemException } from '@ct/observability';
import { TaskEntity } from '@ct/persistence';
import { INVALID_TIME } from '@ct/workflows/care-transition.messages';
import { findScopedTask } from './scoped-task';

/** Options of the update: `updateId` makes a resent update the same one (Temporal answers it once). */
export interface TaskUpdateOptions {
  updateId?: string;
}

function refused(error: WorkflowUpdateFailedError): ProblemException {
  const cause = error.cause;
  if (cause instanceof ApplicationFailure && cause.type === INVALID_TIME) {
    return new ProblemException({
      type: 'https://care-transitions.dev/problems/invalid-time',
      title: 'A time in the request cannot be right',
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      detail: cause.message,
    });
  }
  return new ProblemException({
    type: 'https://care-transitions.dev/problems/step-refused',
    title: 'The transition refused this change',
    status: HttpStatus.CONFLICT,
    detail: cause?.message ?? error.message,
  });
}

/**
 * Work on a task is a Temporal update to its transition: the workflow validates it against the
 * pathway and refuses at once with its reason (409; 422 for an impossible time), before anything
 * is written. A task outside the caller's facilities is a 404, as if it did not exist.
 */
@Injectable()
export class TaskUpdates {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    private readonly temporal: Client,
  ) {}

  async send<Ret, Arg>(
    actor: Principal,
    taskId: string,
    update: UpdateDefinition<Ret, [Arg]>,
    arg: (task: TaskEntity) => Arg,
    options: TaskUpdateOptions = {},
  ): Promise<Ret> {
    const task = await findScopedTask(this.tasks, actor, taskId);
    try {
      return await this.temporal.workflow
        .getHandle(task.transitionId)
        .executeUpdate(update, { args: [arg(task)], ...options });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw refused(error);
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
