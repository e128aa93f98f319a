import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_ENV, type ApiEnv } from '@ct/config';
import { dayEndSql, facilityDayEnds } from '../facility-days';
import { escalatedSql, SqlParams } from '../sql';
import { GetBreachRiskQuery, type BreachRiskBoard, type BreachRiskItem } from './breach-risk.query';
import { BUCKETS, bucketSql, SOON_HOURS, timeLeftSeconds, type Bucket } from './time-buckets';

interface Row {
  bucket: Bucket;
  total: string;
  id: string;
  transition_id: string;
  facility: string;
  pathway: string;
  step_key: string;
  role: string;
  status: string;
  priority: string;
  assignee: string | null;
  due_at: Date;
  breached_at: Date | null;
  escalated: boolean;
}

/**
 * Steps not yet done (open or claimed) by time left: breached, due within 4 h, due before the
 * facility's local midnight, later. Counted and cut to `limit` per bucket in the database.
 */
@QueryHandler(GetBreachRiskQuery)
export class GetBreachRiskHandler implements IQueryHandler<GetBreachRiskQuery> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: ApiEnv,
  ) {}

  async execute({ filter }: GetBreachRiskQuery): Promise<BreachRiskBoard> {
    const now = new Date();
    const ends = facilityDayEnds(now, this.env.FACILITY_TIME_ZONE);
    const p = new SqlParams();
    const bucket = bucketSql(
      p.add(now),
      p.add(new Date(now.getTime() + SOON_HOURS * 3_600_000)),
      dayEndSql('t.facility', p.add(JSON.stringify(ends.byFacility)), p.add(ends.fallback)),
    );
    const where = [`t.status IN ('open', 'claimed')`];
    if (filter.facility) where.push(`t.facility = ${p.add(filter.facility)}`);
    if (filter.pathway) where.push(`COALESCE(tr.pathway, 'none') = ${p.add(filter.pathway)}`);
    if (filter.stepKey) where.push(`t.step_key = ${p.add(filter.stepKey)}`);
    if (filter.role) where.push(`t.role = ${p.add(filter.role)}`);
    // the pathway is the transition's: joined for counting only when it filters
    const pathwayJoin = filter.pathway ? 'LEFT JOIN transitions tr ON tr.id = t.transition_id' : '';
    const rows: Row[] = await this.db.query(
      // Every step is bucketed, ranked and counted on narrow rows (id, due, bucket); the columns
      // and "escalated" are read for the listed ones only. The LIMIT (all that the ranks let
      // through anyway) tells the planner how few they are, so it does not JIT-compile the query.
      `WITH ranked AS (
         SELECT t.id, t.due_at, b.bucket,
           row_number() OVER (PARTITION BY b.bucket ORDER BY t.due_at, t.id) AS rank,
           count(*) OVER (PARTITION BY b.bucket) AS total
         FROM tasks t ${pathwayJoin} CROSS JOIN LATERAL (SELECT ${bucket} AS bucket) b
         WHERE ${where.join(' AND ')}
       ), listed AS (
         SELECT * FROM ranked WHERE rank <= ${p.add(filter.limit)} ORDER BY due_at, id
         LIMIT ${p.add(BUCKETS.length * filter.limit)}
       )
       SELECT t.id, t.transition_id, t.facility, COALESCE(tr.pathway, 'none') AS pathway, t.step_key,
         t.role, t.status, t.priority, t.assignee, t.due_at, t.breached_at, l.bucket, l.total,
         ${escalatedSql('t')} AS escalated
       FROM listed l JOIN tasks t ON t.id = l.id LEFT JOIN transitions tr ON tr.id = t.transition_id
       ORDER BY l.due_at, l.id`,
      p.values,
    );
    const empty = () => ({ count: 0, items: [] as BreachRiskItem[] });
    const buckets: BreachRiskBoard['buckets'] = {
      breached: empty(),
      dueWithin4h: empty(),
      dueToday: empty(),
      later: empty(),
    };
    for (const row of rows) {
      buckets[row.bucket].count = Number(row.total);
      buckets[row.bucket].items.push(toItem(row, now));
    }
    return { generatedAt: now.toISOString(), buckets };
  }
}

function toItem(row: Row, now: Date): BreachRiskItem {
  return {
    taskId: row.id,
    transitionId: row.transition_id,
    facility: row.facility,
    pathway: row.pathway,
    stepKey: row.step_key,
    role: row.role,
    status: row.status,
    priority: row.priority,
    assignee: row.assignee,
    dueAt: row.due_at.toISOString(),
    timeLeftSeconds: timeLeftSeconds(row.due_at, now),
    breachedAt: row.breached_at?.toISOString() ?? null,
    escalated: row.escalated,
  };
}
