import { HttpStatus } from '@nestjs/common';
import type { Principal } from './roles';

/** A facilities claim holding this grants every facility (a health system's own ops staff). */
export const ALL_FACILITIES = '*';

/** Whether the caller may see rows of this facility. */
export function seesFacility(principal: Principal, facility: string): boolean {
  return principal.facilities.includes(ALL_FACILITIES) || principal.facilities.includes(facility);
}

/** The facilities to filter a query by; `undefined` means every facility (the `*` grant). */
export function facilityFilter(principal: Principal): readonly string[] | undefined {
  return principal.facilities.includes(ALL_FACILITIES) ? undefined : principal.facilities;
}

/**
 * The facilities a caller asks for, narrowed to its scope: the requested one if granted (an
 * empty list if not, so the answer is empty rather than a 403 that confirms the facility exists).
 */
export function scopedFacilities(principal: Principal, requested?: string): readonly string[] | undefined {
  if (requested) return seesFacility(principal, requested) ? [requested] : [];
  return facilityFilter(principal);
}

/** The problem body of a row outside the caller's scope: the same 404 as a row that does not exist. */
export const notFoundProblem = (what: string, id: string) => ({
  type: 'https://care-transitions.dev/problems/not-found',
  title: `${what} not found`,
  status: HttpStatus.NOT_FOUND,
  detail: `No ${what.toLowerCase()} with id ${id}.`,
});
