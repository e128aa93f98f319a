import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_ENV, type ApiEnv } from '@ct/config';
import { dayEndSql, facilityDayEnds } from '../facility-days';
import { facilityScopeSql } from '../facility-scope';
import { escalatedSql, SqlParams } from '../sql';
import { GetBreachRiskQuery, type BreachRiskBoard, type BreachRiskItem } from './breach-risk.query';
import { bucketRangesSql, SOON_HOURS, timeLeftSeconds, type Bucket } from './time-buckets';

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
 * ix_tasks_active_due with a LIMIT, and counted by the same ranges: no sort of every open step.
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
    for (const [bucket, count] of counts) buckets[bucket].count = count;
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

  /**
   * Counted as the ranges are listed: each bucket's ranges counted on ix_tasks_active_due, and
   * later as what is left of the total (the buckets split the open steps), so no expression is
   * computed for every open step and nothing is grouped.
   */
  private async counted(query: GetBreachRiskQuery, now: Date): Promise<Map<Bucket, number>> {
    const p = new SqlParams();
    const where = this.where(query, p);
    // later is not counted by its range: its bound is left out of the parameters
    const windows = this.windows(now, p, false);
    const ranges = bucketRangesSql(windows).filter(([bucket]) => bucket !== 'later');
    const count = (range?: string) =>
      `(SELECT count(*) FROM tasks t WHERE ${where}${range ? ` AND ${range}` : ''})`;
    // one row always; none only from a stand-in that records the SQL (bench/console --explain)
    const [row = {}]: Record<string, string>[] = await this.db.query(
      `SELECT ${count()} AS total, ${ranges.map(([, range], i) => `${count(range)} AS r${i}`).join(', ')}`,
      p.values,
    );
    const counts = new Map<Bucket, number>();
    ranges.forEach(([bucket], i) =>
      counts.set(bucket, (counts.get(bucket) ?? 0) + Number(row[`r${i}`] ?? 0)),
    );
    const listed = [...counts.values()].reduce((sum, n) => sum + n, 0);
    return counts.set('later', Number(row.total ?? 0) - listed);
  }

  /** The instants as SQL parameters: now, now + 4 h, each facility's local midnight and its bounds. */
  private windows(now: Date, p: SqlParams, later = true) {
    const ends = facilityDayEnds(now, this.env.FACILITY_TIME_ZONE);
    const instants = [...Object.values(ends.byFacility), ends.fallback].map((end) => Date.parse(end));
    return {
      now: p.add(now),
      soonEnd: p.add(new Date(now.getTime() + SOON_HOURS * 3_600_000)),
      dayEnd: dayEndSql('t.facility', p.add(JSON.stringify(ends.byFacility)), p.add(ends.fallback)),
      firstDayEnd: later ? p.add(new Date(Math.min(...instants))) : 'NULL',
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
