import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CareEventType } from '@ct/contracts';
import { MetricsRegistry } from '@ct/observability';
import { createDataSource } from '@ct/persistence';
import type { TimelineEntry } from '@ct/workflows/care-transition.activities';
import { TasksActivities } from '../../apps/worker/src/tasks/tasks.activities';
import { TasksMetrics } from '../../apps/worker/src/tasks/tasks.metrics';
import {
  BACKFILL_LAST_PROGRESS,
  BACKFILL_TASK_ESCALATIONS,
  BACKFILL_TASK_PATHWAY,
} from '../../libs/persistence/src/migrations/1765200000000-ops-read-marks';
import { testEnv } from '../support/test-env';

const HOUR = 3_600_000;
const STEP = 'tcm-contact';

interface Marks {
  pathway: string;
  escalated_at: Date | null;
  escalation_rungs: number;
  last_progress_at: Date | null;
}

/**
 * The marks the ops API reads instead of joins and timeline scans, as the worker's activities keep
 * them (real PostgreSQL), and as migration 1765200000000 backfills them for rows written before.
 */
describe('ops read marks: tasks.pathway, escalated_at, transitions.last_progress_at (real PostgreSQL)', () => {
  let db: DataSource;
  let activities: TasksActivities;
  const facility = `MARKS${randomUUID().slice(0, 8)}`.toUpperCase();
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  const transitionId = (name: string) => `transition:${facility}:${name}`;
  const ref = (name: string, pathway = 'tcm-discharge-home') => ({
    transitionId: transitionId(name),
    facility,
    pathway,
  });
  const entry = (
    name: string,
    kind: CareEventType,
    occurredAt: string,
    episode = 'ep-1',
    part = '0',
  ): TimelineEntry => ({
    kind,
    stepKey: kind.startsWith('transition.') ? undefined : STEP,
    occurredAt,
    dedupeKey: [transitionId(name), episode, kind, STEP, part].join('|'),
  });
  const marks = async (name: string): Promise<Marks> => {
    const [row]: Marks[] = await db.query(
      `SELECT t.pathway, t.escalated_at, t.escalation_rungs, tr.last_progress_at
       FROM transitions tr LEFT JOIN tasks t ON t.transition_id = tr.id WHERE tr.id = $1`,
      [transitionId(name)],
    );
    return row;
  };
  const record = (name: string, entries: TimelineEntry[], pathway?: string) =>
    activities.recordTransition({
      ...ref(name, pathway),
      patientKey: `${facility}|P-${name}`,
      status: 'active',
      entries,
    });
  const open = (name: string, episode: string, occurredAt: string) =>
    activities.openTask({
      ...ref(name),
      stepKey: STEP,
      role: 'care-coordinator',
      title: 'Call the patient',
      patientKey: `${facility}|P-${name}`,
      dueAt: at(-24),
      episode,
      entry: entry(name, 'step.opened', occurredAt, episode),
    });

  beforeAll(async () => {
    db = createDataSource(testEnv.databaseUrl, 'ops-read-marks-test');
    await db.initialize();
    activities = new TasksActivities(db, new TasksMetrics(new MetricsRegistry()));
  });
  afterAll(async () => {
    if (db?.isInitialized) {
      const like = `transition:${facility}:%`;
      await db.query(`DELETE FROM tasks WHERE facility = $1`, [facility]);
      await db.query(`DELETE FROM transition_timeline WHERE transition_id LIKE $1`, [like]);
      await db.query(`DELETE FROM outbox WHERE value->>'transitionId' LIKE $1`, [like]);
      await db.query(`DELETE FROM transitions WHERE facility = $1`, [facility]);
      await db.destroy();
    }
  });

  it('keeps the last progress at the newest entry; an entry that arrives late does not move it back', async () => {
    await record('A', [entry('A', 'transition.active', at(5))]);
    expect(iso((await marks('A')).last_progress_at)).toBe(at(5));
    await open('A', 'ep-1', at(4));
    expect(iso((await marks('A')).last_progress_at)).toBe(at(4));
    await activities.recordTimeline({ ...ref('A'), entries: [entry('A', 'reminder.sent', at(9))] });
    expect(iso((await marks('A')).last_progress_at)).toBe(at(4));
  });

  it('takes the entries written before the transition row as its last progress', async () => {
    await activities.recordTimeline({ ...ref('B'), entries: [entry('B', 'event.received', at(30))] });
    await record('B', []);
    expect(iso((await marks('B')).last_progress_at)).toBe(at(30));
  });

  it('copies the pathway to the task, and a changed pathway to its tasks', async () => {
    await record('C', [entry('C', 'transition.active', at(3))]);
    await open('C', 'ep-1', at(3));
    expect((await marks('C')).pathway).toBe('tcm-discharge-home');
    await record('C', [], 'discharge-home-health');
    expect((await marks('C')).pathway).toBe('discharge-home-health');
  });

  it('marks a task escalated by a rung of its episode, once per rung however often retried', async () => {
    await record('D', [entry('D', 'transition.active', at(6))]);
    await open('D', 'ep-1', at(6));
    expect(await marks('D')).toMatchObject({ escalated_at: null, escalation_rungs: 0 });
    const rung = {
      ...ref('D'),
      stepKey: STEP,
      role: 'supervisor',
      entry: entry('D', 'escalation.reassign', at(2)),
    };
    await activities.changeTask(rung);
    await activities.changeTask(rung); // a retried activity
    expect(await marks('D')).toMatchObject({ escalated_at: new Date(at(2)), escalation_rungs: 1 });
    await activities.changeTask({
      ...ref('D'),
      stepKey: STEP,
      entry: entry('D', 'escalation.notify', at(1), 'ep-1', '1'),
    });
    expect(await marks('D')).toMatchObject({ escalated_at: new Date(at(2)), escalation_rungs: 2 });
  });

  it('ignores a rung of an earlier episode, and a new episode starts the step clean', async () => {
    await record('E', [entry('E', 'transition.active', at(6))]);
    await open('E', 'ep-2', at(6));
    await activities.recordTimeline({
      ...ref('E'),
      entries: [entry('E', 'escalation.notify', at(5), 'ep-1')],
    });
    expect(await marks('E')).toMatchObject({ escalated_at: null, escalation_rungs: 0 });
    await activities.recordTimeline({
      ...ref('E'),
      entries: [entry('E', 'escalation.notify', at(4), 'ep-2')],
    });
    expect(await marks('E')).toMatchObject({ escalation_rungs: 1 });
    await open('E', 'ep-3', at(3));
    expect(await marks('E')).toMatchObject({ escalated_at: null, escalation_rungs: 0 });
  });

  it('backfills rows written before the marks by the same rules', async () => {
    // as the code before migration 1765200000000 wrote them: no marks at all
    const id = transitionId('F');
    await db.query(
      `INSERT INTO transitions (id, facility, patient_key, pathway, status) VALUES ($1, $2, 'p', 'referral-scheduling', 'active')`,
      [id, facility],
    );
    await db.query(
      `INSERT INTO tasks (transition_id, step_key, role, title, facility, patient_key, due_at, episode)
       VALUES ($1, $2, 'scheduler', 'Schedule', $3, 'p', now(), 'ep-2')`,
      [id, STEP, facility],
    );
    const raw = (e: TimelineEntry) =>
      db.query(
        `INSERT INTO transition_timeline (transition_id, kind, step_key, occurred_at, dedupe_key) VALUES ($1, $2, $3, $4, $5)`,
        [id, e.kind, e.stepKey ?? null, e.occurredAt, e.dedupeKey],
      );
    await raw(entry('F', 'transition.active', at(7), 'ep-2'));
    await raw(entry('F', 'escalation.reassign', at(3), 'ep-2'));
    await raw(entry('F', 'escalation.notify', at(2), 'ep-2', '1'));
    await raw(entry('F', 'escalation.notify', at(1), 'ep-1')); // an earlier episode's
    expect(await marks('F')).toMatchObject({ pathway: 'none', escalation_rungs: 0, last_progress_at: null });
    for (const sql of [BACKFILL_TASK_PATHWAY, BACKFILL_TASK_ESCALATIONS, BACKFILL_LAST_PROGRESS]) {
      await db.query(sql);
    }
    expect(await marks('F')).toEqual({
      pathway: 'referral-scheduling',
      escalated_at: new Date(at(3)),
      escalation_rungs: 2,
      last_progress_at: new Date(at(1)),
    });
  });
});
