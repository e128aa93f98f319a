import type { DataSource } from 'typeorm';

export interface RetentionDays {
  accessLogDays: number;
  patientContextDays: number;
}

export interface PurgeResult {
  /** skipped: another instance holds the lock and is purging. */
  outcome: 'purged' | 'skipped';
  accessLog: number;
  patientContexts: number;
}

/** One key for "the retention purge runs": two api instances never purge at once. */
export const RETENTION_LOCK_KEY = 7_765_500_001;
// deletes go in slices, so no statement holds many row locks or runs into the statement timeout
const BATCH = 5_000;

const ACCESS_LOG_SQL = `DELETE FROM access_log WHERE id IN (
  SELECT id FROM access_log WHERE at < now() - make_interval(days => $1) LIMIT $2)`;

/**
 * Context of a visit that ended: its discharge (when there is one) and its last message are
 * older than the retention, and its transition is not active or paused. A stay that gets no
 * message for that long is purged too; its discharge message brings the context back.
 */
const PATIENT_CONTEXT_SQL = `DELETE FROM patient_contexts WHERE transition_id IN (
  SELECT c.transition_id FROM patient_contexts c
  WHERE c.updated_at < now() - make_interval(days => $1)
    AND (c.discharged_at IS NULL OR c.discharged_at < now() - make_interval(days => $1))
    AND NOT EXISTS (SELECT 1 FROM transitions t WHERE t.id = c.transition_id AND t.status IN ('active', 'paused'))
  LIMIT $2)`;

/** Deletes what outlived its retention, slice by slice, under a session advisory lock. */
export async function purgeExpired(db: DataSource, days: RetentionDays): Promise<PurgeResult> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
      RETENTION_LOCK_KEY,
    ])) as { locked: boolean }[];
    if (!locked) return { outcome: 'skipped', accessLog: 0, patientContexts: 0 };
    try {
      const deleteAll = async (sql: string, retention: number) => {
        let total = 0;
        for (;;) {
          // TypeORM answers a DELETE with [rows, affected count]
          const [, count] = (await runner.query(sql, [retention, BATCH])) as [unknown, number];
          total += count;
          if (count < BATCH) return total;
        }
      };
      return {
        outcome: 'purged',
        accessLog: await deleteAll(ACCESS_LOG_SQL, days.accessLogDays),
        patientContexts: await deleteAll(PATIENT_CONTEXT_SQL, days.patientContextDays),
      };
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
