import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_ENV, type ApiEnv } from '@ct/config';
import { facilityCalendar } from '@ct/domain';
import { facilityScopeSql } from '../facility-scope';
import { SqlParams } from '../sql';
import { GetDailyQuery, type Daily } from './daily.query';
import { dayRange, fillDays } from './days';

/**
 * Breaches (breach.recorded) and completed steps (step.completed) per local day, from the
 * timeline read model: what the console's 14-day chart draws.
 */
@QueryHandler(GetDailyQuery)
export class GetDailyHandler implements IQueryHandler<GetDailyQuery> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: ApiEnv,
  ) {}

  async execute({ filter, facilities }: GetDailyQuery): Promise<Daily> {
    const now = new Date();
    const timeZone = filter.facility
      ? facilityCalendar(filter.facility, this.env.FACILITY_TIME_ZONE).timeZone
      : this.env.FACILITY_TIME_ZONE;
    const range = dayRange(now, timeZone, filter.days);
    const p = new SqlParams();
    const zone = p.add(timeZone);
    const where = [
      `e.kind IN ('breach.recorded', 'step.completed')`,
      `e.occurred_at >= ${p.add(range.from)}`,
      `e.occurred_at < ${p.add(range.to)}`,
      ...facilityScopeSql('tr.facility', facilities, p),
    ];
    if (filter.pathway) where.push(`COALESCE(tr.pathway, 'none') = ${p.add(filter.pathway)}`);
    const rows: { day: string; breaches: string; completions: string }[] = await this.db.query(
      `SELECT to_char(e.occurred_at AT TIME ZONE ${zone}, 'YYYY-MM-DD') AS day,
         count(*) FILTER (WHERE e.kind = 'breach.recorded') AS breaches,
         count(*) FILTER (WHERE e.kind = 'step.completed') AS completions
       FROM transition_timeline e LEFT JOIN transitions tr ON tr.id = e.transition_id
       WHERE ${where.join(' AND ')}
       GROUP BY 1`,
      p.values,
    );
    return { generatedAt: now.toISOString(), timeZone, items: fillDays(range, rows) };
  }
}
