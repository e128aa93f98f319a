import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { facilityScopeSql } from '../facility-scope';
import { SqlParams } from '../sql';
import { encodeCursor } from './cursor';
import { ListTransitionsQuery, type TransitionListItem, type TransitionPage } from './list-transitions.query';

interface Row {
  id: string;
  facility: string;
  pathway: string;
  status: string;
  reason: string | null;
  discharged_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** updated_at to the microsecond, UTC: what the cursor keeps. */
  cursor_at: string;
}

/**
 * Newest change first, a keyset page at a time over (updated_at, id): a transition written while
 * someone pages moves to the front and is seen on a fresh first page; no row is listed twice.
 */
@QueryHandler(ListTransitionsQuery)
export class ListTransitionsHandler implements IQueryHandler<ListTransitionsQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ filter, facilities }: ListTransitionsQuery): Promise<TransitionPage> {
    const p = new SqlParams();
    const where = facilityScopeSql('facility', facilities, p);
    if (filter.pathway) where.push(`pathway = ${p.add(filter.pathway)}`);
    if (filter.status) where.push(`status = ${p.add(filter.status)}`);
    if (filter.dischargedFrom) where.push(`discharged_at >= ${p.add(filter.dischargedFrom)}`);
    if (filter.dischargedTo) where.push(`discharged_at < ${p.add(filter.dischargedTo)}`);
    if (filter.cursor) {
      const after = `(${p.add(filter.cursor.updatedAt)}::timestamptz, ${p.add(filter.cursor.id)}::text)`;
      where.push(`(updated_at, id) < ${after}`);
    }
    const rows: Row[] = await this.db.query(
      `SELECT id, facility, pathway, status, reason, discharged_at, created_at, updated_at,
         to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
       FROM transitions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY updated_at DESC, id DESC LIMIT ${p.add(filter.limit + 1)}`,
      p.values,
    );
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    const more = rows.length > filter.limit && last;
    return {
      items: page.map(toItem),
      nextCursor: more
        ? encodeCursor({ updatedAt: last.cursor_at, id: last.id, filters: filter.fingerprint })
        : null,
    };
  }
}

function toItem(row: Row): TransitionListItem {
  return {
    id: row.id,
    facility: row.facility,
    pathway: row.pathway,
    status: row.status,
    reason: row.reason,
    dischargedAt: row.discharged_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
