import type { Provider } from '@nestjs/common';
import type { PathwayRoleMap } from '@ct/auth';
import { APP_ENV, type ApiEnv } from '@ct/config';
import { PATHWAYS } from '@ct/domain';

/** The api's PathwayRoleMap (PATHWAY_ROLES, SUPERVISOR_ROLES), injected by this token. */
export const PATHWAY_ROLE_MAP = Symbol('PATHWAY_ROLE_MAP');

export const pathwayRoleMapProvider: Provider = {
  provide: PATHWAY_ROLE_MAP,
  inject: [APP_ENV],
  useFactory: (env: ApiEnv): PathwayRoleMap => ({
    holders: env.PATHWAY_ROLES,
    supervisors: env.SUPERVISOR_ROLES,
  }),
};

/** Every role a task can carry: the steps' roles and the roles escalation reassigns to. */
export const TASK_ROLES: readonly string[] = [
  ...new Set(
    PATHWAYS.flatMap((pathway) =>
      pathway.steps.flatMap((step) => [
        step.role,
        ...step.escalation.flatMap((rung) => (rung.action === 'reassign' ? [rung.role] : [])),
      ]),
    ),
  ),
];
