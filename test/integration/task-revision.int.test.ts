import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MetricsRegistry } from '@ct/observability';
import { createDataSource } from '@ct/persistence';
import type { ChangeTaskInput } from '@ct/workflows/care-transition.activities';
import { TasksActivities } from '../../apps/worker/src/tasks/tasks.activities';
import { TasksMetrics } from '../../apps/worker/src/tasks/tasks.metrics';
import { testEnv } from '../support/test-env';

/** The worker's task writes keep the holder and the revision the workflow last decided (real PostgreSQL). */
describe('tasks.revision and the holder in the read model', () => {
  let db: DataSource;
  let activities: TasksActivities;

  beforeAll(async () => {
    db = createDataSource(testEnv.databaseUrl, 'task-revision-test');
    await db.initialize();
    activities = new TasksActivities(db, new TasksMetrics(new MetricsRegistry()));
  });
  afterAll(async () => {
    await db?.destroy();
  });

  /** An open task of its own transition, at revision 1, and a change of it. */
  async function openTask() {
    const ref = {
      transitionId: `transition:REVISION:${randomUUID()}`,
      facility: 'REVISION',
      pathway: 'tcm-discharge-home',
    };
    let seq = 0;
    const entry = (kind: ChangeTaskInput['entry']['kind']) => ({
      kind,
      stepKey: 'tcm-contact',
      occurredAt: new Date().toISOString(),
      dedupeKey: `${ref.transitionId}|${kind}|${++seq}`,
    });
    await activities.openTask({
      ...ref,
      stepKey: 'tcm-contact',
      role: 'transitional-care-nurse',
      title: 'Contact the patient',
      patientKey: 'REVISION|MRN1',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      episode: randomUUID(),
      revision: 1,
      entry: entry('step.opened'),
    });
    const change = (
      fields: Partial<ChangeTaskInput>,
      kind: ChangeTaskInput['entry']['kind'] = 'step.claimed',
    ) => activities.changeTask({ ...ref, stepKey: 'tcm-contact', ...fields, entry: entry(kind) });
    const row = async () => {
      const [task] = await db.query(
        `SELECT status, assignee, revision, breached_at IS NOT NULL AS breached FROM tasks WHERE transition_id = $1`,
        [ref.transitionId],
      );
      return task as { status: string; assignee: string | null; revision: number; breached: boolean };
    };
    return { change, row };
  }

  it('claims, gives back to the pool, and counts the revision', async () => {
    const { change, row } = await openTask();
    expect(await row()).toEqual({ status: 'open', assignee: null, revision: 1, breached: false });
    await change({ assignee: 'nurse-a', revision: 2 });
    expect(await row()).toEqual({ status: 'claimed', assignee: 'nurse-a', revision: 2, breached: false });
    await change({ assignee: null, revision: 3 }, 'step.unclaimed');
    expect(await row()).toEqual({ status: 'open', assignee: null, revision: 3, breached: false });
  });

  it('does not move the holder back when an older change commits after a newer one', async () => {
    const { change, row } = await openTask();
    await change({ assignee: 'nurse-b', revision: 4 }, 'step.reassigned');
    await change({ assignee: null, revision: 3 }, 'step.unclaimed'); // late
    await change({ breached: true, revision: 2 }, 'breach.recorded'); // late, but a breach still counts
    expect(await row()).toEqual({ status: 'claimed', assignee: 'nurse-b', revision: 4, breached: true });
  });

  it('takes a change without a revision (scheduled before revisions) as before', async () => {
    const { change, row } = await openTask();
    await change({ assignee: 'nurse-c' });
    expect(await row()).toEqual({ status: 'claimed', assignee: 'nurse-c', revision: 1, breached: false });
  });
});
