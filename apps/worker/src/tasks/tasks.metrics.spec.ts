import type { DataSource, EntityManager } from 'typeorm';
import { MetricsRegistry } from '@ct/observability';
import type { CareEventType } from '@ct/contracts';
import type { ChangeTaskInput } from '@ct/workflows/care-transition.activities';
import { TasksActivities } from './tasks.activities';
import { TasksMetrics } from './tasks.metrics';

const TRANSITION = 'transition:RIVERSIDE:V7788001';

function change(kind: CareEventType, dedupeKey = `${TRANSITION}:${kind}`): ChangeTaskInput {
  return {
    transitionId: TRANSITION,
    facility: 'RIVERSIDE',
    pathway: 'tcm-discharge-home',
    stepKey: 'tcm-contact',
    priority: 'urgent',
    entry: { kind, stepKey: 'tcm-contact', occurredAt: '2026-11-20T16:30:00Z', dedupeKey },
  };
}

/** A database whose inserts are all new, unless `seen` has the dedupe key; `failCommit` rolls back. */
function setUp(options: { seen?: string[]; failCommit?: boolean } = {}) {
  const registry = new MetricsRegistry();
  const manager = {
    query: jest.fn(async (sql: string, params: unknown[] = []) => {
      if (sql.includes('INSERT INTO transition_timeline'))
        return options.seen?.includes(params[5] as string) ? [] : [{ id: 'entry-1' }];
      if (sql.startsWith('UPDATE')) return [[], 1];
      return [];
    }),
  } as unknown as EntityManager;
  const db = {
    transaction: async (work: (m: EntityManager) => Promise<unknown>) => {
      const result = await work(manager);
      if (options.failCommit) throw new Error('could not serialize access');
      return result;
    },
  } as unknown as DataSource;
  const activities = new TasksActivities(db, new TasksMetrics(registry)).asActivities();
  const values = async (name: string) => (await registry.getSingleMetric(name)?.get())?.values ?? [];
  return { activities, values, registry };
}

describe('TasksMetrics', () => {
  it('counts an escalation written, by action, facility, pathway and step, once committed', async () => {
    const { activities, values } = setUp();
    await activities.changeTask(change('escalation.raise-priority'));
    await activities.changeTask(change('breach.recorded'));
    expect(await values('ct_worker_escalations_total')).toEqual([
      {
        labels: {
          action: 'raise-priority',
          facility: 'RIVERSIDE',
          pathway: 'tcm-discharge-home',
          step: 'tcm-contact',
        },
        value: 1,
      },
    ]);
  });

  it('does not count an escalation a retry finds already written, nor one whose transaction rolled back', async () => {
    const kind = 'escalation.notify';
    await expect(setUp({ failCommit: true }).activities.changeTask(change(kind))).rejects.toThrow();
    const retried = setUp({ seen: [`${TRANSITION}:${kind}`] });
    await retried.activities.changeTask(change(kind));
    expect(await retried.values('ct_worker_escalations_total')).toEqual([]);
  });

  it('times each activity by name and counts failures by kind', async () => {
    const { activities, values } = setUp({ failCommit: true });
    await expect(activities.changeTask(change('escalation.notify'))).rejects.toThrow();
    const ok = setUp();
    await ok.activities.changeTask(change('step.claimed'));
    expect(await values('ct_worker_activity_failures_total')).toEqual([
      { labels: { activity: 'changeTask', kind: 'error' }, value: 1 },
    ]);
    const counts = (await ok.values('ct_worker_activity_duration_seconds')).filter((v) =>
      (v as { metricName?: string }).metricName?.endsWith('_count'),
    );
    expect(counts).toEqual([
      expect.objectContaining({ labels: { activity: 'changeTask', outcome: 'ok' }, value: 1 }),
    ]);
  });

  it('calls bad data bad-data, and puts no transition id or visit in any label', async () => {
    const refused = Object.assign(new Error('invalid byte sequence'), { code: '22021' });
    jest.spyOn(TasksActivities.prototype, 'changeTask').mockRejectedValueOnce(refused);
    const { activities, values, registry } = setUp(); // binds the spied method
    await expect(activities.changeTask(change('escalation.notify'))).rejects.toMatchObject({
      type: 'BadData',
    });
    await activities.changeTask(change('escalation.reassign'));
    expect(await values('ct_worker_activity_failures_total')).toEqual([
      { labels: { activity: 'changeTask', kind: 'bad-data' }, value: 1 },
    ]);
    expect(await values('ct_worker_escalations_total')).toHaveLength(1);
    expect(await registry.metrics()).not.toMatch(/V7788001|transition:/);
  });
});
