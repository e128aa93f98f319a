import type { Principal } from './roles';

/**
 * Who holds a pathway's roles: pathway role (a step's `role`, such as `transitional-care-nurse`)
 * → the token roles that hold it. A pathway role missing from the map is held by the token role
 * of the same name. Supervisors (`supervisors`) may reassign and complete any step in their scope.
 */
export interface PathwayRoleMap {
  holders: Readonly<Record<string, readonly string[]>>;
  supervisors: readonly string[];
}

export function holdersOf(map: PathwayRoleMap, pathwayRole: string): readonly string[] {
  return map.holders[pathwayRole] ?? [pathwayRole];
}

/** Whether the caller holds this pathway role (and so may claim and complete its steps). */
export function holdsPathwayRole(map: PathwayRoleMap, principal: Principal, pathwayRole: string): boolean {
  return holdersOf(map, pathwayRole).some((role) => principal.roles.includes(role));
}

export function isSupervisor(map: PathwayRoleMap, principal: Principal): boolean {
  return map.supervisors.some((role) => principal.roles.includes(role));
}

/** The pathway roles the caller holds, among those named (a worklist's pool). */
export function pathwayRolesHeld(
  map: PathwayRoleMap,
  principal: Principal,
  pathwayRoles: readonly string[],
): string[] {
  return pathwayRoles.filter((role) => holdsPathwayRole(map, principal, role));
}
