import { Client } from 'pg';
import {
  BACKFILL_LAST_PROGRESS,
  BACKFILL_TASK_ESCALATIONS,
} from '../../libs/persistence/src/migrations/1765200000000-ops-read-marks';

/** How much the ops console's read models hold; `steps` open or claimed tasks, `timeline` entries. */
export interface SeedSize {
  steps: number;
  timeline: number;
}

export interface SeedInfo extends SeedSize {
  reused: boolean;
  seededAt: Date;
  seconds: number;
  transitions: number;
}

export const FACILITIES = [
  'RIVERSIDE',
  'LAKESHORE',
  'SUMMIT',
  'BAYVIEW',
  'NORTHGATE',
  'PINEHURST',
  'HARBORSIDE',
  'MEADOWBROOK',
  'CEDARPARK',
  'WESTEND',
];

/** The pathways' steps as libs/domain defines them (key, role), one row per step. */
const STEPS: [pathway: string, stepKey: string, role: string, title: string][] = [
  [
    'tcm-discharge-home',
    'tcm-contact',
    'transitional-care-nurse',
    'Interactive contact within 2 business days',
  ],
  ['tcm-discharge-home', 'follow-up-visit', 'scheduler', 'Schedule the face-to-face visit'],
  ['tcm-discharge-home', 'medication-reconciliation', 'clinical-pharmacist', 'Reconcile medications'],
  ['discharge-home-health', 'home-health-liaison-confirmation', 'home-health-liaison', 'Confirm the agency'],
  ['discharge-home-health', 'home-health-start-of-care', 'home-health-liaison', 'Confirm start of care'],
  [
    'mental-health-follow-up',
    'fuh-follow-up-visit',
    'behavioral-health-coordinator',
    'Follow-up within 7 days',
  ],
  ['referral-scheduling', 'schedule-referral', 'scheduler', 'Schedule the referral'],
];
const PATHWAYS = [...new Set(STEPS.map(([pathway]) => pathway))];
const SENDERS = FACILITIES.flatMap((facility, i) =>
  i < 2 ? [`EPIC|${facility}`, `CERNER|${facility}`] : [`EPIC|${facility}`],
);

// One marker row says what the database holds; a different size (or --reseed) seeds it again.
const MARKER = `CREATE TABLE IF NOT EXISTS bench_console_seed (
  name text PRIMARY KEY, steps integer NOT NULL, timeline integer NOT NULL, transitions integer NOT NULL,
  seeded_at timestamptz NOT NULL, seconds real NOT NULL)`;

/**
 * The seed, a few INSERT … SELECT generate_series statements relative to `@now`. Values come from
 * a hash of the row number (`pg_temp.h`), so two seeds of one size hold the same shape.
 *
 * - transitions: enough active ones for `steps` tasks (7 steps per 4 transitions, pathway by
 *   row), half as many again ended (completed, expired, …, 2 % failed); 10 facilities.
 * - tasks: 85 % open, 15 % claimed; due from −3 days to +14 days; past due ones mostly carry the
 *   clock's breached_at; 3 % urgent, 7 % high.
 * - transition_timeline: `timeline` entries round robin over all transitions, within the last 3
 *   days (every 25th transition 8 days further back: stuck); 1.5 % escalation.* rungs, a
 *   twentieth of them in an earlier episode (they do not count). Then the marks the worker keeps:
 *   the tasks' pathway and escalation mark, the transitions' last progress.
 * - inbound_messages (steps / 2, 12 senders, last 7 days, ~1 % quarantined), outbox (steps / 10,
 *   25 unsent, 5 dead-lettered), dead_letters (steps / 100, a third open) for the other routes.
 */
function seedSql(): string[] {
  const facilities = `ARRAY[${FACILITIES.map((f) => `'${f}'`).join(',')}]`;
  const pathways = `ARRAY[${PATHWAYS.map((p) => `'${p}'`).join(',')}]`;
  const senders = `ARRAY[${SENDERS.map((s) => `'${s}'`).join(',')}]`;
  const steps = STEPS.map((row) => `(${row.map((v) => `'${v}'`).join(',')})`).join(',\n');
  return [
    `CREATE FUNCTION pg_temp.h(n bigint, salt integer) RETURNS bigint IMMUTABLE LANGUAGE sql
       AS 'SELECT abs(hashint8(n * 64 + salt)::bigint)'`,
    `CREATE TEMP TABLE seed_steps (pathway text, step_key text, role text, title text) ON COMMIT DROP`,
    `INSERT INTO seed_steps VALUES ${steps}`,
    `CREATE TEMP TABLE seed_tr ON COMMIT DROP AS
     SELECT j, f AS facility, 'transition:' || f || ':BV' || j AS id, 'patient:' || f || ':MRN' || j AS patient_key,
       pw AS pathway, 'ep-' || j AS episode, d AS discharged_at,
       (SELECT array_agg(step_key) FROM seed_steps s WHERE s.pathway = pw) AS steps,
       CASE WHEN j < @active THEN 'active'
         WHEN pg_temp.h(j, 2) % 100 < 85 THEN 'completed' WHEN pg_temp.h(j, 2) % 100 < 90 THEN 'expired'
         WHEN pg_temp.h(j, 2) % 100 < 93 THEN 'cancelled' WHEN pg_temp.h(j, 2) % 100 < 96 THEN 'superseded'
         WHEN pg_temp.h(j, 2) % 100 < 98 THEN 'no-outreach' ELSE 'failed' END AS status
     FROM generate_series(0, @transitions - 1) j,
       LATERAL (SELECT (${facilities})[(j / 4) % 10 + 1] AS f, (${pathways})[j % 4 + 1] AS pw,
         @now::timestamptz - (pg_temp.h(j, 1) % (14 * 86400)) * interval '1 second' AS d) x`,
    `INSERT INTO transitions (id, facility, patient_key, pathway, status, reason, discharged_at, created_at, updated_at)
     SELECT id, facility, patient_key, pathway, status,
       CASE WHEN status = 'failed' THEN 'bad data in recordTransition (22021)' END,
       discharged_at, discharged_at + interval '2 seconds',
       LEAST(@now::timestamptz, discharged_at + interval '2 seconds' + (pg_temp.h(j, 3) % (5 * 86400000)) * interval '1 millisecond')
     FROM seed_tr`,
    `INSERT INTO tasks (transition_id, step_key, role, title, status, priority, facility, patient_key, due_at,
       assignee, episode, breached_at, created_at, updated_at, pathway)
     SELECT id, step_key, role, title, CASE WHEN pg_temp.h(n, 4) % 100 < 15 THEN 'claimed' ELSE 'open' END,
       CASE WHEN pg_temp.h(n, 5) % 100 < 3 THEN 'urgent' WHEN pg_temp.h(n, 5) % 100 < 10 THEN 'high' ELSE 'routine' END,
       facility, patient_key, due,
       CASE WHEN pg_temp.h(n, 4) % 100 < 15 THEN 'user-' || pg_temp.h(n, 6) % 40 END, episode,
       CASE WHEN due < @now::timestamptz - interval '5 minutes' AND pg_temp.h(n, 7) % 10 > 0 THEN due + interval '1 second' END,
       discharged_at + interval '3 seconds', discharged_at + interval '3 seconds', pathway
     FROM (SELECT tr.*, s.step_key, s.role, s.title, tr.j * 8 + row_number() OVER (PARTITION BY tr.j ORDER BY s.step_key) AS n
           FROM seed_tr tr JOIN seed_steps s ON s.pathway = tr.pathway WHERE tr.status = 'active'
           ORDER BY tr.j, s.step_key LIMIT @steps) t,
       LATERAL (SELECT @now::timestamptz - interval '3 days' + (pg_temp.h(n, 8) % (17 * 86400)) * interval '1 second' AS due) d`,
    `INSERT INTO transition_timeline (transition_id, kind, step_key, occurred_at, detail, dedupe_key, recorded_at)
     SELECT tr.id, k.kind, CASE WHEN k.kind NOT IN ('event.received', 'pathway.selected', 'event.ignored')
         THEN tr.steps[pg_temp.h(r, 11) % cardinality(tr.steps) + 1] END,
       at, '{"bench": true}'::jsonb,
       tr.id || '|' || CASE WHEN k.kind LIKE 'escalation.%' AND pg_temp.h(r, 12) % 20 = 0 THEN 'ep0-' || tr.j ELSE tr.episode END
         || '|' || k.kind || '|' || r,
       at + interval '50 milliseconds'
     FROM generate_series(0, @timeline - 1) r
       JOIN seed_tr tr ON tr.j = r % @transitions,
       LATERAL (SELECT CASE WHEN r < @transitions THEN 'event.received' WHEN r < 2 * @transitions THEN 'pathway.selected'
         ELSE CASE WHEN pg_temp.h(r, 10) % 1000 < 8 THEN 'escalation.reassign'
           WHEN pg_temp.h(r, 10) % 1000 < 12 THEN 'escalation.notify' WHEN pg_temp.h(r, 10) % 1000 < 15 THEN 'escalation.raise-priority'
           WHEN pg_temp.h(r, 10) % 1000 < 300 THEN 'step.opened' WHEN pg_temp.h(r, 10) % 1000 < 450 THEN 'reminder.sent'
           WHEN pg_temp.h(r, 10) % 1000 < 550 THEN 'step.claimed' WHEN pg_temp.h(r, 10) % 1000 < 620 THEN 'breach.recorded'
           WHEN pg_temp.h(r, 10) % 1000 < 750 THEN 'step.rescheduled' WHEN pg_temp.h(r, 10) % 1000 < 850 THEN 'event.ignored'
           ELSE 'step.retried' END END AS kind,
         @now::timestamptz - (pg_temp.h(r, 9) % (3 * 86400)) * interval '1 second'
           - CASE WHEN tr.j % 25 = 0 THEN interval '8 days' ELSE interval '0' END AS at) k`,
    // the marks the worker keeps as it writes each entry (apps/worker/src/tasks/timeline.writer.ts),
    // by the rules migration 1765200000000 backfills them with
    BACKFILL_TASK_ESCALATIONS,
    BACKFILL_LAST_PROGRESS,
    `INSERT INTO inbound_messages (sender, control_id, transport, message_type, raw, status, reason, event_id,
       received_at, updated_at, content_hash, authenticated_as)
     SELECT sender, 'BC' || m, CASE WHEN m % 3 = 0 THEN 'http' ELSE 'mllp' END, 'ADT^A03',
       'MSH|^~\\&|' || sender || '|CT|CT|' || to_char(at, 'YYYYMMDDHH24MISS') || '||ADT^A03|BC' || m || '|P|2.5',
       st, CASE WHEN st = 'rejected' THEN 'PID-3 missing' WHEN st = 'failed' THEN 'publish timed out' END,
       CASE WHEN st = 'published' THEN 'evt-' || m END, at, at, md5('BC' || m), 'bench-feed'
     FROM generate_series(0, @messages - 1) m,
       LATERAL (SELECT (${senders})[m % ${SENDERS.length} + 1] AS sender,
         @now::timestamptz - (pg_temp.h(m, 13) % (7 * 86400)) * interval '1 second' AS at,
         CASE WHEN pg_temp.h(m, 14) % 1000 < 7 THEN 'rejected' WHEN pg_temp.h(m, 14) % 1000 < 10 THEN 'failed'
           ELSE 'published' END AS st) x`,
    `INSERT INTO outbox (topic, key, value, created_at, sent_at, attempts, dead_lettered_at, last_error)
     SELECT 'care.events.v1', 'tk_' || md5('o' || o), '{"bench": true}'::jsonb, at,
       CASE WHEN o >= 30 THEN at + interval '20 milliseconds' END, CASE WHEN o < 5 THEN 8 ELSE 1 END,
       CASE WHEN o < 5 THEN at + interval '1 minute' END, CASE WHEN o < 5 THEN 'MESSAGE_TOO_LARGE' END
     FROM generate_series(0, @outbox - 1) o,
       LATERAL (SELECT @now::timestamptz - o * interval '7 seconds' AS at) x`,
    `INSERT INTO dead_letters (stage, code, reason, topic, partition, source_ref, key, value, event_id, attempts,
       status, resolved_by, resolution, created_at, updated_at)
     SELECT stage, CASE stage WHEN 'worker' THEN 'BAD_DATA' WHEN 'outbox' THEN 'MESSAGE_TOO_LARGE' ELSE 'UNKNOWN' END,
       'bench dead letter', CASE stage WHEN 'orchestrator' THEN 'adt.events.v1' ELSE 'care.events.v1' END,
       CASE WHEN stage = 'orchestrator' THEN (d % 6)::int END, stage || '/bench-' || d,
       CASE stage WHEN 'worker' THEN tr.id WHEN 'outbox' THEN 'tk_' || left(encode(sha256(convert_to(tr.id, 'UTF8')), 'hex'), 32)
         ELSE tr.patient_key END,
       NULL, 'evt-dl-' || d, 1 + (d % 5)::int, st,
       CASE WHEN st IN ('replayed', 'discarded') THEN 'bench-ops' END,
       CASE WHEN st = 'discarded' THEN 'duplicate' END, at, at
     FROM generate_series(0, @letters - 1) d
       JOIN seed_tr tr ON tr.j = (pg_temp.h(d, 15) % @transitions)::int,
       LATERAL (SELECT (ARRAY['orchestrator', 'outbox', 'worker'])[d % 3 + 1] AS stage,
         CASE WHEN pg_temp.h(d, 16) % 10 < 3 THEN 'open' WHEN pg_temp.h(d, 16) % 10 < 4 THEN 'replay-requested'
           WHEN pg_temp.h(d, 16) % 10 < 6 THEN 'replayed' ELSE 'discarded' END AS st,
         @now::timestamptz - (pg_temp.h(d, 17) % (7 * 86400)) * interval '1 second' AS at) x`,
  ];
}

/** `@name` placeholders → `$n`, each statement with only the values it uses. */
function bind(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const used: string[] = [];
  const text = sql.replace(/@([a-z]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`seed: no value for @${name}`);
    if (!used.includes(name)) used.push(name);
    return `$${used.indexOf(name) + 1}`;
  });
  return [text, used.map((name) => values[name])];
}

// the seed's shape: a seed made before the worker kept the ops marks (version 1) is made again
const SEED_NAME = 'console:2';

const SEED_LOCK = 7_240_611; // pg_advisory_xact_lock key: two benches never seed at once

/**
 * Seeds the bench database with `size`, unless it already holds a seed of that size (and not
 * `reseed`). Counts are derived from `size`, so reusing a seed reuses its shape; its due times
 * are relative to when it was seeded (the age is reported).
 */
export async function seed(url: string, size: SeedSize, reseed: boolean): Promise<SeedInfo> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(MARKER);
    await db.query('BEGIN');
    await db.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const { rows } = await db.query<{ seeded_at: Date; transitions: number; seconds: number }>(
      `SELECT seeded_at, transitions, seconds FROM bench_console_seed
       WHERE name = $3 AND steps = $1 AND timeline = $2`,
      [size.steps, size.timeline, SEED_NAME],
    );
    if (rows.length && !reseed) {
      await db.query('COMMIT');
      const [row] = rows;
      return {
        ...size,
        reused: true,
        seededAt: row.seeded_at,
        seconds: row.seconds,
        transitions: row.transitions,
      };
    }
    const started = performance.now();
    const now = new Date();
    const active = Math.ceil((size.steps * 4) / 7);
    const transitions = active + Math.ceil(active / 2);
    await db.query('SET LOCAL synchronous_commit = off');
    await db.query(
      'TRUNCATE tasks, transitions, transition_timeline, outbox, inbound_messages, dead_letter_actions, dead_letters',
    );
    const values: Record<string, unknown> = {
      now,
      active,
      transitions,
      steps: size.steps,
      timeline: size.timeline,
      messages: Math.ceil(size.steps / 2),
      outbox: Math.max(40, Math.ceil(size.steps / 10)),
      letters: Math.max(30, Math.ceil(size.steps / 100)),
    };
    for (const sql of seedSql()) await db.query(...bind(sql, values));
    const seconds = (performance.now() - started) / 1000;
    // one marker: the tables were emptied, so no other version's describes them
    await db.query('DELETE FROM bench_console_seed');
    await db.query(`INSERT INTO bench_console_seed VALUES ($6, $1, $2, $3, $4, $5)`, [
      size.steps,
      size.timeline,
      transitions,
      now,
      seconds,
      SEED_NAME,
    ]);
    await db.query('COMMIT');
    // fresh statistics and visibility map: the plans of a database that has settled, not of a bulk load
    await db.query(
      'VACUUM ANALYZE tasks, transitions, transition_timeline, outbox, inbound_messages, dead_letters',
    );
    return {
      ...size,
      reused: false,
      seededAt: now,
      seconds: (performance.now() - started) / 1000,
      transitions,
    };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}
