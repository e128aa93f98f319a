import { HttpStatus } from '@nestjs/common';
import { holdersOf, holdsPathwayRole, isSupervisor, type PathwayRoleMap, type Principal } from '@ct/auth';
import { ProblemException } from '@ct/observability';
import type { TaskEntity } from '@ct/persistence';

/**
 * What a task write needs besides the task's facility in scope (findScopedTask: 404 outside it): `role`, the step's pathway role
 * or a supervisor's (claim, complete); `supervisor` (reassign); `scope` alone (unclaim: an
 * escalation may move the step to another role while someone holds it, who must still let it go).
 */
export type TaskWriteNeeds = 'role' | 'supervisor' | 'scope';

/** What the write may tell the workflow about its caller. */
export interface TaskAccess {
  supervisor: boolean;
}

/** A step whose role the caller lacks is a 403 naming the role, and how to get it. */
export function checkTaskRole(
  roles: PathwayRoleMap,
  actor: Principal,
  task: TaskEntity,
  needs: TaskWriteNeeds,
): TaskAccess {
  const taskId = task.id;
  const supervisor = isSupervisor(roles, actor);
  if (needs === 'supervisor' && !supervisor) {
    throw forbidden(
      `Reassigning task ${taskId} needs a supervisor role (${roles.supervisors.join(', ')}); ask a supervisor.`,
    );
  }
  if (needs === 'role' && !supervisor && !holdsPathwayRole(roles, actor, task.role)) {
    const holders = holdersOf(roles, task.role).join(', ');
    throw forbidden(
      `Task ${taskId} (step ${task.stepKey}) needs the pathway role ${task.role}: a token role among ` +
        `(${holders}), or a supervisor role (${roles.supervisors.join(', ')}). Your token has none of them.`,
    );
  }
  return { supervisor };
}

const forbidden = (detail: string) =>
  new ProblemException({
    type: 'https://care-transitions.dev/problems/role-needed',
    title: 'This task needs another role',
    status: HttpStatus.FORBIDDEN,
    detail,
  });
