import { HttpStatus } from '@nestjs/common';
import { facilityFilter, type Principal } from '@ct/auth';
import { ProblemException } from '@ct/observability';
import type { SqlParams } from './sql';

/**
 * The facilities an ops query may read (`scopedFacilities` of @ct/auth): `undefined` is every
 * facility (the `*` grant), an empty list a facility asked for outside the caller's scope.
 */
export type FacilityScope = readonly string[] | undefined;

/** The WHERE condition that keeps `column` within the scope, or none for every facility. */
export function facilityScopeSql(column: string, scope: FacilityScope, p: SqlParams): string[] {
  if (scope === undefined) return [];
  // one facility as `=`: the planner then walks (facility, …) indexes in order
  if (scope.length === 1) return [`${column} = ${p.add(scope[0])}`];
  return [`${column} = ANY(${p.add(scope)}::text[])`];
}

/**
 * Views with no facility of their own (the pipeline, feeds per sender, dead letters) would show
 * other facilities' traffic: only a caller granted every facility sees them.
 */
export function requireEveryFacility(principal: Principal, view: string): void {
  if (facilityFilter(principal) === undefined) return;
  throw new ProblemException({
    type: 'https://care-transitions.dev/problems/needs-every-facility',
    title: 'This view needs access to every facility',
    status: HttpStatus.FORBIDDEN,
    detail:
      `${view} is not kept per facility, so it is shown only to callers whose token grants every ` +
      `facility (the facilities claim "*"); ask your identity provider's administrator for it, or ` +
      'use the views filtered by facility (summary, breach-risk, stuck-transitions, transitions).',
  });
}
