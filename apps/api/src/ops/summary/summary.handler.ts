import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_ENV, type ApiEnv } from '@ct/config';
import { dueBeforeDayEndSql, facilityDayEnds } from '../facility-days';
import { facilityScopeSql } from '../facility-scope';
import { breachedSql, escalatedSql, SqlParams } from '../sql';
import { GetSummaryQuery, type SummaryCounts, type SummaryRow } from './summary.query';

const COUNTS = ['open', 'claimed', 'dueToday', 'breached', 'escalated'] as const;

const countsOf = (row: Record<string, string>): SummaryCounts => ({
  open: Number(row.open),
  claimed: Number(row.claimed),
  dueToday: Number(row.dueToday),
  breached: Number(row.breached),
  escalated: Number(row.escalated),
});

/**
 * Steps not yet done, counted by facility × pathway × step: one pass over the active tasks'
 * own columns (the worker keeps their pathway and escalation mark), no join, no timeline.
 */
@QueryHandler(GetSummaryQuery)
export class GetSummaryHandler implements IQueryHandler<GetSummaryQuery> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: ApiEnv,
  ) {}

  async execute({ filter, facilities }: GetSummaryQuery) {
    const now = new Date();
    const ends = facilityDayEnds(now, this.env.FACILITY_TIME_ZONE);
    const p = new SqlParams();
    const at = p.add(now);
    const breached = breachedSql(at);
    const dueToday = dueBeforeDayEndSql('t.due_at', 't.facility', ends, p);
    const where = [`t.status IN ('open', 'claimed')`, ...facilityScopeSql('t.facility', facilities, p)];
    if (filter.pathway) where.push(`t.pathway = ${p.add(filter.pathway)}`);
    const rows: Record<string, string>[] = await this.db.query(
      `SELECT t.facility, t.pathway, t.step_key AS "stepKey",
         count(*) FILTER (WHERE t.status = 'open') AS open,
         count(*) FILTER (WHERE t.status = 'claimed') AS claimed,
         count(*) FILTER (WHERE NOT ${breached} AND ${dueToday}) AS "dueToday",
         count(*) FILTER (WHERE ${breached}) AS breached,
         count(*) FILTER (WHERE ${escalatedSql('t')}) AS escalated
       FROM tasks t
       WHERE ${where.join(' AND ')}
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      p.values,
    );
    const totals: SummaryCounts = { open: 0, claimed: 0, dueToday: 0, breached: 0, escalated: 0 };
    const items = rows.map((row): SummaryRow => {
      const counts = countsOf(row);
      for (const name of COUNTS) totals[name] += counts[name];
      return { facility: row.facility, pathway: row.pathway, stepKey: row.stepKey, ...counts };
    });
    return { generatedAt: now.toISOString(), totals, items };
  }
}
