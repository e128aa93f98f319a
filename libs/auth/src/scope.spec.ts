import { facilityFilter, scopedFacilities, seesFacility } from './scope';
import type { Principal } from './roles';

const caller = (facilities: string[]): Principal => ({ subject: 's', roles: [], facilities, teams: [] });

describe('facility scope', () => {
  it('lets a caller see only the facilities its token names', () => {
    const nurse = caller(['RIVERSIDE']);
    expect(seesFacility(nurse, 'RIVERSIDE')).toBe(true);
    expect(seesFacility(nurse, 'LAKESIDE')).toBe(false);
    expect(seesFacility(caller([]), 'RIVERSIDE')).toBe(false);
    expect(facilityFilter(nurse)).toEqual(['RIVERSIDE']);
  });

  it('lets the * grant see every facility, with no filter', () => {
    expect(seesFacility(caller(['*']), 'LAKESIDE')).toBe(true);
    expect(facilityFilter(caller(['*']))).toBeUndefined();
  });

  it('narrows a requested facility to the scope: empty, not an error, when outside it', () => {
    expect(scopedFacilities(caller(['RIVERSIDE']), 'RIVERSIDE')).toEqual(['RIVERSIDE']);
    expect(scopedFacilities(caller(['RIVERSIDE']), 'LAKESIDE')).toEqual([]);
    expect(scopedFacilities(caller(['*']), 'LAKESIDE')).toEqual(['LAKESIDE']);
    expect(scopedFacilities(caller(['RIVERSIDE', 'LAKESIDE']))).toEqual(['RIVERSIDE', 'LAKESIDE']);
  });
});
