import type { PathwayRoleMap, Principal } from '@ct/auth';
import type { ProblemException } from '@ct/observability';
import type { TaskEntity } from '@ct/persistence';
import { checkTaskRole, type TaskWriteNeeds } from './task-access';

const roles: PathwayRoleMap = {
  holders: { 'transitional-care-nurse': ['rn'] },
  supervisors: ['care-team-supervisor'],
};
const task = {
  id: 't-1',
  facility: 'RIVERSIDE',
  role: 'transitional-care-nurse',
  stepKey: 'tcm-contact',
} as TaskEntity;
const caller = (roleNames: string[], facilities = ['RIVERSIDE']): Principal => ({
  subject: 'u',
  roles: roleNames,
  facilities,
  teams: [],
});

/** The status and body of the problem a check throws, or the access it grants. */
function outcome(actor: Principal, needs: TaskWriteNeeds) {
  try {
    return checkTaskRole(roles, actor, task, needs);
  } catch (error) {
    const problem = error as ProblemException;
    return { status: problem.getStatus(), body: problem.getResponse() as Record<string, string> };
  }
}

describe('checkTaskRole', () => {
  it("lets a holder of the step's pathway role or a supervisor claim and complete; 403 naming the role otherwise", () => {
    expect(outcome(caller(['rn']), 'role')).toEqual({ supervisor: false });
    expect(outcome(caller(['care-team-supervisor']), 'role')).toEqual({ supervisor: true });
    const refused = outcome(caller(['scheduler']), 'role');
    expect(refused).toMatchObject({
      status: 403,
      body: {
        detail: expect.stringContaining(
          'needs the pathway role transitional-care-nurse: a token role among (rn)',
        ),
      },
    });
  });

  it('lets only supervisors reassign, and anyone in scope unclaim (the workflow checks the holder)', () => {
    expect(outcome(caller(['rn']), 'supervisor')).toMatchObject({ status: 403 });
    expect(outcome(caller(['care-team-supervisor']), 'supervisor')).toEqual({ supervisor: true });
    expect(outcome(caller(['scheduler']), 'scope')).toEqual({ supervisor: false });
  });
});
