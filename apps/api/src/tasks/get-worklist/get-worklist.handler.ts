import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { PathwayRoleMap } from '@ct/auth';
import { TaskEntity } from '@ct/persistence';
import { PATHWAY_ROLE_MAP } from '../pathway-role-map';
import { toTaskView } from '../task.view';
import { GetWorklistQuery, type Worklist } from './get-worklist.query';
import { encodeWorklistCursor } from './worklist-cursor';
import { SORT_KEYS } from './worklist-sort';
import { WorklistSql } from './worklist-sql';

interface PageRow {
  id: string;
  cursor_keys: string[];
}

interface CountRow {
  all: string;
  mine: string;
  pool: string;
  total: string;
  breached: string;
}

/**
 * A page of the caller's worklist in the order asked for, a keyset page at a time, with the
 * counts of every view under the same filters (one pass over the caller's rows).
 */
@QueryHandler(GetWorklistQuery)
export class GetWorklistHandler implements IQueryHandler<GetWorklistQuery> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PATHWAY_ROLE_MAP) private readonly roles: PathwayRoleMap,
  ) {}

  async execute({ filter, actor }: GetWorklistQuery): Promise<Worklist> {
    const list = new WorklistSql(filter, actor, this.roles);
    const keys = SORT_KEYS[filter.sort];
    const order = keys.map((key) => key.sql).join(', ');
    const after: string[] = [];
    if (filter.after) {
      const values = filter.after.keys.map((value, i) => `${list.p.add(value)}::${keys[i].cast}`);
      after.push(`(${order}, t.id) > (${values.join(', ')}, ${list.p.add(filter.after.id)}::uuid)`);
    }
    const listSql = list.facilities
      ? // one ordered index scan per facility, each with its LIMIT, merged: no sort of every row in scope
        `SELECT t.id, ARRAY[${keys.map((key) => key.text).join(', ')}] AS cursor_keys
         FROM unnest(${list.p.add(list.facilities)}::text[]) AS f(facility)
         CROSS JOIN LATERAL (SELECT t.* FROM tasks t WHERE t.facility = f.facility AND ${list.listWhere(after)}
           ORDER BY ${order}, t.id LIMIT ${filter.limit + 1}) t
         ORDER BY ${order}, t.id LIMIT ${filter.limit + 1}`
      : `SELECT t.id, ARRAY[${keys.map((key) => key.text).join(', ')}] AS cursor_keys FROM tasks t
         WHERE ${list.listWhere(after)} ORDER BY ${order}, t.id LIMIT ${filter.limit + 1}`;
    const count = new WorklistSql(filter, actor, this.roles);
    const countSql = `SELECT count(*) AS "all",
         count(*) FILTER (WHERE ${count.view('mine')}) AS mine,
         count(*) FILTER (WHERE ${count.view('pool')}) AS pool,
         count(*) FILTER (WHERE ${count.view(filter.view)}) AS total,
         count(*) FILTER (WHERE ${count.view(filter.view)} AND ${count.breached}) AS breached
       FROM tasks t WHERE ${count.sharedWhere()}`;
    const [rows, [counts]] = await Promise.all([
      this.db.query<PageRow[]>(listSql, list.p.values),
      this.db.query<CountRow[]>(countSql, count.p.values),
    ]);
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    // the page's rows as entities (every column the task view shows), in the page's order
    const byId = new Map(
      (await this.db.getRepository(TaskEntity).findBy({ id: In(page.map((row) => row.id)) })).map((task) => [
        task.id,
        task,
      ]),
    );
    return {
      items: page.flatMap((row) => {
        const task = byId.get(row.id);
        return task ? [toTaskView(task)] : []; // gone since the page was read: a later read shows why
      }),
      total: Number(counts.total),
      counts: {
        all: Number(counts.all),
        mine: Number(counts.mine),
        pool: Number(counts.pool),
        breached: Number(counts.breached),
      },
      nextCursor:
        rows.length > filter.limit && last
          ? encodeWorklistCursor({ keys: last.cursor_keys, id: last.id, filters: filter.fingerprint })
          : null,
    };
  }
}
