import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@ct/persistence';
import { purgeExpired, RETENTION_LOCK_KEY } from '../../apps/api/src/retention/purge-expired';
import { testEnv } from '../support/test-env';

const DAYS = { accessLogDays: 2190, patientContextDays: 90 };

/** The retention purge against the migrated test database: old rows go, the rest stay. */
describe('retention purge (real PostgreSQL)', () => {
  let db: DataSource;
  const facility = `RP${randomUUID().slice(0, 8)}`.toUpperCase();
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

  const logRead = (subject: string, at: string) =>
    db.query(
      `INSERT INTO access_log (at, subject, patient_key, facility, route, request_id, outcome)
       VALUES ($1, $2, $3, $4, 'GET /api/v1/tasks/:id', $5, 'disclosed')`,
      [at, subject, `${facility}|M1`, facility, randomUUID()],
    );
  const context = (visit: string, dischargedAt: string | null, updatedAt: string) =>
    db.query(
      `INSERT INTO patient_contexts (transition_id, facility, visit_number, patient_key, event_at, discharged_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        `transition:${facility}:${visit}`,
        facility,
        visit,
        `${facility}|M1`,
        updatedAt,
        dischargedAt,
        updatedAt,
      ],
    );
  const remaining = async () => {
    const reads = await db.query<{ subject: string }[]>(
      `SELECT subject FROM access_log WHERE facility = $1 ORDER BY subject`,
      [facility],
    );
    const visits = await db.query<{ visit_number: string }[]>(
      `SELECT visit_number FROM patient_contexts WHERE facility = $1 ORDER BY visit_number`,
      [facility],
    );
    return { reads: reads.map((r) => r.subject), visits: visits.map((r) => r.visit_number) };
  };

  beforeAll(async () => {
    db = await new DataSource(dataSourceOptions(testEnv.databaseUrl, 'retention-test')).initialize();
    await logRead('old-reader', daysAgo(2191));
    await logRead('recent-reader', daysAgo(2189));
    await context('OLD', daysAgo(120), daysAgo(100));
    await context('RECENT-DISCHARGE', daysAgo(30), daysAgo(30));
    await context('LATE-MESSAGE', daysAgo(120), daysAgo(10));
    await context('SILENT-STAY', null, daysAgo(100));
    await context('OPEN-TRANSITION', daysAgo(120), daysAgo(100));
    await db.query(
      `INSERT INTO transitions (id, facility, patient_key, pathway, status) VALUES ($1, $2, $3, 'tcm-discharge-home', 'active')`,
      [`transition:${facility}:OPEN-TRANSITION`, facility, `${facility}|M1`],
    );
  });
  afterAll(async () => {
    await db.query(`DELETE FROM transitions WHERE facility = $1`, [facility]);
    await db.query(`DELETE FROM patient_contexts WHERE facility = $1`, [facility]);
    await db.query(`DELETE FROM access_log WHERE facility = $1`, [facility]);
    await db.destroy();
  });

  it('does nothing while another instance holds the purge lock', async () => {
    const other = db.createQueryRunner();
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [RETENTION_LOCK_KEY]);
      expect(await purgeExpired(db, DAYS)).toEqual({ outcome: 'skipped', accessLog: 0, patientContexts: 0 });
      expect((await remaining()).reads).toEqual(['old-reader', 'recent-reader']);
    } finally {
      await other.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK_KEY]);
      await other.release();
    }
  });

  it('removes reads past ACCESS_LOG_RETENTION_DAYS and contexts of visits ended past PATIENT_CONTEXT_RETENTION_DAYS only', async () => {
    const result = await purgeExpired(db, DAYS);
    expect(result.outcome).toBe('purged');
    expect(result.accessLog).toBeGreaterThanOrEqual(1);
    expect(result.patientContexts).toBeGreaterThanOrEqual(2);
    expect(await remaining()).toEqual({
      reads: ['recent-reader'],
      visits: ['LATE-MESSAGE', 'OPEN-TRANSITION', 'RECENT-DISCHARGE'],
    });
  });
});
