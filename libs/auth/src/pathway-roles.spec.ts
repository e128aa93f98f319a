import { holdsPathwayRole, isSupervisor, pathwayRolesHeld, type PathwayRoleMap } from './pathway-roles';
import type { Principal } from './roles';

const caller = (...roles: string[]): Principal => ({ subject: 's', roles, facilities: ['*'], teams: [] });
const map: PathwayRoleMap = {
  holders: { 'transitional-care-nurse': ['rn', 'lpn'] },
  supervisors: ['care-team-supervisor'],
};

describe('pathway roles', () => {
  it('holds a mapped pathway role through any of its token roles, and only through them', () => {
    expect(holdsPathwayRole(map, caller('lpn'), 'transitional-care-nurse')).toBe(true);
    expect(holdsPathwayRole(map, caller('transitional-care-nurse'), 'transitional-care-nurse')).toBe(false);
    expect(holdsPathwayRole(map, caller('scheduler'), 'transitional-care-nurse')).toBe(false);
  });

  it('holds an unmapped pathway role through the token role of the same name', () => {
    expect(holdsPathwayRole(map, caller('scheduler'), 'scheduler')).toBe(true);
    expect(holdsPathwayRole(map, caller('rn'), 'scheduler')).toBe(false);
  });

  it('names supervisors, and the pool of roles a caller holds', () => {
    expect(isSupervisor(map, caller('care-team-supervisor'))).toBe(true);
    expect(isSupervisor(map, caller('rn'))).toBe(false);
    expect(
      pathwayRolesHeld(map, caller('rn', 'scheduler'), ['transitional-care-nurse', 'scheduler', 'x']),
    ).toEqual(['transitional-care-nurse', 'scheduler']);
  });
});
