import type { Repository } from 'typeorm';
import { notFoundProblem, seesFacility, type Principal } from '@ct/auth';
import { ProblemException } from '@ct/observability';
import type { TaskEntity } from '@ct/persistence';

/** The task, if the caller's facilities include its own; a task outside them is the same 404 as none. */
export async function findScopedTask(
  tasks: Repository<TaskEntity>,
  actor: Principal,
  taskId: string,
): Promise<TaskEntity> {
  const task = await tasks.findOneBy({ id: taskId });
  if (!task || !seesFacility(actor, task.facility))
    throw new ProblemException(notFoundProblem('Task', taskId));
  return task;
}
