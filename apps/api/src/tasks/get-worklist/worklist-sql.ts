import {
  scopedFacilities,
  isSupervisor,
  pathwayRolesHeld,
  type PathwayRoleMap,
  type Principal,
} from '@ct/auth';
import { SqlParams } from '../../ops/sql';
import { TASK_ROLES } from '../pathway-role-map';
import type { WorklistFilter } from './get-worklist.query';

type View = WorklistFilter['view'];

const ACTIVE = `t.status IN ('open', 'claimed')`;

/**
 * The WHERE of a worklist read, in parts: what every view shares (the caller's facilities and the
 * filters) and what each view adds. Values go in as parameters, never into the SQL text.
 */
export class WorklistSql {
  readonly p = new SqlParams();
  readonly shared: string[] = [];
  /** The facilities to read: the caller's, narrowed to the one asked for; undefined: all (`*`). */
  readonly facilities: readonly string[] | undefined;
  private readonly views: Record<View, () => string>;

  /** One per statement: each holds the parameters its own SQL uses, no more. */
  constructor(
    private readonly filter: WorklistFilter,
    actor: Principal,
    roles: PathwayRoleMap,
  ) {
    const { p, shared } = this;
    this.facilities = scopedFacilities(actor, filter.facility);
    if (filter.status === 'active') shared.push(ACTIVE);
    else if (filter.status !== 'any') shared.push(`t.status = ${p.add(filter.status)}`);
    if (filter.priority) shared.push(`t.priority = ${p.add(filter.priority)}`);
    if (filter.dueBefore) shared.push(`t.due_at < ${p.add(filter.dueBefore)}`);
    if (filter.pathway) shared.push(`t.pathway = ${p.add(filter.pathway)}`);
    if (filter.role) shared.push(`t.role = ${p.add(filter.role)}`);
    if (filter.stepKey) shared.push(`t.step_key = ${p.add(filter.stepKey)}`);
    if (filter.transitionId) shared.push(`t.transition_id = ${p.add(filter.transitionId)}`);
    if (filter.assignee) shared.push(`t.assignee = ${p.add(filter.assignee)}`);
    if (filter.mrn && filter.authority)
      shared.push(`t.patient_key = ${p.add(`${filter.authority}|${filter.mrn}`)}`);
    else if (filter.mrn) shared.push(`split_part(t.patient_key, '|', 2) = ${p.add(filter.mrn)}`);
    if (filter.breached !== undefined) shared.push(filter.breached ? this.breached : `NOT ${this.breached}`);

    const held = isSupervisor(roles, actor) ? undefined : pathwayRolesHeld(roles, actor, TASK_ROLES);
    this.views = {
      all: () => 'TRUE',
      mine: () => `t.assignee = ${p.add(actor.subject)}`,
      pool: () =>
        and([
          `t.assignee IS NULL`,
          `t.status = 'open'`,
          ...(held ? [`t.role = ANY(${p.add(held)}::text[])`] : []),
        ]),
    };
  }

  /** Breached: recorded by the clock, or past due while still to do (as the task view says). */
  get breached(): string {
    return `(t.breached_at IS NOT NULL OR (${ACTIVE} AND t.due_at <= now()))`;
  }

  /** The view's own conditions (its parameters are added to this statement's). */
  view(view: View): string {
    return this.views[view]();
  }

  /** `t.facility` in the facilities read (none when every facility is). */
  facilityIn(): string[] {
    return this.facilities ? [`t.facility = ANY(${this.p.add(this.facilities)}::text[])`] : [];
  }

  /** The shared conditions and the listed view's, for the page (the facility condition apart). */
  listWhere(extra: string[] = []): string {
    return and([...this.shared, this.view(this.filter.view), ...extra]);
  }

  /** The shared conditions with the facilities, for the counts. */
  sharedWhere(): string {
    return and([...this.facilityIn(), ...this.shared]);
  }
}

const and = (parts: string[]) => (parts.length ? parts.map((part) => `(${part})`).join(' AND ') : 'TRUE');
