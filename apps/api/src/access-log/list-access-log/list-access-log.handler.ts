import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { facilityFilter } from '@ct/auth';
import type { AccessOutcome } from '@ct/persistence';
import { encodeCursor } from '../../ops/list-transitions/cursor';
import { SqlParams } from '../../ops/sql';
import { ListAccessLogQuery, type AccessLogPage } from './list-access-log.query';

interface Row {
  id: string;
  at: Date;
  subject: string;
  patient_key: string;
  facility: string;
  task_id: string | null;
  transition_id: string | null;
  route: string;
  request_id: string;
  outcome: AccessOutcome;
  /** at to the microsecond, UTC: what the cursor keeps. */
  cursor_at: string;
}

/** Newest read first, a keyset page at a time over (at, id), of the caller's facilities only. */
@QueryHandler(ListAccessLogQuery)
export class ListAccessLogHandler implements IQueryHandler<ListAccessLogQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ filter, principal }: ListAccessLogQuery): Promise<AccessLogPage> {
    const p = new SqlParams();
    const where: string[] = [];
    const facilities = facilityFilter(principal);
    if (facilities) where.push(`facility = ANY(${p.add(facilities)}::text[])`);
    if (filter.patientKey) where.push(`patient_key = ${p.add(filter.patientKey)}`);
    if (filter.subject) where.push(`subject = ${p.add(filter.subject)}`);
    if (filter.from) where.push(`at >= ${p.add(filter.from)}`);
    if (filter.to) where.push(`at < ${p.add(filter.to)}`);
    if (filter.cursor) {
      where.push(
        `(at, id) < (${p.add(filter.cursor.updatedAt)}::timestamptz, ${p.add(filter.cursor.id)}::uuid)`,
      );
    }
    const rows: Row[] = await this.db.query(
      `SELECT id, at, subject, patient_key, facility, task_id, transition_id, route, request_id, outcome,
         to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
       FROM access_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY at DESC, id DESC LIMIT ${p.add(filter.limit + 1)}`,
      p.values,
    );
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    const more = rows.length > filter.limit && last;
    return {
      items: page.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        subject: row.subject,
        patientKey: row.patient_key,
        facility: row.facility,
        taskId: row.task_id,
        transitionId: row.transition_id,
        route: row.route,
        requestId: row.request_id,
        outcome: row.outcome,
      })),
      nextCursor: more
        ? encodeCursor({ updatedAt: last.cursor_at, id: last.id, filters: filter.fingerprint })
        : null,
    };
  }
}
