import { Client } from 'pg';

/** 20 facilities; each caller of the bench works two of them. */
export const FACILITIES = Array.from({ length: 20 }, (_, i) => `SITE${String(i + 1).padStart(2, '0')}`);

/** The pathways' steps (key, role), as libs/domain defines them. */
const STEPS: [stepKey: string, role: string][] = [
  ['tcm-contact', 'transitional-care-nurse'],
  ['follow-up-visit', 'scheduler'],
  ['medication-reconciliation', 'clinical-pharmacist'],
  ['home-health-liaison-confirmation', 'home-health-liaison'],
  ['home-health-start-of-care', 'home-health-liaison'],
  ['fuh-follow-up-visit', 'behavioral-health-coordinator'],
  ['schedule-referral', 'scheduler'],
];

const MARKER = `CREATE TABLE IF NOT EXISTS bench_worklist_seed (
  steps integer PRIMARY KEY, done integer NOT NULL, seeded_at timestamptz NOT NULL, seconds real NOT NULL)`;

/**
 * `steps` open or claimed tasks over 20 facilities (7 steps, 15 % claimed by 40 people per
 * facility, due from −3 to +14 days, 3 % urgent, 7 % high, past due ones mostly breached), and
 * half as many again completed: what a worklist query must skip. Values from a hash of the row
 * number, so two seeds of one size hold the same shape. Kept between runs (`--reseed` remakes it).
 */
export async function seedWorklist(
  url: string,
  steps: number,
  reseed: boolean,
): Promise<{ reused: boolean; seconds: number }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(MARKER);
    const { rows } = await db.query<{ seconds: number }>(
      'SELECT seconds FROM bench_worklist_seed WHERE steps = $1',
      [steps],
    );
    if (rows.length && !reseed) return { reused: true, seconds: rows[0].seconds };
    const started = Date.now();
    const facilities = `ARRAY[${FACILITIES.map((f) => `'${f}'`).join(',')}]`;
    const stepKeys = `ARRAY[${STEPS.map(([key]) => `'${key}'`).join(',')}]`;
    const roles = `ARRAY[${STEPS.map(([, role]) => `'${role}'`).join(',')}]`;
    await db.query('BEGIN');
    await db.query('TRUNCATE tasks, bench_worklist_seed');
    await db.query(
      `INSERT INTO tasks (transition_id, step_key, role, title, status, priority, facility, patient_key, due_at,
         assignee, episode, breached_at, created_at, updated_at)
       SELECT 'transition:' || f || ':WV' || (n / 7), (${stepKeys})[n % 7 + 1], (${roles})[n % 7 + 1], 'Work it',
         st, CASE WHEN h5 % 100 < 3 THEN 'urgent' WHEN h5 % 100 < 10 THEN 'high' ELSE 'routine' END,
         f, f || '|MRN' || (n / 7), due,
         CASE WHEN st <> 'open' THEN 'user-' || f || '-' || (h4 % 40) END, 'ep-' || (n / 7),
         CASE WHEN due < now() - interval '5 minutes' AND h4 % 10 > 0 THEN due + interval '1 second' END,
         due - interval '4 days', due - interval '4 days'
       FROM generate_series(0, $1::int * 3 / 2 - 1) n,
         LATERAL (SELECT abs(hashint8(n * 64 + 4)) AS h4, abs(hashint8(n * 64 + 5)) AS h5,
           (${facilities})[(n / 7) % 20 + 1] AS f,
           now() - interval '3 days' + (abs(hashint8(n * 64 + 8)) % (17 * 86400)) * interval '1 second' AS due) x,
         LATERAL (SELECT CASE WHEN n >= $1 THEN 'completed' WHEN h4 % 100 < 15 THEN 'claimed' ELSE 'open' END AS st) s`,
      [steps],
    );
    const seconds = (Date.now() - started) / 1000;
    await db.query('INSERT INTO bench_worklist_seed VALUES ($1, $2, now(), $3)', [
      steps,
      Math.floor(steps / 2),
      seconds,
    ]);
    await db.query('COMMIT');
    await db.query('VACUUM ANALYZE tasks');
    return { reused: false, seconds };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}
