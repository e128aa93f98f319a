import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_ENV, type ApiEnv } from '@ct/config';
import { dayEndSql, facilityDayEnds } from '../facility-days';
import { facilityScopeSql } from '../facility-scope';
import { escalatedSql, SqlParams } from '../sql';
import { GetBreachRiskQuery, type BreachRiskBoard, type BreachRiskItem } from './breach-risk.query';
import { bucketRangesSql, bucketSql, SOON_HOURS, timeLeftSeconds, type Bucket } from './time-buckets';

interface Row {
  bucket: Bucket;
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
 * facility's local midnight, later. Each bucket is a range of due_at listed soonest first from
 * ix_tasks_active_due with a LIMIT (no sort of every open step); one GROUP BY counts them all.
 */
@QueryHandler(GetBreachRiskQuery)
export class GetBreachRiskHandler implements IQueryHandler<GetBreachRiskQuery> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: ApiEnv,
  ) {}

  async execute(query: GetBreachRiskQuery): Promise<BreachRiskBoard> {
    const now = new Date();
    const [rows, counts] = await Promise.all([this.listed(query, now), this.counted(query, now)]);
    const empty = () => ({ count: 0, items: [] as BreachRiskItem[] });
    const buckets: BreachRiskBoard['buckets'] = {
      breached: empty(),
      dueWithin4h: empty(),
      dueToday: empty(),
      later: empty(),
    };
    for (const { bucket, total } of counts) buckets[bucket].count = Number(total);
    // breached is listed from two ranges (due, and marked by the clock yet due later): cut again
    for (const row of rows) {
      const { items } = buckets[row.bucket];
      if (items.length < query.filter.limit) items.push(toItem(row, now));
    }
    return { generatedAt: now.toISOString(), buckets };
  }

  private where({ filter, facilities }: GetBreachRiskQuery, p: SqlParams): string {
    const where = [`t.status IN ('open', 'claimed')`, ...facilityScopeSql('t.facility', facilities, p)];
    if (filter.pathway) where.push(`t.pathway = ${p.add(filter.pathway)}`);
    if (filter.stepKey) where.push(`t.step_key = ${p.add(filter.stepKey)}`);
    if (filter.role) where.push(`t.role = ${p.add(filter.role)}`);
    return where.join(' AND ');
  }

  private listed(query: GetBreachRiskQuery, now: Date): Promise<Row[]> {
    const p = new SqlParams();
    const where = this.where(query, p);
    const ranges = bucketRangesSql(this.windows(now, p));
    const limit = p.add(query.filter.limit);
    const lists = ranges.map(
      ([bucket, range]) =>
        `(SELECT t.id, t.due_at, '${bucket}' AS bucket FROM tasks t WHERE ${where} AND ${range}
          ORDER BY t.due_at, t.id LIMIT ${limit})`,
    );
    return this.db.query(
      `SELECT t.id, t.transition_id, t.facility, t.pathway, t.step_key, t.role, t.status, t.priority,
         t.assignee, t.due_at, t.breached_at, l.bucket, ${escalatedSql('t')} AS escalated
       FROM (${lists.join(' UNION ALL ')}) l JOIN tasks t ON t.id = l.id
       ORDER BY l.due_at, l.id`,
      p.values,
    );
  }

  private counted(query: GetBreachRiskQuery, now: Date): Promise<{ bucket: Bucket; total: string }[]> {
    const p = new SqlParams();
    const where = this.where(query, p);
    const ends = facilityDayEnds(now, this.env.FACILITY_TIME_ZONE);
    const bucket = bucketSql(
      p.add(now),
      p.add(new Date(now.getTime() + SOON_HOURS * 3_600_000)),
      dayEndSql('t.facility', p.add(JSON.stringify(ends.byFacility)), p.add(ends.fallback)),
    );
    return this.db.query(
      `SELECT ${bucket} AS bucket, count(*) AS total
       FROM tasks t WHERE ${where} GROUP BY 1`,
      p.values,
    );
  }

  /** The instants as SQL parameters: now, now + 4 h, each facility's local midnight and its bounds. */
  private windows(now: Date, p: SqlParams) {
    const ends = facilityDayEnds(now, this.env.FACILITY_TIME_ZONE);
    const instants = [...Object.values(ends.byFacility), ends.fallback].map((end) => Date.parse(end));
    return {
      now: p.add(now),
      soonEnd: p.add(new Date(now.getTime() + SOON_HOURS * 3_600_000)),
      dayEnd: dayEndSql('t.facility', p.add(JSON.stringify(ends.byFacility)), p.add(ends.fallback)),
      firstDayEnd: p.add(new Date(Math.min(...instants))),
      lastDayEnd: p.add(new Date(Math.max(...instants))),
    };
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
