import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { careEventKey } from '@ct/contracts';
import { facilityScopeSql } from '../facility-scope';
import { SqlParams } from '../sql';
import {
  GetStuckTransitionsQuery,
  type LinkedDeadLetter,
  type StuckTransition,
  type StuckTransitions,
} from './stuck-transitions.query';

interface Row {
  id: string;
  facility: string;
  pathway: string;
  status: string;
  reason: string | null;
  discharged_at: Date | null;
  updated_at: Date;
  last_at: Date;
  total: string;
}

// last progress: the newest timeline entry (kept on the row by the worker), else the row's creation
const LAST_AT = 'COALESCE(tr.last_progress_at, tr.created_at)';
const COLUMNS = `tr.id, tr.facility, tr.pathway, tr.status, tr.reason, tr.discharged_at, tr.updated_at,
  ${LAST_AT} AS last_at, count(*) OVER () AS total`;

/**
 * Active transitions with no timeline entry for `hours`, and transitions bad data ended (failed),
 * each with its open dead letters: the worker's (keyed by the transition id) and its outbox
 * records' (keyed by the care event key).
 */
@QueryHandler(GetStuckTransitionsQuery)
export class GetStuckTransitionsHandler implements IQueryHandler<GetStuckTransitionsQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(query: GetStuckTransitionsQuery): Promise<StuckTransitions> {
    const { filter } = query;
    const now = new Date();
    const [stuck, failed] = await Promise.all([this.stuck(query, now), this.failed(query)]);
    const letters = await this.deadLetters([...stuck, ...failed].map((row) => row.id));
    const view = (rows: Row[]) => ({
      count: Number(rows[0]?.total ?? 0),
      items: rows.map((row) => toView(row, now, letters.get(row.id) ?? [])),
    });
    return { generatedAt: now.toISOString(), hours: filter.hours, stuck: view(stuck), failed: view(failed) };
  }

  /** One range scan of ix_transitions_status_progress (and its few rows with no entry yet). */
  private stuck({ filter, facilities }: GetStuckTransitionsQuery, now: Date): Promise<Row[]> {
    const p = new SqlParams();
    const cutoff = p.add(new Date(now.getTime() - filter.hours * 3_600_000));
    const scope = facilityScopeSql('tr.facility', facilities, p).map((sql) => `AND ${sql}`);
    return this.db.query(
      `SELECT ${COLUMNS} FROM transitions tr
       WHERE tr.status = 'active' ${scope.join(' ')}
         AND (tr.last_progress_at < ${cutoff} OR (tr.last_progress_at IS NULL AND tr.created_at < ${cutoff}))
       ORDER BY last_at, tr.id LIMIT ${p.add(filter.limit)}`,
      p.values,
    );
  }

  private failed({ filter, facilities }: GetStuckTransitionsQuery): Promise<Row[]> {
    const p = new SqlParams();
    const scope = facilityScopeSql('tr.facility', facilities, p).map((sql) => `AND ${sql}`);
    return this.db.query(
      `SELECT ${COLUMNS} FROM transitions tr
       WHERE tr.status = 'failed' ${scope.join(' ')}
       ORDER BY tr.updated_at DESC, tr.id DESC LIMIT ${p.add(filter.limit)}`,
      p.values,
    );
  }

  private async deadLetters(transitionIds: string[]): Promise<Map<string, LinkedDeadLetter[]>> {
    const byKey = new Map<string, string>();
    for (const id of transitionIds) byKey.set(id, id).set(careEventKey(id), id);
    const found = new Map<string, LinkedDeadLetter[]>();
    if (!byKey.size) return found;
    const rows: { id: string; stage: string; code: string; key: string; created_at: Date }[] =
      await this.db.query(
        `SELECT id, stage, code, key, created_at FROM dead_letters
         WHERE status = 'open' AND key = ANY($1) ORDER BY created_at, id`,
        [[...byKey.keys()]],
      );
    for (const row of rows) {
      const transitionId = byKey.get(row.key)!;
      const letter = {
        id: row.id,
        stage: row.stage,
        code: row.code,
        createdAt: row.created_at.toISOString(),
      };
      found.set(transitionId, [...(found.get(transitionId) ?? []), letter]);
    }
    return found;
  }
}

function toView(row: Row, now: Date, openDeadLetters: LinkedDeadLetter[]): StuckTransition {
  return {
    transitionId: row.id,
    facility: row.facility,
    pathway: row.pathway,
    status: row.status,
    reason: row.reason,
    dischargedAt: row.discharged_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    lastProgressAt: row.last_at.toISOString(),
    hoursSinceProgress: Math.floor((now.getTime() - row.last_at.getTime()) / 360_000) / 10,
    openDeadLetters,
  };
}
