import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ApplicationFailure,
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Repository } from 'typeorm';
import type { PathwayRoleMap, Principal } from '@ct/auth';
import { ProblemException } from '@ct/observability';
import { TaskEntity } from '@ct/persistence';
import { INVALID_TIME } from '@ct/workflows/care-transition.messages';
import { PATHWAY_ROLE_MAP } from './pathway-role-map';
import { findScopedTask } from './scoped-task';
import { checkTaskRole, type TaskAccess, type TaskWriteNeeds } from './task-access';
import { stepRefusalOf, stepRefusalProblem } from './step-refusals';

export interface TaskUpdateOptions {
  /** Makes a resent update the same one (Temporal answers it once). */
  updateId?: string;
  /** What the caller needs besides the task's facility (default: the step's pathway role). */
  needs?: TaskWriteNeeds;
}

function refused(taskId: string, error: WorkflowUpdateFailedError): ProblemException {
  const cause = error.cause;
  const refusal = stepRefusalOf(cause);
  if (refusal) return stepRefusalProblem(taskId, refusal);
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
 * Work on a task is a Temporal update to its transition. First the caller's scope and role: a
 * task outside its facilities is a 404 as if it did not exist, a step whose role it lacks a 403
 * (task-access.ts). Then the workflow validates the change against the pathway and the claim
 * rules and refuses at once with its reason (409; 412 for a stale If-Match; 422 for an
 * impossible time), before anything is written.
 */
@Injectable()
export class TaskUpdates {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    private readonly temporal: Client,
    @Inject(PATHWAY_ROLE_MAP) private readonly roles: PathwayRoleMap,
  ) {}

  async send<Ret, Arg>(
    actor: Principal,
    taskId: string,
    update: UpdateDefinition<Ret, [Arg]>,
    arg: (task: TaskEntity, access: TaskAccess) => Arg,
    { needs = 'role', ...options }: TaskUpdateOptions = {},
  ): Promise<Ret> {
    const task = await findScopedTask(this.tasks, actor, taskId);
    const access = checkTaskRole(this.roles, actor, task, needs);
    try {
      return await this.temporal.workflow
        .getHandle(task.transitionId)
        .executeUpdate(update, { args: [arg(task, access)], ...options });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw refused(taskId, error);
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
